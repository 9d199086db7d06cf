/**
 * Children and their measurements as the web app reads and writes them: search within the
 * user's scope (NIK masked), one child's record and history, the full NIK for allowed roles
 * (logged), registering a child and recording a measurement (z-scores from @tumbuh/growth).
 * Every function checks access first; a child outside the scope is "not found".
 */

import { randomUUID } from "node:crypto";
import { daysBetween, districtOfCode, NATION_CODE, personKey, regionLevelOf } from "@tumbuh/core";
import type {
  Child,
  ChildListItem,
  CreateChildBody,
  CreateMeasurementBody,
  Measurement,
} from "@tumbuh/core/api";
import { type Warning, zPreview } from "@tumbuh/core/api";
import { anthroZScores, statusBbtb, statusBbu, statusImtu, statusTbu } from "@tumbuh/growth";
import type { Kysely, Selectable } from "kysely";
import { type Actor, checkAccess, requireAccess } from "../auth/access.ts";
import {
  decryptIdentifier,
  encryptIdentifier,
  hashIdentifier,
  maskIdentifier,
  type PiiKeys,
} from "../db/pii.ts";
import type { DB, MeasurementsTable } from "../db/schema.ts";
import { recordAudit } from "./audit.ts";
import { badRequest, conflict, notFound } from "./errors.ts";

export interface Caller extends Actor {
  username: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How to restrict district-keyed tables to a region's subtree (district first, for routing). */
export function regionFilter(region: string): { district?: string; villagePrefix?: string } {
  if (region === NATION_CODE) return {};
  const level = regionLevelOf(region);
  if (level === "province") return { villagePrefix: `${region}.` };
  if (level === "district") return { district: region };
  if (level === "village") return { district: districtOfCode(region), villagePrefix: region };
  return { district: districtOfCode(region), villagePrefix: `${region}.` };
}

/** A timestamptz value (Date from pg) as an ISO string. */
function isoTime(value: unknown): string {
  return new Date(value as Date | string).toISOString();
}

function safeMask(keys: PiiKeys, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return maskIdentifier(decryptIdentifier(keys, sealed));
  } catch {
    return "••••";
  }
}

function safeDecrypt(keys: PiiKeys, sealed: string | null): string | null {
  if (!sealed) return null;
  return decryptIdentifier(keys, sealed);
}

type MeasurementRow = Selectable<MeasurementsTable>;

/** A stored measurement as the API shows it. */
export function toApiMeasurement(m: MeasurementRow): Measurement {
  return {
    id: m.id,
    date: m.measured_on,
    ageDays: m.age_days,
    weight: m.weight,
    height: m.lenhei,
    measure: m.measure,
    oedema: m.oedema,
    headc: m.headc,
    armc: m.armc,
    source: m.source,
    posyanduId: m.posyandu_id,
    zlen: m.zlen,
    zwei: m.zwei,
    zwfl: m.zwfl,
    zbmi: m.zbmi,
    flen: m.flen,
    fwei: m.fwei,
    fwfl: m.fwfl,
    fbmi: m.fbmi,
    tbu: m.status_tbu,
    bbu: m.status_bbu,
    bbtb: m.status_bbtb,
    imtu: m.status_imtu,
  };
}

function childQuery(db: Kysely<DB>) {
  return db
    .selectFrom("children as c")
    .leftJoin("regions as v", "v.code", "c.village_code")
    .leftJoin("posyandu as p", (j) =>
      j.onRef("p.district_code", "=", "c.district_code").onRef("p.id", "=", "c.posyandu_id"),
    )
    .select([
      "c.id",
      "c.district_code",
      "c.name",
      "c.sex",
      "c.birth_date",
      "c.nik_enc",
      "c.kk_enc",
      "c.village_code",
      "v.name as village_name",
      "c.posyandu_id",
      "p.name as posyandu_name",
      "c.mother_name",
      "c.birth_weight",
      "c.birth_length",
      "c.created_at",
      "c.updated_at",
      "c.version",
    ]);
}
type ChildRow = Awaited<ReturnType<ReturnType<typeof childQuery>["executeTakeFirstOrThrow"]>>;

