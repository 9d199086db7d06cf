import { describe, expect, it } from "vitest";
import { checkConfig } from "./config.ts";
import {
  assessKeluargaBerisiko,
  type FamilyFacts,
  KRS_RULE_PK21,
  KrsRule,
  krsRuleForYear,
  type Latrine,
  type WaterSource,
} from "./keluarga.ts";

const ON = "2025-08-01";
const SAFE: FamilyFacts = {
  motherBirthDate: "1995-01-15",
  children: [{ birthDate: "2019-05-01" }, { birthDate: "2022-06-01" }],
  waterSource: "ledeng",
  latrine: "jamban_septik",
};
const OVER_35: KrsRule = { ...KRS_RULE_PK21, version: "over-35", terlaluTua: { fromAge: 35, toAge: null } };

describe("keluarga berisiko stunting", () => {
  it("a family with every fact recorded and no factor is not at risk", () => {
    const a = assessKeluargaBerisiko(SAFE, ON);
    expect(a.verdict).toBe("tidak_berisiko");
    expect(a.reasons).toEqual([]);
    expect(a.factors.terlalu_muda).toEqual({
      value: false,
      detail: "mother 30 years old on 2025-08-01",
      userMessage: { key: "krs.motherAge", params: { age: 30, on: "2025-08-01" } },
    });
    expect(a.rule).toBe("bkkbn-pk21");
  });

  it.each([
    // mother's birth date → age on 2025-08-01, terlalu muda, terlalu tua (35–40), terlalu tua (over 35)
    ["2005-08-02", 19, true, false, false],
    ["2005-08-01", 20, false, false, false],
    ["1990-08-02", 34, false, false, false],
    ["1990-08-01", 35, false, true, true],
    ["1984-08-02", 40, false, true, true],
    ["1984-08-01", 41, false, false, true],
  ])("mother born %s is %i: muda %s, tua %s (over-35 reading: %s)", (birth, age, muda, tua, tuaOver35) => {
    const facts = { ...SAFE, motherBirthDate: birth };
    const a = assessKeluargaBerisiko(facts, ON);
    expect(a.factors.terlalu_muda).toEqual({
      value: muda,
      detail: `mother ${age} years old on ${ON}`,
      userMessage: { key: "krs.motherAge", params: { age, on: ON } },
    });
    expect(a.factors.terlalu_tua.value).toBe(tua);
    expect(assessKeluargaBerisiko(facts, ON, OVER_35).factors.terlalu_tua.value).toBe(tuaOver35);
  });

  it("an unknown birth date leaves both age factors unknown", () => {
    const a = assessKeluargaBerisiko({ ...SAFE, motherBirthDate: null }, ON);
    expect([a.factors.terlalu_muda.value, a.factors.terlalu_tua.value]).toEqual([null, null]);
    expect(a.factors.terlalu_tua.userMessage).toEqual({ key: "krs.motherBirthDateNotRecorded" });
    expect(a.verdict).toBe("tidak_diketahui");
    expect(a.unknown).toEqual(["terlalu_muda", "terlalu_tua"]);
  });

  const close = (first: string, second: string, months: number) => ({
    key: "krs.birthsClose",
    params: { first, second, months },
  });
  const spacingOk = { key: "krs.spacingOk", params: { months: 24 } };
  const fewer = { key: "krs.fewerThanTwoBirths" };
  it.each([
    // children's birth dates → terlalu dekat, detail, its catalogue message
    [
      ["2022-03-10", "2024-03-09"],
      true,
      "births 2022-03-10 and 2024-03-09 are 23 months apart",
      close("2022-03-10", "2024-03-09", 23),
    ],
    [["2022-03-10", "2024-03-10"], false, "every spacing at least 24 months", spacingOk],
    [["2023-01-05", "2023-01-05"], false, "fewer than two births", fewer], // twins: one birth
    [["2018-02-01", "2023-01-05", "2023-01-05"], false, "every spacing at least 24 months", spacingOk],
    [
      ["2020-01-01", "2023-01-01", null],
      null,
      "1 child(ren) without a birth date",
      { key: "krs.undatedChildren", params: { count: 1 } },
    ],
    [
      ["2020-01-01", "2021-06-01", null],
      true,
      "births 2020-01-01 and 2021-06-01 are 17 months apart",
      close("2020-01-01", "2021-06-01", 17),
    ],
    [["2020-01-01"], false, "fewer than two births", fewer],
    [[null], false, "fewer than two births", fewer],
    [["2024-01-01", "2025-09-01"], false, "fewer than two births", fewer], // a birth after the reference date is not counted
  ])("children %j: terlalu dekat %s", (dates, value, detail, message) => {
    const facts = { ...SAFE, children: dates.map((birthDate) => ({ birthDate })) };
    expect(assessKeluargaBerisiko(facts, ON).factors.terlalu_dekat).toEqual({
      value,
      detail,
      userMessage: message,
    });
  });

  it.each([
    [3, false],
    [4, true],
  ])("%i children: terlalu banyak %s (children without a birth date count)", (n, value) => {
    const children = [
      { birthDate: "2012-01-01" },
      { birthDate: "2015-01-01" },
      { birthDate: "2018-01-01" },
      { birthDate: null },
    ].slice(0, n);
    expect(assessKeluargaBerisiko({ ...SAFE, children }, ON).factors.terlalu_banyak).toEqual({
      value,
      detail: `${n} children`,
      userMessage: { key: "krs.children", params: { count: n } },
    });
  });

  it("unrecorded children leave spacing and number unknown", () => {
    const a = assessKeluargaBerisiko({ ...SAFE, children: null }, ON);
    expect(a.unknown).toEqual(["terlalu_dekat", "terlalu_banyak"]);
  });

  it.each([
    ["kemasan_isi_ulang", false],
    ["ledeng", false],
    ["sumur_bor", false],
    ["sumur_terlindungi", false],
    ["sumur_tidak_terlindungi", true],
    ["mata_air_terlindungi", true], // not listed as layak by this version (see its notes)
    ["mata_air_tidak_terlindungi", true],
    ["air_hujan", true],
    ["air_permukaan", true],
    ["lainnya", true],
  ] as [WaterSource, boolean][])("water source %s: air minum tidak layak %s", (waterSource, value) => {
    expect(assessKeluargaBerisiko({ ...SAFE, waterSource }, ON).factors.air_minum_tidak_layak.value).toBe(
      value,
    );
  });

  it.each([
    ["jamban_septik", false],
    ["jamban_tanpa_septik", true],
    ["tidak_ada", true],
  ] as [Latrine, boolean][])("latrine %s: jamban tidak layak %s", (latrine, value) => {
    expect(assessKeluargaBerisiko({ ...SAFE, latrine }, ON).factors.jamban_tidak_layak.value).toBe(value);
  });

  it.each([
    // facts changed from the safe family → verdict, reasons, unknown
    [{}, "tidak_berisiko", [], []],
    [{ waterSource: null }, "tidak_diketahui", [], ["air_minum_tidak_layak"]],
    [
      { waterSource: null, motherBirthDate: "2006-01-01" },
      "berisiko",
      ["terlalu_muda"],
      ["air_minum_tidak_layak"],
    ],
    [
      { latrine: "tidak_ada", waterSource: "air_hujan" },
      "berisiko",
      ["air_minum_tidak_layak", "jamban_tidak_layak"],
      [],
    ],
    [
      { motherBirthDate: null, children: null, waterSource: null, latrine: null },
      "tidak_diketahui",
      [],
      [
        "air_minum_tidak_layak",
        "jamban_tidak_layak",
        "terlalu_muda",
        "terlalu_tua",
        "terlalu_dekat",
        "terlalu_banyak",
      ],
    ],
  ] as [Partial<FamilyFacts>, string, string[], string[]][])(
    "verdict for %j: %s",
    (change, verdict, reasons, unknown) => {
      const a = assessKeluargaBerisiko({ ...SAFE, ...change }, ON);
      expect([a.verdict, a.reasons, a.unknown]).toEqual([verdict, reasons, unknown]);
    },
  );

  it("chooses the rule by year and checks a configured rule", () => {
    expect(krsRuleForYear(2020)).toBeNull();
    expect(krsRuleForYear(2025)?.version).toBe("bkkbn-pk21");
    expect(krsRuleForYear(2026, [KRS_RULE_PK21, { ...OVER_35, validFrom: 2026 }])?.version).toBe("over-35");
    expect(checkConfig(KrsRule, KRS_RULE_PK21).ok).toBe(true);
    const check = checkConfig(KrsRule, { ...KRS_RULE_PK21, waterLayak: ["sumur"] });
    expect(check.ok ? [] : check.errors).toEqual([expect.stringMatching(/^waterLayak\.0: Invalid option/)]);
  });
});
