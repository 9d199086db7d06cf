import { describe, expect, it } from "vitest";
import { MESSAGE_CODES, MESSAGES } from "./messages.ts";
import { ROW_MESSAGE_TEXTS, rowMessageText } from "./row-messages.ts";

describe("row messages", () => {
  it("has an Indonesian and an English text for every row code, using only the code's parameters", () => {
    const rowCodes = MESSAGE_CODES.filter((c) => c.startsWith("row."));
    expect(rowCodes.length).toBeGreaterThan(20);
    for (const lang of ["id", "en"] as const) {
      expect(Object.keys(ROW_MESSAGE_TEXTS[lang]).sort()).toEqual([...rowCodes].sort());
      for (const code of rowCodes) {
        const used = [
          ...ROW_MESSAGE_TEXTS[lang][code as keyof (typeof ROW_MESSAGE_TEXTS)["id"]].matchAll(
            /\{\{(\w+)\}\}/g,
          ),
        ].map((m) => m[1]);
        const allowed: readonly string[] = MESSAGES[code];
        expect(
          used.filter((p) => !allowed.includes(p)),
          `${lang} ${code}`,
        ).toEqual([]);
      }
    }
  });

  it.each([
    ["id", "Tinggi: 852 cm di luar batas 25–150 cm."],
    ["en", "Tinggi: 852 cm is outside the limits 25–150 cm."],
  ] as const)("fills in the parameters (%s)", (lang, text) => {
    const params = { field: "Tinggi", value: 852, min: 25, max: 150, unit: "cm" };
    expect(rowMessageText(lang, "row.outOfRange", params)).toBe(text);
  });

  it("writes numbers the language's way, without grouping", () => {
    const p = { indicator: "BB/U", zscore: -6.417, min: -6, max: 5 };
    expect(rowMessageText("id", "row.implausible", p)).toBe(
      "Z-skor BB/U -6,42 tidak masuk akal (di luar -6 sampai 5, batas WHO).",
    );
    expect(
      rowMessageText("en", "row.outOfRange", {
        field: "Berat",
        value: 3.5e15,
        min: 0.5,
        max: 60,
        unit: "kg",
      }),
    ).toBe("Berat: 3500000000000000 kg is outside the limits 0.5–60 kg.");
  });

  it("leaves a placeholder without its parameter as written", () => {
    expect(rowMessageText("en", "row.empty")).toBe("{{field}} is empty; this column is required.");
  });
});
