/**
 * The KBM table in use (core kbm.ts): three shipped variants that disagree from month 7, a national
 * default a national administrator chooses, and a district's own choice (the district health
 * office) that overrides it. A change is audited and recomputes the SKDN roll-ups it affects.
 */
import {
  districtOfCode,
  KBM_TABLES,
  type KbmTable,
  kbmForDistrict,
  kbmTableById,
  NATION_CODE,
  regionLevelOf,
  userMessage,
} from "@tumbuh/core";
import type { KbmChoiceBody, KbmSettings } from "@tumbuh/core/api";
import { checkAccess, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { districtsWithSkdn, refreshSkdnRollups } from "../db/repositories/rollup-refresh.ts";
import { recordAudit } from "./audit.ts";
import type { Caller } from "./child-access.ts";
import { badRequest } from "./errors.ts";

/** A KBM table as the API shows it. */
export function kbmInfo(table: KbmTable): { id: string; label: string; source: string; isDefault: boolean } {
  return { id: table.id, label: table.label, source: table.source, isDefault: table.id === KBM_TABLES[0].id };
}

/** The district of a region code below the province (null for a province or the nation). */
function districtOf(code: string): string | null {
  const level = regionLevelOf(code);
  return level === "nation" || level === "province" ? null : districtOfCode(code);
}

export class KbmService {
  constructor(private readonly repos: Repositories) {}

  /** The table a district uses and which rule chose it (null district: the national choice). */
  async forDistrict(district: string | null) {
    return kbmForDistrict(await this.repos.kbmChoice.choices(), district);
  }

  /** The table a region uses (a province or the nation: the national choice). */
  async forRegion(code: string) {
    return this.forDistrict(districtOf(code));
  }

  /** The shipped tables, the stored choices and the table in use for a region (default the user's scope). */
  async settings(caller: Caller, region?: string): Promise<KbmSettings> {
    const code = region ?? caller.regionCode;
    requireAccess(caller, "dashboard:read", code);
    const rows = await this.repos.kbmChoice.rows();
    const names = new Map(
      (await this.repos.regions.byCodes(rows.map((r) => r.region_code).filter((c) => c !== NATION_CODE))).map(
        (r) => [r.code, r.name],
      ),
    );
    const shape = (r: (typeof rows)[number]) => ({
      regionCode: r.region_code,
      regionName: r.region_code === NATION_CODE ? null : (names.get(r.region_code) ?? null),
      kbmTable: r.kbm_table,
      note: r.note,
      changedBy: r.changed_by_name,
      changedAt: new Date(r.changed_at).toISOString(),
    });
    const inScope = (c: string) =>
      c === NATION_CODE ||
      c === caller.regionCode ||
      c.startsWith(`${caller.regionCode}.`) ||
      caller.regionCode === NATION_CODE;
    const national = rows.find((r) => r.region_code === NATION_CODE);
    const used = await this.forRegion(code);
    const callerDistrict = regionLevelOf(caller.regionCode) === "district" ? caller.regionCode : null;
    return {
      tables: KBM_TABLES.map((t) => ({ ...kbmInfo(t), bands: t.bands.map((b) => ({ ...b })) })),
      builtin: KBM_TABLES[0].id,
      national: national ? shape(national) : null,
      districts: rows.filter((r) => r.region_code !== NATION_CODE && inScope(r.region_code)).map(shape),
      inUse: { ...kbmInfo(used.table), chosenBy: used.source },
      mayChooseNational: checkAccess(caller, "kbm:configure", NATION_CODE) === null,
      mayChooseDistrict:
        callerDistrict && checkAccess(caller, "kbm:configure", callerDistrict) === null
          ? callerDistrict
          : null,
    };
  }

  /**
   * Stores the national default (region ID) or a district's override (null removes it), audited,
   * and recomputes the SKDN roll-ups of the districts whose table changed.
   */
  async choose(caller: Caller, body: KbmChoiceBody, ip?: string): Promise<KbmSettings> {
    const level = regionLevelOf(body.region);
    if (level !== "nation" && level !== "district")
      throw badRequest(
        "region",
        `expected ID or a district code, got ${body.region}`,
        userMessage("kbm.notNationOrDistrict", { code: body.region }),
      );
    requireAccess(caller, "kbm:configure", body.region);
    if (body.kbmTable !== null && !kbmTableById(body.kbmTable))
      throw badRequest(
        "kbmTable",
        `expected one of ${KBM_TABLES.map((t) => t.id).join(", ")}, got ${body.kbmTable}`,
        userMessage("kbm.unknownTable", { id: body.kbmTable }),
      );
    if (body.kbmTable === null && level === "nation")
      throw badRequest(
        "kbmTable",
        "the national default cannot be removed; choose a table",
        userMessage("kbm.nationalDefaultRequired"),
      );
    await this.repos.transaction(async (tx) => {
      const before = await tx.kbmChoice.choices();
      if (body.kbmTable === null) await tx.kbmChoice.clear(body.region);
      else await tx.kbmChoice.set(body.region, body.kbmTable, body.note ?? null, caller);
      const after = await tx.kbmChoice.choices();
      await recordAudit(tx, {
        actor: caller,
        action: "update",
        entity: "kbm_choice",
        entityId: body.region,
        regionCode: body.region,
        before: { kbmTable: level === "nation" ? before.national : (before.districts[body.region] ?? null) },
        after: { kbmTable: body.kbmTable, note: body.note ?? null },
        ip,
      });
      const candidates = level === "nation" ? await districtsWithSkdn(tx) : [body.region];
      const changed = candidates.filter(
        (d) => kbmForDistrict(before, d).table.id !== kbmForDistrict(after, d).table.id,
      );
      await refreshSkdnRollups(tx, changed);
    });
    return this.settings(caller, level === "nation" ? caller.regionCode : body.region);
  }
}
