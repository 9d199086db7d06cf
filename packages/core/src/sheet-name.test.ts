import { describe, expect, it } from "vitest";
import { sheetName } from "./sheet-name.ts";

describe("sheetName", () => {
  it.each([
    ["Prevalensi 2025-08", "Prevalensi 2025-08"],
    ["Tren KABUPATEN TRENGGALEK", "Tren KABUPATEN TRENGGALEK"],
    // 36 characters: cut at the last word that fits in 31
    ["Tren KOTA ADMINISTRASI JAKARTA PUSAT", "Tren KOTA ADMINISTRASI JAKARTA"],
    ["a/b:c*d?e[f]g\\h", "a b c d e f g h"],
    ["", "Tabel"],
  ])("%j → %j", (name, sheet) => {
    expect(sheetName(name)).toBe(sheet);
    expect(sheetName(name).length).toBeLessThanOrEqual(31);
  });
});
