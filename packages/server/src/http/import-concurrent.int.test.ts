/**
 * Two imports of one district at once: the same file of children without NIK, uploaded twice and
 * confirmed twice at the same moment. The imports are serialised per district; the second reads
 * what the first committed, so its children are matched, not created again, and it reports that.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import { loadSynthDistrict } from "../synth/district.ts";
import { EPPGBM_FLAT_COLUMNS, generateEppgbmRows } from "../synth/eppgbm.ts";
import { writeCsv } from "../synth/write.ts";
import type { App } from "./context.ts";
import { seedFixtures, signIn, testApp, uploadFile } from "./test-app.ts";

const CHILDREN = 60;

describeEachEngine("concurrent imports of one district", (ctx) => {
  let app: App;
  let file: Buffer;
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database, { now: () => new Date("2025-09-01T00:00:00Z") });
    const place = await loadSynthDistrict(ctx.database, "35.03");
    const nik = EPPGBM_FLAT_COLUMNS.indexOf("NIK");
    const rows = [...generateEppgbmRows(place, { children: CHILDREN, seed: 11, months: 3, messyRate: 0 })];
    for (const r of rows) r[nik] = "";
    const out = join(mkdtempSync(join(tmpdir(), "tumbuh-concurrent-")), "tanpa-nik.csv");
    await writeCsv(out, EPPGBM_FLAT_COLUMNS, rows);
    file = readFileSync(out);
  });

  it("the same file without NIK confirmed twice at once: no duplicates, no error", async () => {
    const dinkes = await signIn(app, "dinkes");
    const a = (await uploadFile(app, dinkes, "a.csv", file)).json().import;
    const b = (await uploadFile(app, dinkes, "b.csv", file)).json().import;
    // A few synthetic children share a name and birth date (likely duplicates): counted once.
    const planned = a.report.childrenCreated;
    expect(planned).toBeGreaterThan(CHILDREN * 0.8);
    expect(b.report.childrenCreated).toBe(planned);

    const [ra, rb] = await Promise.all([
      dinkes.send("POST", `/api/imports/${a.id}/confirm`),
      dinkes.send("POST", `/api/imports/${b.id}/confirm`),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    const reports = [ra.json().import.report, rb.json().import.report].sort(
      (x, y) => y.childrenCreated - x.childrenCreated,
    );
    const [first, second] = reports;
    expect(first.childrenCreated).toBe(planned);
    // The second found the first one's children and measurements, and says so.
    expect(second.childrenCreated).toBe(0);
    expect(second.measurementsAdded).toBe(0);
    expect(second.measurementsUnchanged).toBe(first.measurementsAdded);
    expect(second.posyanduCreated).toBe(0);

    const db = ctx.database.db;
    const children = await db
      .selectFrom("children")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const measurements = await db
      .selectFrom("measurements")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const posyandu = await db
      .selectFrom("posyandu")
      .select(["village_code", "search_name"])
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .groupBy(["village_code", "search_name"])
      .having(({ fn }) => fn.countAll(), ">", 1)
      .execute();
    expect(Number(children.n)).toBe(planned);
    expect(Number(measurements.n)).toBe(first.measurementsAdded);
    expect(posyandu).toEqual([]);
  });

  it("one upload confirmed twice at once is imported once; the other gets 409", async () => {
    const dinkes = await signIn(app, "dinkes");
    const count = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom("measurements")
            .select(({ fn }) => fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const up = (await uploadFile(app, dinkes, "c.csv", file)).json().import;
    const answers = await Promise.all([
      dinkes.send("POST", `/api/imports/${up.id}/confirm`),
      dinkes.send("POST", `/api/imports/${up.id}/confirm`),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await count()).toBe(before);
    const audit = (
      await (await signIn(app, "jatim")).get(`/api/audit?entity=import&entityId=${up.id}`)
    ).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(["import", "dry_run"]);
  });
});
