/**
 * Importing a family-data file over HTTP: the dry run reports every row (rejections in Indonesian
 * naming row and column, rows outside the uploader's scope refused) and writes nothing; confirming
 * writes the accepted rows in one go, children linked by NIK or by name and birth date; a second
 * upload of the same families replaces them; only the uploader may confirm or cancel.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hashIdentifier, keysFromMaster } from "../db/pii.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, multipart, seedFixtures, signIn, testApp } from "./test-app.ts";

const V1 = "35.03.01.2001";
const V2 = "35.03.01.2002";
const NIK = "3503015001240001";
const keys = keysFromMaster(randomBytes(32));

const CSV = [
  "Kode Desa;Nama Kepala Keluarga;Nama Istri;Tgl Lahir Istri;Hamil;Sumber Air Minum;Jamban;Nama Anak 1;Tgl Lahir Anak 1;NIK Anak 1",
  // 2: at risk (latrine without a septic tank); child linked by name and birth date
  `${V1};Slamet;Siti Aminah;05/03/1998;Tidak;Ledeng/PAM;Tanpa septik;Ayu Lestari;10/01/2024;`,
  // 3: not at risk; child linked by NIK (the name differs from the record)
  `${V1};Joko;Rina;12/08/1995;Ya;Sumur bor;Jamban septik;Bima;01/03/2022;${NIK}`,
  // 4: a date that does not exist, and an unknown latrine
  `${V1};Ahmad;Dewi;31/02/1990;Tidak;Ledeng;ada;;;`,
  // 5: a village outside the uploader's scope
  `${V2};Budi;Sri;01/01/1990;Tidak;Ledeng;Jamban septik;;;`,
  "",
].join("\n");

describeEachEngine("family-data import over HTTP", (ctx) => {
  let app: App;
  let desa: Client;

  const upload = (c: Client, content: string, fields: Record<string, string> = { semester: "2026-S2" }) => {
    const { payload, headers } = multipart("pk-2026.csv", Buffer.from(content), fields);
    return app.inject({
      method: "POST",
      url: "/api/families/imports",
      payload,
      headers: { ...headers, cookie: c.cookie, "x-csrf-token": c.csrfToken },
    });
  };
  const familyCount = async () =>
    Number(
      (
        await ctx.database.db
          .selectFrom("families")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database, { piiKeys: keys });
    desa = await signIn(app, "desa");
    const child = (id: string, name: string, birth: string, nikHash: string | null) => ({
      district_code: "35.03",
      id,
      village_code: V1,
      name,
      name_key: name.toLowerCase(),
      sex: 2 as const,
      birth_date: birth,
      nik_hash: nikHash,
    });
    await ctx.database.db
      .insertInto("children")
      .values([
        child("00000000-0000-4000-8000-0000000000a1", "Ayu Lestari", "2024-01-10", null),
        child(
          "00000000-0000-4000-8000-0000000000a2",
          "Bima Saputra",
          "2022-03-01",
          hashIdentifier(keys, NIK),
        ),
      ])
      .execute();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("reports a dry run row by row and writes nothing", async () => {
    const res = await upload(desa, CSV);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json().import;
    expect([r.dryRun, r.rowsRead, r.accepted, r.rejectedCount]).toEqual([true, 4, 2, 3]);
    expect(
      r.rejected.map((x: { row: number; field: string; reason: string }) => [x.row, x.field, x.reason]),
    ).toEqual([
      [
        4,
        "Tgl Lahir Istri",
        "bukan tanggal yang ada; yang diharapkan hh/bb/tttt (mis. 05/03/1998) atau tttt-bb-hh",
      ],
      [4, "Jamban", "tidak dikenal; yang diharapkan jamban septik, jamban tanpa septik atau tidak ada"],
      [5, "Kode Desa", "desa ini di luar wilayah akun Anda"],
    ]);
    expect(r.rejected.map((x: { userMessage: { key: string } }) => x.userMessage.key)).toEqual([
      "row.notDate",
      "family.rowUnknownLatrine",
      "family.rowVillageOutside",
    ]);
    expect([r.berisiko, r.tidakBerisiko, r.tidakDiketahui, r.childrenListed, r.childrenLinked]).toEqual([
      1, 1, 0, 2, 2,
    ]);
    expect(r.villages).toEqual([{ villageCode: V1, families: 2, berisiko: 1 }]);
    expect(r.rule).toBe("bkkbn-pk21");
    expect(await familyCount()).toBe(0);
  });

  it("refuses a file without the required columns, naming them, and a role that does not record families", async () => {
    const res = await upload(desa, "Nama Istri;Hamil\nSiti;Ya\n", {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe("file");
    expect(res.json().error.message).toContain("Kode Desa, Nama Kepala Keluarga, Semester");
    const kader = await signIn(app, "kader");
    expect((await upload(kader, CSV)).statusCode).toBe(403);
    const camat = await signIn(app, "camat");
    expect((await upload(camat, CSV)).statusCode).toBe(403);
  });

  it("confirms all accepted rows at once, only for the uploader; a second file replaces the same families", async () => {
    const id = (await upload(desa, CSV)).json().import.id;
    const other = await signIn(app, "bappeda");
    expect((await other.send("POST", `/api/families/imports/${id}/confirm`)).statusCode).toBe(404);
    const ok = await desa.send("POST", `/api/families/imports/${id}/confirm`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().import.dryRun).toBe(false);
    expect(await familyCount()).toBe(2);
    expect((await desa.send("POST", `/api/families/imports/${id}/confirm`)).statusCode).toBe(404);

    const list = (await desa.get("/api/families?semester=2026-S2")).json().families;
    const slamet = list.find((f: { headName: string }) => f.headName === "Slamet");
    expect([slamet.verdict, slamet.reasons]).toEqual(["berisiko", ["jamban_tidak_layak"]]);
    const joko = (
      await desa.get(`/api/families/${list.find((f: { headName: string }) => f.headName === "Joko").id}`)
    ).json().family;
    expect(joko.children).toEqual([
      { name: "Bima", birthDate: "2022-03-01", childId: "00000000-0000-4000-8000-0000000000a2" },
    ]);

    const again = (await upload(desa, CSV)).json().import;
    expect(again.replaced).toBe(2);
    expect((await desa.send("POST", `/api/families/imports/${again.id}/confirm`)).statusCode).toBe(200);
    expect(await familyCount()).toBe(2);

    const cancelled = (await upload(desa, CSV)).json().import.id;
    expect((await desa.send("DELETE", `/api/families/imports/${cancelled}`)).statusCode).toBe(204);
    expect((await desa.send("POST", `/api/families/imports/${cancelled}/confirm`)).statusCode).toBe(404);

    const audit = await ctx.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "family_import")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "dry_run",
      "dry_run",
      "import",
      "dry_run",
      "import",
      "dry_run",
    ]);
  });

  it("counts families and at-risk families per village and semester for analisis situasi", async () => {
    const repos = new Repositories(ctx.database.db);
    expect(await repos.families.villageSemesterCounts("35.03")).toEqual([
      { village_code: V1, semester: "2026-S2", families: 2, berisiko: 1 },
    ]);
    expect(await repos.families.villageSemesterCounts("35.03.02")).toEqual([]);
  });
});
