/** Writes from offline devices: client ids make a replay harmless, conflicts come back with what is stored. */
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import { ServiceError } from "./errors.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const VILLAGE = "35.03.01.2001";
const TODAY = "2025-12-31";
const cadre = { id: randomUUID(), username: "kader", role: "posyandu_cadre" as const, regionCode: VILLAGE };

/** The service error a call fails with (or null). */
async function failure(p: Promise<unknown>): Promise<ServiceError | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
}

describeEachEngine("measurements sent by offline devices", (t) => {
  it("stores a measurement sent twice with one client id once, and answers the replay with it", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const services = testServices(t.database);
    const child = await services.children.create(
      cadre,
      { name: "Ulang Kirim", sex: 1, birthDate: "2024-01-10", villageCode: VILLAGE },
      TODAY,
    );
    const clientId = randomUUID();
    const body = { date: "2025-12-01", weight: 10.2, height: 80.1, measure: "l" as const, clientId };
    const first = await services.measurements.create(cadre, child.id, body, TODAY);
    const again = await services.measurements.create(cadre, child.id, body, TODAY);
    expect(first.replayed).toBeUndefined();
    expect(again.replayed).toBe(true);
    expect(again.measurement).toEqual(first.measurement);
    const rows = await t.database.db
      .selectFrom("measurements")
      .select(["id", "client_id"])
      .where("child_id", "=", child.id)
      .execute();
    expect(rows).toEqual([{ id: first.measurement.id, client_id: clientId }]);

    // another device's measurement of the same child and date: a conflict carrying the stored one
    const other = { ...body, weight: 10.6, clientId: randomUUID() };
    const clash = await failure(services.measurements.create(cadre, child.id, other, TODAY));
    expect(clash?.code).toBe("conflict");
    expect(clash?.details).toMatchObject({
      field: "date",
      measurementId: first.measurement.id,
      current: { weight: 10.2, height: 80.1 },
    });

    // the user chose the second device's values: it replaces the stored one, both kept in the audit log
    const replaced = await services.measurements.create(
      cadre,
      child.id,
      { ...other, replaces: first.measurement.id },
      TODAY,
    );
    expect(replaced.measurement).toMatchObject({ id: first.measurement.id, weight: 10.6, height: 80.1 });
    const history = await services.children.get(cadre, child.id);
    expect(history.measurements.map((m) => m.weight)).toEqual([10.6]);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity", "=", "measurement")
      .where("entity_id", "=", first.measurement.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1].before).toMatchObject({ weight: 10.2 });
    expect(audit[1].after).toMatchObject({ weight: 10.6 });
    // and the replaced measurement's own replay now answers the stored values, not a conflict
    const late = await services.measurements.create(
      cadre,
      child.id,
      { ...other, replaces: first.measurement.id },
      TODAY,
    );
    expect(late).toMatchObject({ replayed: true, measurement: { weight: 10.6 } });
  });

  it("registers a child sent twice with one client id once", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const services = testServices(t.database);
    const clientId = randomUUID();
    const body = {
      name: "Anak Baru Luring",
      sex: 2 as const,
      birthDate: "2025-03-03",
      villageCode: VILLAGE,
      clientId,
    };
    const a = await services.children.create(cadre, body, TODAY);
    const b = await services.children.create(cadre, body, TODAY);
    expect(b.id).toBe(a.id);
    const n = await t.database.db
      .selectFrom("children")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("name", "=", "Anak Baru Luring")
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it("answers a measurement made against an older version of the child with the child as it is now", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const services = testServices(t.database);
    const child = await services.children.create(
      cadre,
      { name: "Diubah Server", sex: 1, birthDate: "2024-01-10", villageCode: VILLAGE },
      TODAY,
    );
    // an import corrects the birth date meanwhile (as import-merge does: version + 1)
    await t.database.db
      .updateTable("children")
      .set((eb) => ({ birth_date: "2023-11-10", version: eb("version", "+", 1) }))
      .where("id", "=", child.id)
      .execute();
    const body = {
      date: "2025-12-01",
      weight: 10.2,
      height: 80.1,
      clientId: randomUUID(),
      childVersion: child.version,
    };
    const stale = await failure(services.measurements.create(cadre, child.id, body, TODAY));
    expect(stale?.code).toBe("stale_version");
    expect(stale?.details?.current).toMatchObject({
      id: child.id,
      birthDate: "2023-11-10",
      version: child.version + 1,
    });
    const sent = await services.measurements.create(
      cadre,
      child.id,
      { ...body, childVersion: child.version + 1 },
      TODAY,
    );
    // age from the corrected birth date: 2023-11-10 to 2025-12-01
    expect(sent.measurement.ageDays).toBe(752);
  });

  it("refuses what the entry rules refuse: 60 months or older, a weight below any child's", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const services = testServices(t.database);
    const child = await services.children.create(
      cadre,
      { name: "Sudah Besar", sex: 2, birthDate: "2020-11-01", villageCode: VILLAGE },
      TODAY,
    );
    const old = await failure(
      services.measurements.create(cadre, child.id, { date: "2025-12-01", weight: 18 }, TODAY),
    );
    expect(old).toMatchObject({ code: "bad_request", details: { field: "date" } });
    expect(old?.message).toMatch(/60 months old/);
    const young = await services.children.create(
      cadre,
      { name: "Kecil", sex: 2, birthDate: "2025-06-01", villageCode: VILLAGE },
      TODAY,
    );
    const light = await failure(
      services.measurements.create(cadre, young.id, { date: "2025-12-01", weight: 0.3 }, TODAY),
    );
    expect(light).toMatchObject({ code: "bad_request", details: { field: "weight" } });
  });
});