async function lastMeasurements(db: Kysely<DB>, rows: ChildRow[]) {
  const out = new Map<string, ChildListItem["lastMeasurement"]>();
  if (rows.length === 0) return out;
  const districts = [...new Set(rows.map((r) => r.district_code))];
  const found = await db
    .selectFrom("measurements")
    .select(["child_id", "measured_on", "age_days", "weight", "lenhei", "zlen", "status_tbu"])
    .distinctOn("child_id")
    .where("district_code", "in", districts)
    .where(
      "child_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("child_id")
    .orderBy("measured_on", "desc")
    .execute();
  for (const m of found) {
    out.set(m.child_id, {
      date: m.measured_on,
      ageDays: m.age_days,
      weight: m.weight,
      height: m.lenhei,
      zlen: m.zlen,
      tbu: m.status_tbu,
    });
  }
  return out;
}

function toListItem(keys: PiiKeys, r: ChildRow, last: ChildListItem["lastMeasurement"]): ChildListItem {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    nikMasked: safeMask(keys, r.nik_enc),
    villageCode: r.village_code,
    villageName: r.village_name,
    posyanduId: r.posyandu_id,
    posyanduName: r.posyandu_name,
    lastMeasurement: last,
  };
}

function toChild(keys: PiiKeys, r: ChildRow, last: ChildListItem["lastMeasurement"]): Child {
  return {
    ...toListItem(keys, r, last),
    kkMasked: safeMask(keys, r.kk_enc),
    motherName: r.mother_name,
    birthWeight: r.birth_weight,
    birthLength: r.birth_length,
    createdAt: isoTime(r.created_at),
    updatedAt: isoTime(r.updated_at),
    version: r.version,
  };
}

export interface ChildSearch {
  q?: string;
  region?: string;
  posyanduId?: string;
  limit: number;
  offset: number;
}

/**
 * Children inside `region` (default the caller's scope) whose name contains `q`, or whose NIK
 * is `q` when `q` is 16 digits; ordered by name. NIK and KK are masked.
 */
