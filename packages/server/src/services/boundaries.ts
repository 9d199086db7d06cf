/**
 * Map boundaries: one GeoJSON geometry per region code. Administrators upload feature
 * collections whose features carry the region code in a property; the upload reports which
 * features matched, which did not and why, and which regions still lack a shape.
 */

import { regionLevelOf } from "@tumbuh/core";
import type { Region, UploadBoundariesBody, UploadBoundariesResponse } from "@tumbuh/core/api";
import type { Kysely } from "kysely";
import { type Actor, checkAccess, requireAccess } from "../auth/access.ts";
import type { DB } from "../db/schema.ts";
import { recordAudit } from "./audit.ts";
import { appDb } from "./users-db.ts";

const GEOMETRY_TYPES = new Set(["Polygon", "MultiPolygon"]);
const MISSING_LIMIT = 2000;

/** A FeatureCollection of the given regions that have a shape, plus the ones that do not. */
export async function boundaryCollection(db: Kysely<DB>, regions: Region[]) {
  const codes = regions.map((r) => r.code);
  const rows = codes.length
    ? await appDb(db)
        .selectFrom("region_boundaries")
        .select(["region_code", "geometry", "attribution"])
        .where("region_code", "in", codes)
        .execute()
    : [];
  const byCode = new Map(rows.map((r) => [r.region_code, r]));
  const features = [];
  const missing = [];
  for (const r of regions) {
    const b = byCode.get(r.code);
    if (!b) {
      missing.push({ code: r.code, name: r.name });
      continue;
    }
    features.push({
      type: "Feature" as const,
      properties: { code: r.code, name: r.name, level: r.level },
      geometry: b.geometry as { type: string; coordinates: unknown[] },
    });
  }
  const attribution =
    [...new Set(rows.map((r) => r.attribution).filter((a): a is string => !!a))].join("; ") || null;
  return { type: "FeatureCollection" as const, features, attribution, missing };
}

/**
 * Stores the shapes of the features whose code property names a region inside the uploader's
 * scope (replacing earlier shapes), in one transaction, and reports the rest.
 */
export async function uploadBoundaries(
  db: Kysely<DB>,
  caller: Actor & { username: string },
  body: UploadBoundariesBody,
): Promise<UploadBoundariesResponse> {
  requireAccess(caller, "boundaries:write", caller.regionCode);
  const prop = body.codeProperty;
  const wanted = body.geojson.features.map((f, index) => {
    const raw = f.properties?.[prop];
    const value = raw === undefined || raw === null ? null : String(raw).trim();
    return { index, value, geometry: f.geometry };
  });
  const codes = [...new Set(wanted.map((w) => w.value).filter((v): v is string => !!v))];
  const known = new Map<string, { code: string; name: string; level: string }>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db
      .selectFrom("regions")
      .select(["code", "name", "level"])
      .where("code", "in", codes.slice(i, i + 5000))
      .execute();
    for (const r of rows) known.set(r.code, r);
  }
  const matched: UploadBoundariesResponse["matched"] = [];
  const unmatched: UploadBoundariesResponse["unmatched"] = [];
  const seen = new Set<string>();
  const toStore: Array<{ code: string; geometry: unknown }> = [];
  for (const w of wanted) {
    const region = w.value ? known.get(w.value) : undefined;
    let reason: string | null = null;
    if (!w.value) reason = `the feature has no '${prop}' property`;
    else if (!region) reason = `no region has the code ${w.value}`;
    else if (checkAccess(caller, "boundaries:write", region.code))
      reason = `${region.code} is outside your scope`;
    else if (!w.geometry || !GEOMETRY_TYPES.has(w.geometry.type)) {
      reason = `expected a Polygon or MultiPolygon geometry, got ${w.geometry?.type ?? "none"}`;
    } else if (seen.has(region.code)) reason = `${region.code} appears twice; the first feature was kept`;
    if (reason || !region) {
      unmatched.push({ index: w.index, value: w.value, reason: reason ?? "unknown" });
      continue;
    }
    seen.add(region.code);
    matched.push({ index: w.index, code: region.code, name: region.name });
    toStore.push({ code: region.code, geometry: w.geometry });
  }
  await db.transaction().execute(async (trx) => {
    const adb = appDb(trx);
    // Which of these regions had a shape already (the audit log names them, not their geometry).
    const replaced: string[] = [];
    for (let i = 0; i < toStore.length; i += 5000) {
      const rows = await adb
        .selectFrom("region_boundaries")
        .select("region_code")
        .where(
          "region_code",
          "in",
          toStore.slice(i, i + 5000).map((s) => s.code),
        )
        .execute();
      for (const r of rows) replaced.push(r.region_code);
    }
    replaced.sort();
    const replacedSet = new Set(replaced);
    for (let i = 0; i < toStore.length; i += 500) {
      const chunk = toStore.slice(i, i + 500);
      await adb
        .insertInto("region_boundaries")
        .values(
          chunk.map((s) => ({
            region_code: s.code,
            geometry: JSON.stringify(s.geometry),
            attribution: body.attribution ?? null,
            uploaded_by: caller.id,
          })),
        )
        .onConflict((oc) =>
          oc.column("region_code").doUpdateSet((eb) => ({
            geometry: eb.ref("excluded.geometry"),
            attribution: eb.ref("excluded.attribution"),
            uploaded_by: eb.ref("excluded.uploaded_by"),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      actor: caller,
      action: "upload",
      entity: "boundary",
      regionCode: caller.regionCode,
      before: { withShape: replaced },
      after: {
        withShape: matched.map((m) => m.code).sort(),
        replaced,
        added: matched.map((m) => m.code).filter((c) => !replacedSet.has(c)),
        unmatched: unmatched.length,
        attribution: body.attribution ?? null,
      },
    });
  });
  return {
    matched,
    unmatched,
    missing: await missingShapes(
      db,
      caller,
      matched.map((m) => m.code),
    ),
  };
}

/**
 * Regions at the levels just uploaded, in the same districts and inside the caller's scope,
 * that still have no shape.
 */
async function missingShapes(db: Kysely<DB>, caller: Actor, codes: string[]) {
  const groups = new Map<string, Set<string>>();
  for (const c of codes) {
    const level = regionLevelOf(c);
    const parent = level === "province" || level === "district" ? c.slice(0, 2) : c.slice(0, 5);
    if (!groups.has(level)) groups.set(level, new Set());
    groups.get(level)!.add(parent);
  }
  const out: Array<{ code: string; name: string }> = [];
  for (const [level, parents] of groups) {
    for (const parent of parents) {
      if (out.length >= MISSING_LIMIT) break;
      const rows = await appDb(db)
        .selectFrom("regions as r")
        .leftJoin("region_boundaries as b", "b.region_code", "r.code")
        .select(["r.code", "r.name"])
        .where("r.level", "=", level as "province")
        .where("r.code", "like", `${parent}.%`)
        .where("b.region_code", "is", null)
        .orderBy("r.code")
        .limit(MISSING_LIMIT - out.length)
        .execute();
      out.push(...rows.filter((r) => !checkAccess(caller, "boundaries:write", r.code)));
    }
  }
  return out;
}
