import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../run-cli.test-support.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-zscore-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VALIDATION = join(import.meta.dirname, "../../../../growth/data/validation/anthro_dev_expected.csv");

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

type Row = Record<string, string>;
const INPUTS = [
  "case_id",
  "sex",
  "age",
  "weight",
  "lenhei",
  "measure",
  "headc",
  "armc",
  "triskin",
  "subskin",
  "oedema",
];
const COMPARED = [
  "clenhei",
  "c9mo_flag",
  "zlen",
  "flen",
  "zwei",
  "fwei",
  "zwfl",
  "fwfl",
  "zbmi",
  "fbmi",
  "zhc",
  "fhc",
  "zac",
  "fac",
  "zts",
  "fts",
  "zss",
  "fss",
];
/** Cells the WHO package derives from a measurement of 0; Tumbuh treats such a measurement as missing. */
const FROM_ZERO: Record<string, string[]> = {
  dev02231: ["cbmi", "zwfl", "fwfl"],
  dev02233: ["clenhei", "cbmi", "zbmi", "fbmi"],
};

describe("tumbuh zscore reproduces the WHO anthro validation set end to end", () => {
  const expected: Row[] = parse(readFileSync(VALIDATION), { columns: true });
  for (const unit of ["days", "months"] as const) {
    it(`rows with age in ${unit}`, async () => {
      const rows = expected.filter((r) => r.age_unit === unit);
      const input = write(
        `validation-${unit}.csv`,
        [INPUTS.join(","), ...rows.map((r) => INPUTS.map((c) => r[c]).join(","))].join("\n"),
      );
      const outPath = join(dir, `scored-${unit}.csv`);
      const res = await runCli(["zscore", input, "--out", outPath, "--age-unit", unit]);
      expect(res.code).toBe(0);
      const scored: Row[] = parse(readFileSync(outPath), { columns: true });
      expect(scored).toHaveLength(rows.length);
      let compared = 0;
      scored.forEach((got, i) => {
        const want = rows[i];
        expect(got.case_id).toBe(want.case_id);
        for (const col of COMPARED) {
          const wantCell = FROM_ZERO[want.case_id]?.includes(col) ? "" : want[col];
          if (col === "clenhei" && wantCell !== "") {
            expect(Number(got[col]), `${want.case_id} ${col}`).toBeCloseTo(Number(wantCell), 9);
          } else {
            expect(got[col] === "" ? "" : Number(got[col]), `${want.case_id} ${col}`).toBe(
              wantCell === "" ? "" : Number(wantCell),
            );
          }
          compared++;
        }
        if (Number(want.weight) <= 0 || Number(want.lenhei) <= 0) {
          expect(got.cbmi, `${want.case_id} cbmi from a measurement ≤ 0`).toBe("");
        } else if (want.cbmi !== "") {
          expect(Number(got.cbmi), `${want.case_id} cbmi`).toBeCloseTo(Number(want.cbmi), 6);
        }
      });
      expect(compared).toBe(rows.length * COMPARED.length);
    });
  }
});

describe("tumbuh zscore on Indonesian district files", () => {
  it("reads Indonesian headers, dates, decimal commas and semicolons, and passes unknown columns through", async () => {
    // A boy born 2023-01-15, measured lying on 2024-01-15 (365 days) at 75,5 cm and 9,6 kg.
    const input = write(
      "district.csv",
      "Nama;JENIS_KELAMIN;Tanggal_Lahir;tanggal_ukur;berat;tinggi;cara_ukur;LILA;catatan\n" +
        'Budi;L;15/01/2023;2024-01-15;9,6;75,5;telentang;14,5;"kontrol; ulang"\n',
    );
    const res = await runCli(["zscore", input]);
    expect(res.code).toBe(0);
    const [row]: Row[] = parse(res.stdout, { columns: true });
    expect(row.Nama).toBe("Budi");
    expect(row.catatan).toBe("kontrol; ulang");
    expect(row.berat).toBe("9,6");
    expect(row.age_days).toBe("365");
    expect(row.clenhei).toBe("75.5");
    // Hand check against the WHO table, boys at 365 days: length L = 1, M = 75.7391, S = 0.03137:
    // z = (75.5/75.7391 − 1)/0.03137 = −0.1006 -> −0.10.
    expect(row.zlen).toBe("-0.1");
    expect(row.status_tbu).toBe("normal");
    expect(row.flen).toBe("0");
  });

  it("reports a bad row on stderr with its row number and field, and goes on", async () => {
    const input = write(
      "bad.csv",
      "sex,age,weight,lenhei\n1,400,9.5,75\nx,400,9.5,75\n2,400,abc,75\n1,500,10,80\n",
    );
    const res = await runCli(["zscore", input]);
    expect(res.code).toBe(0);
    const rows: Row[] = parse(res.stdout, { columns: true });
    expect(rows).toHaveLength(4);
    expect(rows[0].zlen).not.toBe("");
    expect(rows[1].zlen).toBe("");
    expect(rows[2].zwei).toBe("");
    expect(rows[2].zlen).toBe(""); // a bad row gets no results at all
    expect(rows[3].zlen).not.toBe("");
    expect(res.stderr).toContain('row 3: field "sex": found "x", expected 1/2, m/f or L/P');
    expect(res.stderr).toContain(
      'row 4: field "weight": found "abc", expected a number such as 85.5 or 85,5',
    );
    expect(res.stderr).toContain("4 rows scored, 2 with errors");
  });

  it("exits non-zero naming what was expected when the file is missing or the header unusable", async () => {
    const missing = await runCli(["zscore", join(dir, "nope.csv")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read");
    expect(missing.stderr).toContain("no such file");

    const unusable = await runCli(["zscore", write("unusable.csv", "nama,alamat\nBudi,Jl. Mawar\n")]);
    expect(unusable.code).toBe(1);
    expect(unusable.stderr).toContain("expected a sex column (sex or jenis_kelamin)");
    expect(unusable.stderr).toContain('found "nama", "alamat"');

    const badUnit = await runCli([
      "zscore",
      write("ok.csv", "sex,age,weight\n1,10,4\n"),
      "--age-unit",
      "years",
    ]);
    expect(badUnit.code).toBe(1);
    expect(badUnit.stderr).toContain('--age-unit: found "years", expected days or months');
  });
});