export async function searchChildren(
  db: Kysely<DB>,
  keys: PiiKeys,
  caller: Caller,
  query: ChildSearch,
): Promise<{ children: ChildListItem[]; total: number }> {
  const region = query.region ?? caller.regionCode;
  requireAccess(caller, "children:read", region);
  const f = regionFilter(region);
  let q = childQuery(db);
  if (f.district) q = q.where("c.district_code", "=", f.district);
  if (f.villagePrefix) {
    q = f.villagePrefix.endsWith(".")
      ? q.where("c.village_code", "like", `${f.villagePrefix}%`)
      : q.where("c.village_code", "=", f.villagePrefix);
  }
  const text = query.q?.trim() ?? "";
  if (/^\d{16}$/.test(text.replace(/\D/g, "")) && /^[\d\s.]+$/.test(text)) {
    q = q.where("c.nik_hash", "=", hashIdentifier(keys, text));
  } else if (text) {
    const key = personKey(text).replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where("c.name_key", "like", `%${key}%`);
  }
  if (query.posyanduId) {
    if (!UUID.test(query.posyanduId)) return { children: [], total: 0 };
    q = q.where("c.posyandu_id", "=", query.posyanduId);
  }
  const [rows, count] = await Promise.all([
    q.orderBy("c.name").orderBy("c.id").limit(query.limit).offset(query.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const last = await lastMeasurements(db, rows);
  return { children: rows.map((r) => toListItem(keys, r, last.get(r.id) ?? null)), total: Number(count.n) };
}

async function loadChild(
  db: Kysely<DB>,
  caller: Caller,
  id: string,
  permission: "children:read" | "children:identity" | "measurements:write",
): Promise<ChildRow> {
  if (!UUID.test(id)) throw notFound("child");
  const row = await childQuery(db).where("c.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("child");
  const denied = checkAccess(caller, permission, row.village_code);
  if (denied) {
    // Inside the scope but without the permission: say so; outside: the child does not exist.
    if (denied.reason === "permission" && !checkAccess(caller, "dashboard:read", row.village_code))
      throw denied;
    throw notFound("child");
  }
  return row;
}

/** One child (masked identifiers) with every measurement, oldest first. */
export async function getChild(
  db: Kysely<DB>,
  keys: PiiKeys,
  caller: Caller,
  id: string,
): Promise<{ child: Child; measurements: Measurement[] }> {
  const row = await loadChild(db, caller, id, "children:read");
  const ms = await db
    .selectFrom("measurements")
    .selectAll()
    .where("district_code", "=", row.district_code)
    .where("child_id", "=", row.id)
    .orderBy("measured_on")
    .execute();
  const lastM = ms[ms.length - 1];
  const last = lastM
    ? {
        date: lastM.measured_on,
        ageDays: lastM.age_days,
        weight: lastM.weight,
        height: lastM.lenhei,
        zlen: lastM.zlen,
        tbu: lastM.status_tbu,
      }
    : null;
  return { child: toChild(keys, row, last), measurements: ms.map(toApiMeasurement) };
}

/** The child's full NIK, KK and mother's NIK for roles allowed to see them; the read is logged. */
export async function getIdentity(
  db: Kysely<DB>,
  keys: PiiKeys,
  caller: Caller,
  id: string,
  ip?: string,
): Promise<{ nik: string | null; kk: string | null; motherNik: string | null }> {
  if (!UUID.test(id)) throw notFound("child");
  const base = await childQuery(db).where("c.id", "=", id).executeTakeFirst();
  if (!base || checkAccess(caller, "children:read", base.village_code)?.reason === "scope")
    throw notFound("child");
  requireAccess(caller, "children:identity", base.village_code);
  const row = await db
    .selectFrom("children")
    .select(["nik_enc", "kk_enc", "mother_nik_enc"])
    .where("district_code", "=", base.district_code)
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor: caller,
    action: "view_identity",
    entity: "identity",
    entityId: id,
    regionCode: base.village_code,
    ip,
  });
  return {
    nik: safeDecrypt(keys, row.nik_enc),
    kk: safeDecrypt(keys, row.kk_enc),
    motherNik: safeDecrypt(keys, row.mother_nik_enc),
  };
}

async function assertPosyanduInVillage(
  db: Kysely<DB>,
  posyanduId: string,
  villageCode: string,
): Promise<void> {
  const p = UUID.test(posyanduId)
    ? await db
        .selectFrom("posyandu")
        .select("village_code")
        .where("district_code", "=", districtOfCode(villageCode))
        .where("id", "=", posyanduId)
        .executeTakeFirst()
    : undefined;
  if (!p) throw badRequest("posyanduId", `no posyandu ${posyanduId} in this district`);
  if (p.village_code !== villageCode)
    throw badRequest("posyanduId", `the posyandu is not in village ${villageCode}`);
}

/** Registers a child in a village of the caller's scope; a NIK already registered is a conflict. */
export async function createChild(
  db: Kysely<DB>,
  keys: PiiKeys,
  caller: Caller,
  input: CreateChildBody,
): Promise<Child> {
  requireAccess(caller, "children:write", input.villageCode);
  const village = await db
    .selectFrom("regions")
    .select(["code", "level"])
    .where("code", "=", input.villageCode)
    .executeTakeFirst();
  if (village?.level !== "village") {
    throw badRequest("villageCode", `expected the code of a village, got ${input.villageCode}`);
  }
  const district = districtOfCode(input.villageCode);
  if (input.posyanduId) await assertPosyanduInVillage(db, input.posyanduId, input.villageCode);
  const nikHash = input.nik ? hashIdentifier(keys, input.nik) : null;
  if (nikHash) {
    const existing = await db
      .selectFrom("children")
      .select(["id", "village_code"])
      .where("district_code", "=", district)
      .where("nik_hash", "=", nikHash)
      .executeTakeFirst();
    if (existing) {
      const visible = !checkAccess(caller, "children:read", existing.village_code);
      throw conflict(
        "nik",
        "a child with this NIK is already registered",
        visible ? { childId: existing.id } : {},
      );
    }
  }
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("children")
      .values({
        district_code: district,
        id,
        village_code: input.villageCode,
        posyandu_id: input.posyanduId ?? null,
        nik_hash: nikHash,
        nik_enc: input.nik ? encryptIdentifier(keys, input.nik) : null,
        kk_hash: input.kk ? hashIdentifier(keys, input.kk) : null,
        kk_enc: input.kk ? encryptIdentifier(keys, input.kk) : null,
        name: input.name,
        name_key: personKey(input.name),
        sex: input.sex,
        birth_date: input.birthDate,
        birth_weight: input.birthWeight ?? null,
        birth_length: input.birthLength ?? null,
        mother_name: input.motherName ?? null,
        mother_nik_hash: null,
        mother_nik_enc: null,
        rt: null,
        rw: null,
        address: null,
      })
      .execute();
    await recordAudit(trx, {
      actor: caller,
      action: "create",
      entity: "child",
      entityId: id,
      regionCode: input.villageCode,
      after: {
        name: input.name,
        sex: input.sex,
        birthDate: input.birthDate,
        villageCode: input.villageCode,
        posyanduId: input.posyanduId ?? null,
        nik: input.nik ? maskIdentifier(input.nik) : null,
        kk: input.kk ? maskIdentifier(input.kk) : null,
      },
    });
  });
  return (await getChild(db, keys, caller, id)).child;
}

