/**
 * The matching rule (matching.ts) has a JavaScript form, the direct path's routing, and an SQL
 * form, the merge. One table of worked cases runs through both: a child already known (a row
 * earlier in the file, or a child stored by an earlier import) and an incoming row are the same
 * child, likely duplicates, or unrelated.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import type { StoredChildKeys } from "../db/repositories/import-write.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "../services/regions.ts";
import { checkRecord } from "./check.ts";
import type { CheckedRow } from "./checked-row.ts";
import { DirectImport } from "./direct.ts";
import { importMeasurements } from "./import.ts";
import { ImportMemo } from "./memo.ts";
import { IdentifierSealer } from "./sealing.ts";

type Outcome = "same" | "duplicate" | "other";

interface Child {
  nik?: string;
  name: string;
  birth: string;
  sex: "L" | "P";
  village: "Ngrambingan" | "Banjar";
}

const A = "3503014303230001";
const B = "3503014303230009";
const wulan: Child = { name: "Wulan Sari", birth: "03/03/2023", sex: "P", village: "Ngrambingan" };

/** The worked cases: [what the case shows, the known child, the incoming row, the outcome]. */
const CASES: [string, Child, Child, Outcome][] = [
  ["same NIK", { ...wulan, nik: A }, { ...wulan, nik: A }, "same"],
  [
    "same NIK, name and birth date corrected",
    { ...wulan, nik: A },
    { ...wulan, nik: A, name: "Wulan Sary", birth: "04/03/2023" },
    "same",
  ],
  ["no NIK, same name, birth date, sex and village", wulan, wulan, "same"],
  ["no NIK, the name written otherwise (same name key)", wulan, { ...wulan, name: "WULAN  sari" }, "same"],
  ["NIK known, none on the incoming row", { ...wulan, nik: A }, wulan, "same"],
  ["no NIK known, one on the incoming row", wulan, { ...wulan, nik: B }, "same"],
  [
    "two NIKs, same name, birth date, sex and village",
    { ...wulan, nik: A },
    { ...wulan, nik: B },
    "duplicate",
  ],
  [
    "no NIK, same name, birth date and sex in another village",
    wulan,
    { ...wulan, village: "Banjar" },
    "duplicate",
  ],
  [
    "NIK known, none on the incoming row, another village",
    { ...wulan, nik: A },
    { ...wulan, village: "Banjar" },
    "duplicate",
  ],
  ["another sex", wulan, { ...wulan, sex: "L" }, "other"],
  ["another birth date", wulan, { ...wulan, birth: "04/03/2023" }, "other"],
  ["another name", wulan, { ...wulan, name: "Wulan Dewi" }, "other"],
  ["two NIKs, other names", { ...wulan, nik: A }, { ...wulan, nik: B, name: "Citra Dewi" }, "other"],
];

const keys = keysFromMaster(Buffer.alloc(32, 9));
const sealer = new IdentifierSealer(keys);
const memo = new ImportMemo();
const today = "2025-12-31";
const VILLAGE_CODES = { Ngrambingan: "35.03.01.2001", Banjar: "35.03.01.2002" };
afterAll(() => sealer.close());

/**
 * The child of case `k` in run `run` (1 or 2) with a name and NIK of its own: the cases and runs
 * share one database.
 */
function own(c: Child, run: number, k: number): Child {
  const nik = c.nik && `${c.nik.slice(0, 9)}${run}${String(k).padStart(2, "0")}${c.nik.slice(12)}`;
  return { ...c, nik, name: `${c.name} ${"FS"[run - 1]}${k}` };
}

/** A child's row as the direct path gets it. */
function checked(c: Child, rowNo: number, day: string): CheckedRow {
  const row = checkRecord(
    {
      nik: c.nik ?? null,
      name: c.name,
      sex: c.sex,
      birthDate: c.birth,
      measuredOn: day,
      weight: "10",
      lenhei: "80",
    },
    rowNo,
    { districtCode: "35.03", villageCode: VILLAGE_CODES[c.village] },
    { sheet: "", requireMeasurement: true, today, sealer, memo },
  );
  if (Array.isArray(row)) throw new Error(row.map((r) => r.reason).join("; "));
  return row;
}

/** JavaScript, in one file: the direct path routes the known row, then the incoming one. */
function routedInFile(known: Child, incoming: Child): Outcome {
  const direct = new DirectImport(10, Buffer.alloc(16));
  direct.addDistrict("35.03", []);
  direct.route(checked(known, 2, "15/06/2025"), undefined);
  direct.route(checked(incoming, 3, "15/07/2025"), undefined);
  if (direct.childrenCreated === 1) return "same";
  return direct.likelyDuplicates.length > 0 ? "duplicate" : "other";
}

/** JavaScript, against a stored child: whether the direct path leaves the row to the merge. */
function routedAgainstStored(known: Child, incoming: Child): "stage" | "direct" {
  const row = checked(known, 2, "15/06/2025");
  const stored: StoredChildKeys = {
    nik_hash: row.nik?.hash ?? null,
    name_key: row.nameKey,
    birth_date: row.birthDate,
    sex: row.sex,
  };
  const direct = new DirectImport(10, Buffer.alloc(16));
  direct.addDistrict("35.03", [stored]);
  return direct.route(checked(incoming, 3, "15/07/2025"), undefined);
}

const dir = mkdtempSync(join(tmpdir(), "tumbuh-matching-"));
const HEADER = "NIK;Nama;JK;Tgl Lahir;Kec;Desa/Kel;Tanggal Pengukuran;Berat;Tinggi";

function csv(name: string, rows: [Child, string][]): string {
  const file = join(dir, name);
  const lines = rows.map(
    ([c, day]) => `${c.nik ?? ""};${c.name};${c.sex};${c.birth};PANGGUL;${c.village};${day};10;80`,
  );
  writeFileSync(file, `${HEADER}\n${lines.join("\n")}\n`);
  return file;
}

describeEachEngine("matching rule: one table, JavaScript and SQL", (t) => {
  /** SQL: the merge of an import of `file` (every row staged). */
  async function merged(file: string, expectedCreatedIfSame: number): Promise<Outcome> {
    const r = await importMeasurements(t.database, file, {
      district: "35.03",
      keys,
      today,
      stagedOnly: true,
    });
    expect(r.rowsRejected).toBe(0);
    if (r.childrenCreated === expectedCreatedIfSame) return "same";
    return r.likelyDuplicates.length > 0 ? "duplicate" : "other";
  }

  it("loads the regions", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
  });

  CASES.forEach(([title, known, incoming, expected], k) => {
    it(`${title}: ${expected}`, async () => {
      // The direct path, in JavaScript.
      expect(routedInFile(known, incoming)).toBe(expected);
      expect(routedAgainstStored(known, incoming)).toBe(expected === "other" ? "direct" : "stage");
      // The merge, in SQL: both rows in one file...
      const f = (c: Child) => own(c, 1, k);
      const inFile = csv(`in-file-${k}-${t.engine}.csv`, [
        [f(known), "15/06/2025"],
        [f(incoming), "15/07/2025"],
      ]);
      expect(await merged(inFile, 1)).toBe(expected);
      // ...and the incoming row in a later file, the known child stored by then.
      const s = (c: Child) => own(c, 2, k);
      await importMeasurements(t.database, csv(`known-${k}-${t.engine}.csv`, [[s(known), "15/06/2025"]]), {
        district: "35.03",
        keys,
        today,
      });
      expect(await merged(csv(`later-${k}-${t.engine}.csv`, [[s(incoming), "15/07/2025"]]), 0)).toBe(
        expected,
      );
    });
  });
});
