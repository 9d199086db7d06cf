import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const A = "35.03.01.2001";
const B = "35.03.01.2002";

describeEachEngine("posyandu page", (t) => {
  const P = randomUUID();
  const ids: Record<string, string> = {};
  const cadre = { id: randomUUID(), username: "kader", role: "posyandu_cadre" as const, regionCode: A };

  async function child(key: string, sex: 1 | 2, birth: string, rows: Array<[string, number, number | null]>) {
    const id = randomUUID();
    ids[key] = id;
    await t.database.db
      .insertInto("children")
      .values({
        district_code: "35.03",
        id,
        village_code: A,
        posyandu_id: P,
        name: key,
        name_key: key,
        sex,
        birth_date: birth,
      })
      .execute();
    for (const [on, weight, zlen] of rows) {
      await t.database.db
        .insertInto("measurements")
        .values({
          district_code: "35.03",
          id: randomUUID(),
          child_id: id,
          village_code: A,
          posyandu_id: P,
          measured_on: on,
          age_days: 1,
          weight,
          zlen,
          source: "posyandu",
        })
        .execute();
    }
  }

  it("lists each child with its status and the action lists it is on (worked by hand)", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await t.database.db
      .insertInto("posyandu")
      .values({ district_code: "35.03", id: P, village_code: A, name: "Melati", search_name: "melati" })
      .execute();
    // 8-9 months, +100 g twice (KBM 300 g): T, then 2T
    await child("Ani", 2, "2024-07-20", [
      ["2025-02-21", 8.0, 0],
      ["2025-03-21", 8.1, -0.2],
      ["2025-04-05", 8.2, -0.3],
    ]);
    // HAZ −1.8 then −2.2: stunted, new; not weighed in April (the latest session): missed
    await child("Budi", 1, "2023-01-10", [
      ["2025-02-11", 11.0, -1.8],
      ["2025-03-11", 11.4, -2.2],
    ]);
    // 61 months: aged out only
    await child("Citra", 2, "2020-03-01", [["2025-03-02", 15.0, -2.5]]);
    const page = await testServices(t.database).posyanduPage.page(cadre, P, "2025-04-10");
    expect(page.lastSession).toBe("2025-04");
    expect(page.children.map((c) => [c.name, c.lists])).toEqual([
      ["Ani", ["faltering", "twoT"]],
      ["Budi", ["stunted", "newStunting", "missed"]],
      ["Citra", ["agedOut"]],
    ]);
    expect(page.counts).toMatchObject({
      faltering: 1,
      twoT: 1,
      stunted: 1,
      newStunting: 1,
      missed: 1,
      agedOut: 1,
      bgm: 0,
    });
    expect(page.children[0]).toMatchObject({ ageMonths: 8, lastDate: "2025-04-05", weight: 8.2, haz: -0.3 });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "posyandu_children")
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id, a.user_id])).toEqual([["view", P, cadre.id]]);
  });

  it("is not found outside the scope and forbidden without children:read", async () => {
    const s = testServices(t.database);
    const elsewhere = { ...cadre, regionCode: B };
    await expect(s.posyanduPage.page(elsewhere, P, "2025-04-10")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(s.posyanduPage.page(cadre, randomUUID(), "2025-04-10")).rejects.toMatchObject({
      code: "not_found",
    });
    const assessor = { ...cadre, role: "provincial_assessor" as const, regionCode: "35" };
    await expect(s.posyanduPage.page(assessor, P, "2025-04-10")).rejects.toThrow(/may not use children:read/);
  });
});