/** The stored row of a measurement: age, z-scores, flags and Permenkes categories computed here. */
export function measurementValues(
  child: {
    district_code: string;
    id: string;
    sex: 1 | 2;
    birth_date: string;
    village_code: string;
    posyandu_id: string | null;
  },
  input: CreateMeasurementBody,
) {
  const ageDays = daysBetween(child.birth_date, input.date);
  const r = anthroZScores({
    sex: child.sex,
    ageDays,
    weight: input.weight,
    lenhei: input.height,
    measure: input.measure,
    oedema: input.oedema,
    headc: input.headc,
    armc: input.armc,
  });
  const ok = (flag: boolean | undefined) => !flag;
  return {
    district_code: child.district_code,
    id: randomUUID(),
    child_id: child.id,
    village_code: child.village_code,
    posyandu_id: input.posyanduId ?? child.posyandu_id,
    measured_on: input.date,
    age_days: ageDays,
    weight: input.weight ?? null,
    lenhei: input.height ?? null,
    measure: input.measure ?? null,
    oedema: input.oedema ?? false,
    headc: input.headc ?? null,
    armc: input.armc ?? null,
    zlen: r.zlen ?? null,
    zwei: r.zwei ?? null,
    zwfl: r.zwfl ?? null,
    zbmi: r.zbmi ?? null,
    zhc: r.zhc ?? null,
    zac: r.zac ?? null,
    flen: r.flen ?? false,
    fwei: r.fwei ?? false,
    fwfl: r.fwfl ?? false,
    fbmi: r.fbmi ?? false,
    status_tbu: ok(r.flen) ? (statusTbu(r.zlen)?.code ?? null) : null,
    status_bbu: ok(r.fwei) ? (statusBbu(r.zwei)?.code ?? null) : null,
    status_bbtb: ok(r.fwfl) ? (statusBbtb(r.zwfl)?.code ?? null) : null,
    status_imtu: ok(r.fbmi) ? (statusImtu(r.zbmi)?.code ?? null) : null,
    source: "posyandu" as const,
    import_id: null,
  };
}

/**
 * Records a measurement of a child in the caller's scope (one per child per date, dated between
 * the birth date and `today` in Indonesia) and returns it with its z-scores; the caller then
 * refreshes the district's roll-ups.
 */
export async function createMeasurement(
  db: Kysely<DB>,
  caller: Caller,
  childId: string,
  input: CreateMeasurementBody,
  today: string,
): Promise<{ measurement: Measurement; warnings: Warning[]; districtCode: string }> {
  const child = await loadChild(db, caller, childId, "measurements:write");
  if (input.date > today) {
    throw badRequest("date", `the date ${input.date} is in the future (today in Indonesia is ${today})`);
  }
  if (daysBetween(child.birth_date, input.date) < 0) {
    throw badRequest("date", `the date ${input.date} is before the birth date ${child.birth_date}`);
  }
  if (input.weight === undefined && input.height === undefined) {
    throw badRequest("weight", "expected a weight or a length/height");
  }
  if (input.posyanduId) {
    const posyandu = await db
      .selectFrom("posyandu")
      .select("village_code")
      .where("district_code", "=", child.district_code)
      .where("id", "=", UUID.test(input.posyanduId) ? input.posyanduId : randomUUID())
      .executeTakeFirst();
    if (!posyandu) throw badRequest("posyanduId", `no posyandu ${input.posyanduId} in this district`);
    // The posyandu's village must lie in the caller's scope too, not only the child's.
    requireAccess(caller, "measurements:write", posyandu.village_code);
  }
  const values = measurementValues(child, input);
  const existing = await db
    .selectFrom("measurements")
    .select("id")
    .where("district_code", "=", child.district_code)
    .where("child_id", "=", child.id)
    .where("measured_on", "=", input.date)
    .executeTakeFirst();
  if (existing) {
    throw conflict("date", `this child already has a measurement on ${input.date}`, {
      measurementId: existing.id,
    });
  }
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("measurements")
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: caller,
      action: "create",
      entity: "measurement",
      entityId: inserted.id,
      regionCode: inserted.village_code,
      after: {
        childId: child.id,
        date: inserted.measured_on,
        weight: inserted.weight,
        height: inserted.lenhei,
        measure: inserted.measure,
        zlen: inserted.zlen,
        tbu: inserted.status_tbu,
      },
    });
    return inserted;
  });
  const { warnings } = zPreview({ ...input, sex: child.sex, birthDate: child.birth_date }, today);
  return { measurement: toApiMeasurement(row), warnings, districtCode: child.district_code };
}

