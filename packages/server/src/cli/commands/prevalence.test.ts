import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.test-support.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-prevalence-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const VALIDATION = join(import.meta.dirname, "../../../../growth/data/validation");

type Row = Record<string, string>;

/** Compares every column anthro wrote: counts exactly, rates, means and SDs to 0.01. */
function expectSameTable(got: Row[], want: Row[]): number {
  expect(got.map((r) => r.Group)).toEqual(want.map((r) => r.Group));
  let cells = 0;
  want.forEach((w, i) => {
    for (const [col, value] of Object.entries(w)) {
      if (col === "Group") continue;
      expect(col in got[i], `column ${col}`).toBe(true);
      const g = got[i][col];
      if (value === "" || value === "NA" || value === "NaN") {
        expect(g, `${w.Group} ${col}`).toBe("");
      } else if (col.endsWith("_unwpop")) {
        expect(Number(g), `${w.Group} ${col}`).toBe(Number(value));
      } else {
        expect(Math.abs(Number(g) - Number(value)), `${w.Group} ${col}: ${g} vs ${value}`).toBeLessThan(0.01);
      }
      cells++;
    }
  });
  return cells;
}

describe("tumbuh prevalence reproduces the WHO anthro prevalence tables end to end", () => {
  const input = join(VALIDATION, "prevalence_dev_input.csv");
  it("unweighted", async () => {
    const res = await runCli(["prevalence", input]);
    expect(res.code).toBe(0);
    const want: Row[] = parse(readFileSync(join(VALIDATION, "anthro_dev_prevalence_unweighted.csv")), {
      columns: true,
    });
    expect(expectSameTable(parse(res.stdout, { columns: true }), want)).toBe(
      want.length * (Object.keys(want[0]).length - 1),
    );
  });
  it("with sampling weights (--weights sw)", async () => {
    const out = join(dir, "weighted.csv");
    const res = await runCli(["prevalence", input, "--weights", "sw", "--out", out]);
    expect(res.code).toBe(0);
    const got: Row[] = parse(readFileSync(out), { columns: true });
    const want: Row[] = parse(readFileSync(join(VALIDATION, "anthro_dev_prevalence_weighted.csv")), {
      columns: true,
    });
    expectSameTable(got, want);
    expect(Object.keys(got[0]).some((c) => c.endsWith("_stdev"))).toBe(false);
  });
});

describe("tumbuh prevalence --format id", () => {
  it("summarises stunting, wasting, underweight and overweight with counts, hand-checked", async () => {
    // Four boys of 400 days, lying: lengths at z ≈ −3.53, −2.50, −1.02 and −0.03 (WHO boys, day 400:
    // L = 1, M = 77.0812, S = 0.03157). Two of four are stunted (50%), one severely (25%).
    const file = join(dir, "four.csv");
    writeFileSync(file, "sex,age,lenhei,measure\n1,400,68.5,l\n1,400,71.0,l\n1,400,74.6,l\n1,400,77.0,l\n");
    const res = await runCli(["prevalence", file, "--format", "id"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Stunting (TB/U < −2 SD):           50,0% (2 dari 4)");
    expect(res.stdout).toContain("sangat pendek (TB/U < −3 SD):    25,0% (1 dari 4)");
    expect(res.stdout).toContain("Wasting (BB/TB < −2 SD):           –");
    expect(res.stdout).toMatch(/Laki-laki\s+50,0%/);
  });

  it("refuses a weights column that is not in the file, naming the columns found", async () => {
    const file = join(dir, "noweights.csv");
    writeFileSync(file, "sex,age,lenhei\n1,400,70\n");
    const res = await runCli(["prevalence", file, "--weights", "bobot"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('--weights: no column "bobot" in the header; found "sex", "age", "lenhei"');
  });

  it("leaves out a row whose weight cannot be read, saying so", async () => {
    const file = join(dir, "badweight.csv");
    writeFileSync(file, "sex,age,lenhei,w\n1,400,70,1\n1,400,75,x\n");
    const res = await runCli(["prevalence", file, "--weights", "w"]);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(
      'row 3: field "w": found "x", expected a number such as 85.5 or 85,5; row left out',
    );
    const [all]: Row[] = parse(res.stdout, { columns: true });
    expect(all.HAZ_unwpop).toBe("1");
  });
});
