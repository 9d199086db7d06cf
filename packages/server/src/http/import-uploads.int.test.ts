/**
 * The uploaded file's life: written 0600 in a 0700 folder, deleted on confirm and on cancel,
 * swept when the server starts; and the import's audit entry committing in the import's own
 * transaction.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import { synthesizeDistrictFile } from "../synth/district.ts";
import type { App } from "./context.ts";
import { seedFixtures, signIn, testApp, uploadFile } from "./test-app.ts";

const NOW = () => new Date("2025-09-01T00:00:00Z");

describeEachEngine("import uploads: private files, cancel, sweep, audit with the data", (ctx) => {
  let file: Buffer;
  let folder: string;
  let app: App;
  beforeAll(async () => {
    await seedFixtures(ctx.database);
    folder = mkdtempSync(join(tmpdir(), "tumbuh-uploads-"));
    app = await testApp(ctx.database, { now: NOW, uploadDir: folder });
    const out = join(mkdtempSync(join(tmpdir(), "tumbuh-import-")), "trenggalek.csv");
    await synthesizeDistrictFile(ctx.database, { district: "35.03", children: 12, seed: 3, months: 2, out });
    file = readFileSync(out);
  });

  it("keeps an upload 0600 in a 0700 folder, and deletes it on cancel", async () => {
    const dinkes = await signIn(app, "dinkes");
    const up = (await uploadFile(app, dinkes, "a.csv", file)).json().import;
    const files = readdirSync(folder);
    expect(files).toEqual([`${up.id}.csv`]);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, files[0])).mode & 0o777).toBe(0o600);

    const other = await signIn(app, "dinkes-lain");
    expect((await other.send("DELETE", `/api/imports/${up.id}`)).statusCode).toBe(404);
    const cancelled = await dinkes.send("DELETE", `/api/imports/${up.id}`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().import.status).toBe("cancelled");
    expect(readdirSync(folder)).toEqual([]);
    const confirm = await dinkes.send("POST", `/api/imports/${up.id}/confirm`);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.message).toMatch(/^Unggahan ini sudah dibatalkan/);
    expect((await dinkes.send("DELETE", `/api/imports/${up.id}`)).statusCode).toBe(409);
    const audit = (
      await (await signIn(app, "jatim")).get(`/api/audit?entity=import&entityId=${up.id}`)
    ).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(["cancel", "dry_run"]);
  });

  it("sweeps the uploads a previous process left when the server starts", async () => {
    const dinkes = await signIn(app, "dinkes");
    const up = (await uploadFile(app, dinkes, "b.csv", file)).json().import;
    writeFileSync(join(folder, "left-behind.csv"), "NIK\n3503010101010001\n");
    expect(readdirSync(folder).sort()).toEqual([`${up.id}.csv`, "left-behind.csv"]);

    // A restart: a new app on the same folder.
    const restarted = await testApp(ctx.database, { now: NOW, uploadDir: folder });
    expect(readdirSync(folder)).toEqual([]);
    const again = await signIn(restarted, "dinkes");
    expect((await again.get(`/api/imports/${up.id}`)).json().import.status).toBe("expired");
    const confirm = await again.send("POST", `/api/imports/${up.id}/confirm`);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.message).toMatch(/kedaluwarsa/);
    await restarted.close();
  });

  it("deletes the file on confirm; the audit entry commits in the import's transaction", async () => {
    const dinkes = await signIn(app, "dinkes");
    const up = (await uploadFile(app, dinkes, "c.csv", file)).json().import;
    const confirmed = await dinkes.send("POST", `/api/imports/${up.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().import.status).toBe("imported");
    expect(readdirSync(folder)).toEqual([]);
    // One transaction id stamps the children, the import's record, the upload's status and the
    // audit entry: a kill after the commit cannot leave the data without its audit entry.
    const xmins = await sql<{ what: string; xmin: string }>`
      SELECT DISTINCT 'children' AS what, xmin::text AS xmin FROM children
      UNION ALL SELECT 'imports', xmin::text FROM imports
      UNION ALL SELECT 'upload', xmin::text FROM import_uploads WHERE id = ${up.id}
      UNION ALL SELECT 'audit', xmin::text FROM audit_log
        WHERE entity = 'import' AND entity_id = ${up.id} AND action = 'import'`.execute(ctx.database.db);
    const byWhat = Object.fromEntries(xmins.rows.map((r) => [r.what, r.xmin]));
    expect(xmins.rows).toHaveLength(4);
    // On Citus the children live in worker shards, stamped by the workers' own transaction ids of
    // the same distributed (two-phase) commit: the coordinator's three rows share one id.
    if (ctx.engine === "citus") delete byWhat.children;
    expect(new Set(Object.values(byWhat)).size).toBe(1);
  });
});
