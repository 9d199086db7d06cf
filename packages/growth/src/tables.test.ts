import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lmsRow, lmsTable, type TableName } from "./tables.ts";

const whoDir = join(import.meta.dirname, "..", "data", "who");

const files: Record<TableName, string> = {
  len: "lenanthro.csv",
  wei: "weianthro.csv",
  bmi: "bmianthro.csv",
  hc: "hcanthro.csv",
  ac: "acanthro.csv",
  ts: "tsanthro.csv",
  ss: "ssanthro.csv",
  wfl: "wflanthro.csv",
  wfh: "wfhanthro.csv",
};

describe("compiled LMS tables", () => {
  for (const [name, file] of Object.entries(files) as [TableName, string][]) {
    it(`${name} equals every row of data/who/${file}`, () => {
      const lines = readFileSync(join(whoDir, file), "utf8").trim().split(/\r?\n/).slice(1);
      const table = lmsTable(name);
      expect(table.count * 2).toBe(lines.length);
      for (const line of lines) {
        const [sex, key, l, m, s] = line.split(",");
        const keyUnits = Math.round(Number(key) * table.keyScale);
        expect(lmsRow(name, Number(sex) as 1 | 2, keyUnits)).toEqual({
          l: Number(l),
          m: Number(m),
          s: Number(s),
        });
      }
    });
  }

  it("has the documented key ranges", () => {
    expect([lmsTable("len").first, lmsTable("len").last]).toEqual([0, 1826]);
    expect([lmsTable("ac").first, lmsTable("ac").last]).toEqual([91, 1826]);
    expect([lmsTable("wfl").first, lmsTable("wfl").last]).toEqual([450, 1100]);
    expect([lmsTable("wfh").first, lmsTable("wfh").last]).toEqual([650, 1200]);
  });

  it("returns undefined outside a table", () => {
    expect(lmsRow("ac", 1, 90)).toBeUndefined();
    expect(lmsRow("len", 2, 1827)).toBeUndefined();
    expect(lmsRow("wfl", 1, 449)).toBeUndefined();
  });
});
