import { describe, expect, it } from "vitest";
import id from "../../i18n/id.json";
import { childTableCaption } from "./childTableCaption.ts";

// a tiny translator over the real Indonesian strings
const t = (key: string, o?: Record<string, string>) => {
  const text = key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], id) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, k) => o?.[k] ?? "");
};

describe("childTableCaption", () => {
  it("names the rows by their level", () => {
    expect(
      childTableCaption(
        { region: { level: "district", name: "Trenggalek" }, children: [{ level: "subdistrict" }] },
        t,
      ),
    ).toBe("Kecamatan di Trenggalek");
    expect(
      childTableCaption(
        { region: { level: "village", name: "Besuki" }, children: [{ level: "posyandu" }] },
        t,
      ),
    ).toBe("Posyandu di Besuki");
  });
  it("uses the level below the region when there are no rows, and the nation's name", () => {
    expect(childTableCaption({ region: { level: "subdistrict", name: "Panggul" }, children: [] }, t)).toBe(
      "Desa/kelurahan di Panggul",
    );
    expect(childTableCaption({ region: { level: "nation", name: "ID" }, children: [] }, t)).toBe(
      "Provinsi di Indonesia",
    );
  });
});
