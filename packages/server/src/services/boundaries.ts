/**
 * Map boundaries: one GeoJSON geometry per region code. Administrators upload feature collections
 * whose features carry the region code in a property; the upload reports which features matched,
 * which did not and why, and which regions still lack a shape.
 */
import { levelOfCode, provinceOfCode, type UserMessage, userMessage } from "@tumbuh/core";
import type {
  BoundaryCollection,
  Region,
  UploadBoundariesBody,
  UploadBoundariesResponse,
} from "@tumbuh/core/api";
import { type Actor, checkAccess, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import type { RegionLevel } from "../db/schema.ts";
import { recordAudit } from "./audit.ts";
import type { RegionService } from "./regions.ts";

const GEOMETRY_TYPES = new Set(["Polygon", "MultiPolygon"]);
const MISSING_LIMIT = 2000;

export class BoundaryService {
  constructor(
    private readonly repos: Repositories,
    private readonly regions: RegionService,
  ) {}

  /**
   * The shapes of the regions below a region the user may see; for a village (whose posyandu have
   * no shapes) the village's own shape, so every level, a cadre's village included, has a map.
   */
  async ofRegion(user: Actor, parent: string): Promise<BoundaryCollection> {
    requireAccess(user, "dashboard:read", parent);
    const { region } = await this.regions.withAncestors(parent);
    if (region.level === "village") return this.collectionOf([region]);
    return this.collectionOf(await this.regions.children(parent));
  }

  /** A FeatureCollection of the given regions that have a shape, plus the ones that do not. */
  async collectionOf(regions: Region[]): Promise<BoundaryCollection> {
    const rows = await this.repos.boundaries.byCodes(regions.map((r) => r.code));
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
   * scope (replacing earlier shapes), in one transaction with its audit entry, and reports the rest.
   */
  async upload(
    user: Actor & { username: string },
    body: UploadBoundariesBody,
  ): Promise<UploadBoundariesResponse> {
    requireAccess(user, "boundaries:write", user.regionCode);
    const prop = body.codeProperty;
    const wanted = body.geojson.features.map((f, index) => {
      const raw = f.properties?.[prop];
      const value = raw === undefined || raw === null ? null : String(raw).trim();
      return { index, value, geometry: f.geometry };
    });
    const codes = [...new Set(wanted.map((w) => w.value).filter((v): v is string => !!v))];
    const known = new Map((await this.repos.regions.byCodes(codes)).map((r) => [r.code, r]));
    const matched: UploadBoundariesResponse["matched"] = [];
    const unmatched: UploadBoundariesResponse["unmatched"] = [];
    const seen = new Set<string>();
    const toStore: Array<{ code: string; geometry: unknown }> = [];
    for (const w of wanted) {
      const region = w.value ? known.get(w.value) : undefined;
      let refused: { reason: string; userMessage: UserMessage } | null = null;
      if (!w.value)
        refused = {
          reason: `the feature has no '${prop}' property`,
          userMessage: userMessage("boundary.noCodeProperty", { property: prop }),
        };
      else if (!region)
        refused = {
          reason: `no region has the code ${w.value}`,
          userMessage: userMessage("boundary.unknownRegion", { code: w.value }),
        };
      else if (checkAccess(user, "boundaries:write", region.code))
        refused = {
          reason: `${region.code} is outside your scope`,
          userMessage: userMessage("boundary.outsideScope", { code: region.code }),
        };
      else if (!w.geometry || !GEOMETRY_TYPES.has(w.geometry.type)) {
        const type = w.geometry?.type ?? "none";
        refused = {
          reason: `expected a Polygon or MultiPolygon geometry, got ${type}`,
          userMessage: userMessage("boundary.notPolygon", { type }),
        };
      } else if (seen.has(region.code))
        refused = {
          reason: `${region.code} appears twice; the first feature was kept`,
          userMessage: userMessage("boundary.twice", { code: region.code }),
        };
      if (refused || !region) {
        unmatched.push({
          index: w.index,
          value: w.value,
          ...(refused ?? {
            reason: "unknown",
            userMessage: userMessage("boundary.unknownRegion", { code: w.value ?? "" }),
          }),
        });
        continue;
      }
      seen.add(region.code);
      matched.push({ index: w.index, code: region.code, name: region.name });
      toStore.push({ code: region.code, geometry: w.geometry });
    }
    await this.repos.transaction(async (tx) => {
      // Which of these regions had a shape already (the audit log names them, not their geometry).
      const replaced = (await tx.boundaries.byCodes(toStore.map((s) => s.code)))
        .map((r) => r.region_code)
        .sort();
      const replacedSet = new Set(replaced);
      await tx.boundaries.upsert(toStore, body.attribution ?? null, user.id);
      await recordAudit(tx, {
        actor: user,
        action: "upload",
        entity: "boundary",
        regionCode: user.regionCode,
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
      missing: await this.missingShapes(
        user,
        matched.map((m) => m.code),
      ),
    };
  }

  /** Regions at the levels just uploaded, in the same districts and the user's scope, still without a shape. */
  private async missingShapes(user: Actor, codes: string[]): Promise<Array<{ code: string; name: string }>> {
    const groups = new Map<RegionLevel, Set<string>>();
    for (const c of codes) {
      const level = levelOfCode(c) as RegionLevel;
      const parent =
        level === "province" || level === "district" ? (provinceOfCode(c) as string) : c.slice(0, 5);
      if (!groups.has(level)) groups.set(level, new Set());
      groups.get(level)?.add(parent);
    }
    const out: Array<{ code: string; name: string }> = [];
    for (const [level, parents] of groups) {
      for (const parent of parents) {
        if (out.length >= MISSING_LIMIT) break;
        const rows = await this.repos.boundaries.missing(level, parent, MISSING_LIMIT - out.length);
        out.push(...rows.filter((r) => !checkAccess(user, "boundaries:write", r.code)));
      }
    }
    return out;
  }
}