/** Posyandu inside a region (names and villages only). */
export async function listPosyandu(db: Kysely<DB>, caller: Caller, region: string) {
  requireAccess(caller, "dashboard:read", region);
  const f = regionFilter(region);
  let q = db
    .selectFrom("posyandu as p")
    .leftJoin("regions as v", "v.code", "p.village_code")
    .select(["p.id", "p.name", "p.village_code as villageCode", "v.name as villageName"]);
  if (f.district) q = q.where("p.district_code", "=", f.district);
  if (f.villagePrefix) {
    q = f.villagePrefix.endsWith(".")
      ? q.where("p.village_code", "like", `${f.villagePrefix}%`)
      : q.where("p.village_code", "=", f.villagePrefix);
  }
  return q.orderBy("p.village_code").orderBy("p.name").limit(5000).execute();
}

/** A posyandu's children for a session: each with its last measurement and whether it was measured on `date`. */
export async function posyanduChildren(
  db: Kysely<DB>,
  keys: PiiKeys,
  caller: Caller,
  id: string,
  date?: string,
) {
  if (!UUID.test(id)) throw notFound("posyandu");
  const p = await db
    .selectFrom("posyandu as p")
    .leftJoin("regions as v", "v.code", "p.village_code")
    .select(["p.id", "p.name", "p.district_code", "p.village_code as villageCode", "v.name as villageName"])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!p || checkAccess(caller, "children:read", p.villageCode)?.reason === "scope")
    throw notFound("posyandu");
  requireAccess(caller, "children:read", p.villageCode);
  const rows = await childQuery(db)
    .where("c.district_code", "=", p.district_code)
    .where("c.posyandu_id", "=", id)
    .orderBy("c.name")
    .limit(2000)
    .execute();
  const last = await lastMeasurements(db, rows);
  const measuredOn = new Set<string>();
  if (date && rows.length) {
    const ms = await db
      .selectFrom("measurements")
      .select("child_id")
      .where("district_code", "=", p.district_code)
      .where("measured_on", "=", date)
      .where(
        "child_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    for (const m of ms) measuredOn.add(m.child_id);
  }
  return {
    posyandu: { id: p.id, name: p.name, villageCode: p.villageCode, villageName: p.villageName },
    children: rows.map((r) => ({
      ...toListItem(keys, r, last.get(r.id) ?? null),
      measuredOnDate: measuredOn.has(r.id),
    })),
  };
}

/** Measurements inside a region (and period: month or year) for export: child name, no identifiers. */
export async function exportMeasurements(db: Kysely<DB>, caller: Caller, region: string, period?: string) {
  requireAccess(caller, "children:read", region);
  const f = regionFilter(region);
  let q = db
    .selectFrom("measurements as m")
    .innerJoin("children as c", (j) =>
      j.onRef("c.district_code", "=", "m.district_code").onRef("c.id", "=", "m.child_id"),
    )
    .select([
      "c.name as child_name",
      "c.sex",
      "c.birth_date",
      "m.village_code",
      "m.measured_on",
      "m.age_days",
      "m.weight",
      "m.lenhei as height",
      "m.measure",
      "m.zlen",
      "m.zwei",
      "m.zwfl",
      "m.flen",
      "m.fwei",
      "m.fwfl",
      "m.status_tbu",
      "m.status_bbu",
      "m.status_bbtb",
      "m.source",
    ]);
  if (f.district) q = q.where("m.district_code", "=", f.district);
  if (f.villagePrefix) {
    q = f.villagePrefix.endsWith(".")
      ? q.where("m.village_code", "like", `${f.villagePrefix}%`)
      : q.where("m.village_code", "=", f.villagePrefix);
  }
  if (period) {
    const from = period.length === 4 ? `${period}-01-01` : `${period}-01`;
    const to =
      period.length === 4
        ? `${Number(period) + 1}-01-01`
        : (() => {
            const [y, m] = period.split("-").map(Number);
            return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
          })();
    q = q.where("m.measured_on", ">=", from).where("m.measured_on", "<", to);
  }
  return q.orderBy("m.village_code").orderBy("c.name").orderBy("m.measured_on").limit(200_000).execute();
}
