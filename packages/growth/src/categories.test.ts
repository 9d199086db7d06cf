import { describe, expect, it } from "vitest";
import {
  BBU_STATUSES,
  GIZI_STATUSES,
  isStunted,
  statusBbtb,
  statusBbu,
  statusImtu,
  statusTbu,
  TBU_STATUSES,
} from "./categories.ts";

// Worked boundary cases from Permenkes 2/2020: [z, expected code].
const tbuCases: [number, string][] = [
  [-6, "sangat_pendek"],
  [-3.01, "sangat_pendek"],
  [-3, "pendek"],
  [-2.01, "pendek"],
  [-2, "normal"],
  [0, "normal"],
  [1, "normal"],
  [2, "normal"],
  [3, "normal"],
  [3.01, "tinggi"],
];

const bbuCases: [number, string][] = [
  [-3.01, "sangat_kurang"],
  [-3, "kurang"],
  [-2.01, "kurang"],
  [-2, "normal"],
  [1, "normal"],
  [1.01, "risiko_lebih"],
  [2, "risiko_lebih"],
  [3, "risiko_lebih"],
  [3.01, "risiko_lebih"],
];

const giziCases: [number, string][] = [
  [-3.01, "gizi_buruk"],
  [-3, "gizi_kurang"],
  [-2.01, "gizi_kurang"],
  [-2, "gizi_baik"],
  [-1, "gizi_baik"],
  [1, "gizi_baik"],
  [1.01, "berisiko_gizi_lebih"],
  [2, "berisiko_gizi_lebih"],
  [2.01, "gizi_lebih"],
  [3, "gizi_lebih"],
  [3.01, "obesitas"],
];

describe("Permenkes 2/2020 categories", () => {
  it.each(tbuCases)("TB/U z = %s is %s", (z, code) => {
    expect(statusTbu(z)?.code).toBe(code);
  });
  it.each(bbuCases)("BB/U z = %s is %s", (z, code) => {
    expect(statusBbu(z)?.code).toBe(code);
  });
  it.each(giziCases)("BB/TB z = %s is %s", (z, code) => {
    expect(statusBbtb(z)?.code).toBe(code);
  });
  it.each(giziCases)("IMT/U z = %s is %s", (z, code) => {
    expect(statusImtu(z)?.code).toBe(code);
  });

  it("gives no category for a missing z", () => {
    for (const status of [statusTbu, statusBbu, statusBbtb, statusImtu]) {
      expect(status(undefined)).toBeUndefined();
      expect(status(Number.NaN)).toBeUndefined();
    }
  });

  it("labels every category in Indonesian and English", () => {
    expect(statusTbu(-2.5)).toEqual({ code: "pendek", id: "Pendek", en: "Stunted" });
    expect(statusBbtb(-3.5)).toEqual({ code: "gizi_buruk", id: "Gizi buruk", en: "Severely wasted" });
    for (const s of [...TBU_STATUSES, ...BBU_STATUSES, ...GIZI_STATUSES]) {
      expect(s.id.length).toBeGreaterThan(0);
      expect(s.en.length).toBeGreaterThan(0);
      expect(s.code).toMatch(/^[a-z_]+$/);
    }
  });

  it.each([
    [-2.01, true],
    [-2, false],
    [-3.5, true],
  ])("stunting at z = %s is %s", (z, stunted) => {
    expect(isStunted(z)).toBe(stunted);
  });
});
