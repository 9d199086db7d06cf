/**
 * Posyandu figures on a district of 100,000 children with 12 months of weighings (PostgreSQL):
 * the roll-up refresh of the district (prevalence, SKDN and data quality; the SKDN pass, which
 * also tallies the data-quality figures, timed apart), then the p95 of the SKDN report and the
 * data-quality report (both read from the roll-ups) and the posyandu page at each level. Called by
 * bench/run.ts.
 */
import { sql } from "kysely";
import pg from "pg";
import { OPERATOR } from "../packages/server/src/auth/access.ts";
import { openDatabase } from "../packages/server/src/db/connection.ts";
import { refreshRollups, refreshSkdnRollups } from "../packages/server/src/db/repositories/rollup-refresh.ts";
import { loadRegions } from "../packages/server/src/services/regions.ts";
import { testServices } from "../packages/server/src/services/test-support.ts";

const DISTRICT = "32.01"; // Kabupaten Bogor: 40 kecamatan, 435 villages

export interface PosyanduBench {
  children: number;
  measurements: number;
  posyandu: number;
  loadSeconds: number;
  /** The whole refresh of the district (its rows read back; prevalence, SKDN, quality), and the SKDN-only refresh a KBM change runs. */
  refreshSeconds: number;
  skdnRefreshSeconds: number;
  /** p95 in ms by report and level. */
  p95Ms: Record<string, Record<string, number>>;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] * 10) / 10;
}

export async function benchPosyandu(
  opts: { children?: number; samples?: number; databaseUrl?: string } = {},
): Promise<PosyanduBench> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const children = opts.children ?? 100_000;
  const samples = opts.samples ?? 40;
  const schema = `bench_posyandu_${Date.now().toString(36)}`;
  const database = await openDatabase({ databaseUrl: url, schema, poolSize: 4 });
  try {
    await loadRegions(database, { prefix: DISTRICT });
    const t0 = performance.now();
    // Two posyandu per village; children born mid-2020 to 2025, each weighed in most months of
    // 2025 (a weighing skipped about one month in seven), gaining about 150 g a month with noise.
    await sql
      .raw(`
      CREATE TEMP TABLE v AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM regions
        WHERE level = 'village' AND code LIKE '${DISTRICT}.%';
      INSERT INTO posyandu (district_code, id, village_code, name, search_name)
        SELECT '${DISTRICT}', gen_random_uuid(), v.code, 'Posyandu ' || v.n || '-' || k, 'posyandu ' || v.n || '-' || k
        FROM v CROSS JOIN generate_series(1, 2) k;
      CREATE TEMP TABLE pv AS SELECT row_number() OVER (ORDER BY village_code, id) AS n, id, village_code FROM posyandu;
      INSERT INTO children (district_code, id, village_code, posyandu_id, name, name_key, sex, birth_date)
        SELECT '${DISTRICT}', gen_random_uuid(), pv.village_code, pv.id, 'anak ' || g, 'anak ' || g, 1 + (g % 2),
          date '2020-06-01' + (g % 2000)
        FROM generate_series(1, ${children}) g JOIN pv ON pv.n = 1 + (g::bigint * 7919) % (SELECT count(*) FROM pv);
      INSERT INTO measurements (district_code, id, child_id, village_code, posyandu_id, measured_on, age_days,
          weight, lenhei, measure, zlen, zwei, zwfl, source)
        SELECT c.district_code, gen_random_uuid(), c.id, c.village_code, c.posyandu_id, d.on,
          d.on - c.birth_date,
          round((3.3 + least((d.on - c.birth_date) / 30.4375, 60) * 0.2 + (random() - 0.5) * 0.6)::numeric, 1),
          round((50 + least((d.on - c.birth_date) / 30.4375, 60) * 1.1 + (random() - 0.5) * 3)::numeric, 1),
          CASE WHEN d.on - c.birth_date < 731 THEN 'l' ELSE 'h' END,
          round((random() * 2.4 - 2.4 + random())::numeric, 2), round((random() * 3 - 2)::numeric, 2),
          round((random() * 3 - 1.8)::numeric, 2), 'posyandu'
        FROM children c CROSS JOIN generate_series(0, 11) k
        CROSS JOIN LATERAL (SELECT (date '2025-01-05' + make_interval(months => k) + (abs(hashtext(c.id::text)) % 20) * interval '1 day')::date AS on) d
        WHERE d.on >= c.birth_date AND d.on - c.birth_date < 1826 AND abs(hashtext(c.id::text || k)) % 7 <> 0;
      ANALYZE posyandu; ANALYZE children; ANALYZE measurements;`)
      .execute(database.db);
    const loadSeconds = (performance.now() - t0) / 1000;
    const count = async (table: "measurements" | "posyandu") =>
      Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db))
          .rows[0].n,
      );

    const t1 = performance.now();
    await database.db.transaction().execute((trx) => refreshRollups({ db: trx }, [DISTRICT]));
    const refreshSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    await database.db.transaction().execute((trx) => refreshSkdnRollups({ db: trx }, [DISTRICT]));
    const skdnRefreshSeconds = (performance.now() - t2) / 1000;

    const codes = async (level: string) =>
      (
        await sql<{
          code: string;
        }>`SELECT code FROM regions WHERE level = ${level} AND code LIKE ${`${DISTRICT}.%`}`.execute(
          database.db,
        )
      ).rows.map((r) => r.code);
    const subdistricts = await codes("subdistrict");
    const villages = await codes("village");
    const posyandu = (await sql<{ id: string }>`SELECT id FROM posyandu`.execute(database.db)).rows.map(
      (r) => r.id,
    );
    const s = testServices(database);
    const months = ["2025-03", "2025-06", "2025-09", "2025-12"];
    const today = "2026-01-20";
    const time = async (n: number, f: (i: number) => Promise<unknown>) => {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await f(i);
        xs.push(performance.now() - t);
      }
      return p95(xs);
    };
    const pick = <T>(xs: T[], i: number) => xs[(i * 7919) % xs.length];
    const p95Ms: PosyanduBench["p95Ms"] = { skdn: {}, quality: {}, posyanduPage: {} };
    const levels: Array<[string, (i: number) => { region?: string; posyandu?: string }]> = [
      ["district", () => ({ region: DISTRICT })],
      ["subdistrict", (i) => ({ region: pick(subdistricts, i) })],
      ["village", (i) => ({ region: pick(villages, i) })],
      ["posyandu", (i) => ({ posyandu: pick(posyandu, i) })],
    ];
    for (const [level, q] of levels) {
      p95Ms.skdn[level] = await time(samples * 5, (i) =>
        s.skdn.report(OPERATOR, { ...q(i), period: months[i % 4] }, today),
      );
      p95Ms.quality[level] = await time(level === "district" ? Math.min(samples, 20) : samples, (i) =>
        s.dataQuality.report(OPERATOR, { ...q(i), period: months[i % 4] }, today),
      );
    }
    p95Ms.posyanduPage.posyandu = await time(samples, (i) =>
      s.posyanduPage.page(OPERATOR, pick(posyandu, i), today),
    );
    return {
      children,
      measurements: await count("measurements"),
      posyandu: await count("posyandu"),
      loadSeconds,
      refreshSeconds,
      skdnRefreshSeconds,
      p95Ms,
    };
  } finally {
    await database.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
}
