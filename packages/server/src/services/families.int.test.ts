import { randomUUID } from "node:crypto";
import type { FamilyBody } from "@tumbuh/core/api";
import { beforeAll, expect, it } from "vitest";
import { AccessDenied } from "../auth/access.ts";
import { describeEachEngine } from "../db/test-support.ts";
import type { Caller } from "./child-access.ts";
import { ServiceError } from "./errors.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const V1 = "35.03.01.2001";
const V2 = "35.03.01.2002";
const OTHER_KEC = "35.03.02.2001";
const TODAY = "2025-08-20";

const caller = (role: Caller["role"], regionCode: string): Caller => ({
  id: randomUUID(),
  username: `${role}@${regionCode}`,
  role,
  regionCode,
});
const desa = caller("village_tpps", V1);
const kec = caller("kecamatan_tpps", "35.03.01");
const cadre = caller("posyandu_cadre", V1);
const otherDesa = caller("village_tpps", OTHER_KEC);

const base = (over: Partial<FamilyBody>): FamilyBody => ({
  villageCode: V1,
  semester: "2025-S2",
  dataSource: "pk",
  headName: "Keluarga Sintetis",
  assessedOn: "2025-08-01",
  ...over,
});

describeEachEngine("keluarga sasaran", (t) => {
  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await t.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id: "00000000-0000-4000-8000-000000000001",
        village_code: V1,
        name: "Ayu Lestari",
        name_key: "ayu lestari",
        sex: 2,
        birth_date: "2024-06-01",
      })
      .execute();
  });

  it("stores each factor and the verdict, worked by hand, and counts them per village", async () => {
    const s = testServices(t.database);
    // mother born 2006-03-10: 19 on 2025-08-01 (terlalu muda); births 2023-01-15 and 2024-06-01 are
    // 16 months apart (terlalu dekat); piped water and a septic latrine are layak.
    const a = await s.families.create(
      desa,
      base({
        headName: "Budi",
        motherName: "Sri",
        motherBirthDate: "2006-03-10",
        waterSource: "ledeng",
        latrine: "jamban_septik",
        children: [
          { name: "Rina", birthDate: "2023-01-15" },
          { name: "Ayu Lestari", birthDate: "2024-06-01" },
        ],
      }),
      TODAY,
    );
    expect(a.assessment.verdict).toBe("berisiko");
    expect(a.assessment.reasons).toEqual(["terlalu_muda", "terlalu_dekat"]);
    expect(a.assessment.factors.terlalu_muda.detail).toBe("mother 19 years old on 2025-08-01");
    expect(a.assessment.factors.terlalu_dekat.detail).toBe(
      "births 2023-01-15 and 2024-06-01 are 16 months apart",
    );
    expect(a.assessment.factors.terlalu_dekat.userMessage).toEqual({
      key: "krs.birthsClose",
      params: { first: "2023-01-15", second: "2024-06-01", months: 16 },
    });
    expect(a.assessment.rule).toBe("bkkbn-pk21");
    // the second child is matched to the child record by name and birth date in the same village
    expect(a.children?.map((c) => c.childId)).toEqual([null, "00000000-0000-4000-8000-000000000001"]);

    // mother 30, births 38 months apart, borehole, septic latrine: not at risk
    const b = await s.families.create(
      desa,
      base({
        headName: "Candra",
        motherBirthDate: "1995-05-05",
        waterSource: "sumur_bor",
        latrine: "jamban_septik",
        children: [
          { name: "A", birthDate: "2019-01-01" },
          { name: "B", birthDate: "2022-03-01" },
        ],
      }),
      TODAY,
    );
    expect(b.assessment.verdict).toBe("tidak_berisiko");
    // water not recorded, everything else fine: unknown, never a silent "not at risk"
    const c = await s.families.create(
      desa,
      base({ headName: "Dewi", motherBirthDate: "1995-05-05", latrine: "jamban_septik", children: [] }),
      TODAY,
    );
    expect(c.assessment.verdict).toBe("tidak_diketahui");
    // no latrine, an unprotected well, mother 35 on 2025-08-01 (terlalu tua, 35–40), other village
    await s.families
      .create(
        kec,
        base({
          villageCode: V2,
          headName: "Eko",
          motherBirthDate: "1990-01-01",
          waterSource: "sumur_tidak_terlindungi",
          latrine: "tidak_ada",
          children: [{ name: "X", birthDate: "2021-01-01" }],
        }),
        TODAY,
      )
      .catch((e) => expect(e).toBeInstanceOf(AccessDenied)); // kecamatan TPPS only reads families
    await s.families.create(
      caller("village_tpps", V2),
      base({
        villageCode: V2,
        headName: "Eko",
        motherBirthDate: "1990-01-01",
        waterSource: "sumur_tidak_terlindungi",
        latrine: "tidak_ada",
        children: [{ name: "X", birthDate: "2021-01-01" }],
      }),
      TODAY,
    );

    const counts = await s.families.counts(kec, "35.03.01", "2025-S2");
    expect(
      counts.villages.map((v) => [v.villageCode, v.families, v.berisiko, v.tidakBerisiko, v.tidakDiketahui]),
    ).toEqual([
      [V1, 3, 1, 1, 1],
      [V2, 1, 1, 0, 0],
    ]);
    expect(counts.total.factors).toEqual({
      air_minum_tidak_layak: 1,
      jamban_tidak_layak: 1,
      terlalu_muda: 1,
      terlalu_tua: 1,
      terlalu_dekat: 1,
      terlalu_banyak: 0,
    });
    expect((await s.families.counts(kec, "35.03.01", "2025-S1")).total.families).toBe(0);
  });

  it("shows named families only to the roles and region allowed, and audits every view", async () => {
    const s = testServices(t.database);
    const list = await s.families.list(desa, { limit: 50, offset: 0, verdict: "berisiko" });
    expect(list.families.map((f) => [f.headName, f.reasons])).toEqual([
      ["Budi", ["terlalu_muda", "terlalu_dekat"]],
    ]);
    const id = list.families[0].id;
    await s.families.get(kec, id);
    const views = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "username", "entity_id"])
      .where("entity", "=", "family")
      .where("action", "in", ["view", "list"])
      .execute();
    expect(views).toEqual(
      expect.arrayContaining([
        { action: "list", username: desa.username, entity_id: null },
        { action: "view", username: kec.username, entity_id: id },
      ]),
    );
    // a posyandu cadre reads aggregates only
    await expect(s.families.list(cadre, { limit: 50, offset: 0 })).rejects.toMatchObject({
      reason: "permission",
    });
    await expect(s.families.get(cadre, id)).rejects.toMatchObject({ reason: "permission" });
    // out of scope: the family does not exist
    await expect(s.families.get(otherDesa, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(s.families.list(otherDesa, { region: V1, limit: 50, offset: 0 })).rejects.toMatchObject({
      reason: "scope",
    });
    // the audit log holds no names
    const written = await t.database.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity", "=", "family")
      .execute();
    expect(JSON.stringify(written)).not.toMatch(/Budi|Sri|Ayu/);
  });

  it("refuses wrong input by field and a stale version with the current record", async () => {
    const s = testServices(t.database);
    const district = caller("district_tpps", "35.03");
    await expect(s.families.create(district, base({ villageCode: "35.03.01" }), TODAY)).rejects.toMatchObject(
      {
        code: "bad_request",
        details: { field: "villageCode" },
      },
    );
    await expect(
      s.families.create(desa, base({ children: [{ name: "Z", birthDate: "2025-08-05" }] }), TODAY),
    ).rejects.toMatchObject({ details: { field: "children[0].birthDate" } });
    const f = await s.families.create(desa, base({ headName: "Fajar", waterSource: "air_hujan" }), TODAY);
    const body = { ...base({ headName: "Fajar", waterSource: "ledeng" as const }), version: f.version };
    const updated = await s.families.update(desa, f.id, body, TODAY);
    expect(updated.version).toBe(f.version + 1);
    expect(updated.assessment.factors.air_minum_tidak_layak.value).toBe(false);
    const stale = await s.families.update(desa, f.id, body, TODAY).catch((e) => e);
    expect(stale).toBeInstanceOf(ServiceError);
    expect(stale.code).toBe("stale_version");
    expect(stale.details.current.version).toBe(updated.version);
  });
});
