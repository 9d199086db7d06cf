/** Test data of the data-quality report, shared by the service's and the command's tests. */
import { randomUUID } from "node:crypto";
import type { Database } from "../db/connection.ts";
import { refreshRollupsAndClear } from "../db/repositories/rollup-pending.ts";
import { loadRegions } from "./regions.ts";

const A = "35.03.01.2001";
const C = "35.03.02.2001";

type M = { on: string; weight: number; zlen?: number; flen?: boolean; zwfl?: number };

/**
 * Three children in March 2025 (and one February measurement that must not count). Worked by hand:
 * latest valid HAZ a 2 (after −1), b 0 (its later −7 is flagged), c −2: n 3, SD 2; WHZ a 1, c −1:
 * SD √2; 1 of 5 March HAZ flagged: 20.0 %; kecamatan 35.03.01 (a, b): HAZ 2, 0: SD √2, 1 of 4
 * flagged: 25.0 %; 35.03.02 (c): one HAZ, no SD. NIK missing for b: 2 of 5 measurements, 40.0 %.
 */
export async function seedQualityData(database: Database): Promise<void> {
  await loadRegions(database, { prefix: "35.03" });
  const child = async (village: string, sex: 1 | 2, nik: boolean, rows: M[], name = "x") => {
    const id = randomUUID();
    await database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id,
        village_code: village,
        name,
        name_key: name,
        sex,
        birth_date: "2023-01-01",
        nik_hash: nik ? randomUUID() : null,
      })
      .execute();
    for (const m of rows) {
      await database.db
        .insertInto("measurements")
        .values({
          district_code: "35.03",
          id: randomUUID(),
          child_id: id,
          village_code: village,
          measured_on: m.on,
          age_days: 800,
          weight: m.weight,
          zlen: m.zlen ?? null,
          flen: m.flen ?? false,
          zwfl: m.zwfl ?? null,
          source: "posyandu",
        })
        .execute();
    }
  };
  await child(
    A,
    1,
    true,
    [
      { on: "2025-02-10", weight: 9.9, zlen: 5 },
      { on: "2025-03-01", weight: 10.0, zlen: -1, zwfl: 1 },
      { on: "2025-03-20", weight: 10.2, zlen: 2 },
    ],
    "ani",
  );
  await child(
    A,
    2,
    false,
    [
      { on: "2025-03-05", weight: 9.4, zlen: 0 },
      { on: "2025-03-25", weight: 9.5, zlen: -7, flen: true },
    ],
    "budi",
  );
  await child(C, 1, true, [{ on: "2025-03-10", weight: 11.0, zlen: -2, zwfl: -1 }], "citra");
  // a likely duplicate of "ani" (same name key, birth date and sex), never measured
  await child(A, 1, false, [], "ani");
  // The report reads the roll-ups, as after an import or data entry.
  await refreshRollupsAndClear(database, ["35.03"]);
}
