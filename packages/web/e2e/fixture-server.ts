/**
 * Starts Tumbuh's HTTP server (the same Fastify app `tumbuh serve` runs) for the browser tests:
 * a fresh embedded database in the given folder (migrated, made from the tests' template), the
 * regions of the demo district Trenggalek (35.03), a small seeded synthetic dataset imported
 * through the real import pipeline, and users of three roles (the cadre's village is the first one
 * with a posyandu). Prints one JSON line `{"ready":true,...}` on stdout when listening.
 *
 * Run: tsx packages/web/e2e/fixture-server.ts <dataDir>
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Repositories } from "../../server/src/db/repositories/index.ts";
import { openTestDataDir } from "../../server/src/db/test-support.ts";
import { buildApp } from "../../server/src/http/app.ts";
import { importMeasurements } from "../../server/src/import/import.ts";
import { loadRegions } from "../../server/src/services/regions.ts";
import { UserService } from "../../server/src/services/users.ts";
import { synthesizeDistrictFile } from "../../server/src/synth/district.ts";
import { E2E_PASSWORD, E2E_USERS, SEED_END_MONTH } from "./fixtures.ts";

async function main() {
  const dataDir = resolve(process.argv[2] ?? "");
  if (!process.argv[2]) throw new Error("usage: fixture-server.ts <dataDir>");
  const database = await openTestDataDir(dataDir);
  await loadRegions(database, { prefix: "35.03" });
  // a second district of the province for the penilaian kinerja (regions only, no children)
  await loadRegions(database, { prefix: "35.79" });

  // the routine data the dashboards start from: 150 children followed over 6 months
  const seedFile = join(dataDir, "seed.csv");
  await synthesizeDistrictFile(database, {
    district: "35.03",
    out: seedFile,
    children: 150,
    seed: 20250801,
    months: 6,
    endMonth: SEED_END_MONTH,
  });
  await importMeasurements(database, seedFile, { district: "35.03" });

  // the cadre works in the first village that has a posyandu in the seeded data
  const { village_code: kaderVillage } = await database.db
    .selectFrom("posyandu")
    .select("village_code")
    .orderBy("village_code")
    .limit(1)
    .executeTakeFirstOrThrow();
  for (const u of E2E_USERS) {
    const regionCode = u.role === "posyandu_cadre" ? kaderVillage : u.regionCode;
    await new UserService(new Repositories(database.db)).createInitial({
      ...u,
      regionCode,
      password: E2E_PASSWORD,
    });
  }

  // a second file for the import page, with one broken row appended
  const importFile = join(dataDir, "upload.csv");
  await synthesizeDistrictFile(database, {
    district: "35.03",
    out: importFile,
    children: 12,
    seed: 77,
    months: 2,
    messyRate: 0,
  });

  const app = await buildApp({
    database,
    demo: { synthetic: true, districtCode: "35.03" },
    webDist: resolve(import.meta.dirname, "../dist"),
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  writeFileSync(join(dataDir, "ready.json"), JSON.stringify({ address }));
  process.stdout.write(`${JSON.stringify({ ready: true, address, importFile, kaderVillage })}\n`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  process.stderr.write(`fixture server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
