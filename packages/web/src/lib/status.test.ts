import { describe, expect, it } from "vitest";
import en from "../i18n/en.json";
import id from "../i18n/id.json";
import { formatZ, statusKey, statusTone } from "./status.ts";

const codes = {
  tbu: ["sangat_pendek", "pendek", "normal", "tinggi"],
  bbu: ["sangat_kurang", "kurang", "normal", "risiko_lebih"],
  bbtb: ["gizi_buruk", "gizi_kurang", "gizi_baik", "berisiko_gizi_lebih", "gizi_lebih", "obesitas"],
  imtu: ["gizi_buruk", "gizi_kurang", "gizi_baik", "berisiko_gizi_lebih", "gizi_lebih", "obesitas"],
} as const;

describe("status display", () => {
  it.each([
    ["pendek", "bad"],
    ["sangat_pendek", "bad"],
    ["normal", "good"],
    ["risiko_lebih", "warn"],
    ["gizi_buruk", "bad"],
    ["gizi_baik", "good"],
    ["berisiko_gizi_lebih", "warn"],
    ["obesitas", "bad"],
  ])("%s is shown as %s", (code, tone) => {
    expect(statusTone(code)).toBe(tone);
  });
  it("has no tone for a missing or unknown code", () => {
    expect(statusTone(null)).toBeNull();
    expect(statusTone("unknown")).toBeNull();
  });
  it("has a label in both languages for every Permenkes code", () => {
    for (const [ind, list] of Object.entries(codes)) {
      for (const code of list) {
        const key = statusKey(ind as keyof typeof codes, code).split(".");
        const get = (o: unknown) =>
          key.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
        expect(typeof get(id), `${ind}.${code} (id)`).toBe("string");
        expect(typeof get(en), `${ind}.${code} (en)`).toBe("string");
      }
    }
  });
  it("writes z-scores with a sign and two decimals", () => {
    expect(formatZ(-2.345, "en")).toBe("−2.35");
    expect(formatZ(1.5, "id")).toBe("+1,50");
    expect(formatZ(0, "en")).toBe("0.00");
    expect(formatZ(null, "en")).toBe("–");
  });
});
