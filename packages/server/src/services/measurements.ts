/**
 * Recording a measurement at a posyandu session: the checks the server makes (date between birth
 * and today, a weight or a height, a posyandu of the child's scope, one per child per date), the
 * stored values (age, z-scores, flags and Permenkes categories from @tumbuh/growth) and the
 * district's roll-ups refreshed, all audited.
 */
import { randomUUID } from "node:crypto";
import { daysBetween, userMessage } from "@tumbuh/core";
import type { CreateMeasurementBody, Measurement, Warning } from "@tumbuh/core/api";
import { zPreview } from "@tumbuh/core/api";
import { storedMeasurement } from "@tumbuh/growth";
import type { ChildRow, MeasurementRow, NewMeasurementRow } from "../db/repositories/children.ts";
import { refreshRollupsAndClear } from "../db/repositories/rollup-pending.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, loadChild, UUID } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, conflict } from "./errors.ts";

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

/** The stored row of a measurement: age, and z-scores, flags and categories by the one stored-measurement rule. */
function measurementValues(
  child: Pick<ChildRow, "district_code" | "id" | "sex" | "birth_date" | "village_code" | "posyandu_id">,
  input: CreateMeasurementBody,
): NewMeasurementRow {
  const ageDays = daysBetween(child.birth_date, input.date);
  const stored = storedMeasurement({
    sex: child.sex,
    ageDays,
    weight: input.weight,
    lenhei: input.height,
    measure: input.measure,
    oedema: input.oedema,
    headc: input.headc,
    armc: input.armc,
  });
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
    ...stored,
    source: "posyandu",
    import_id: null,
  };
}

export class MeasurementService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Records a measurement of a child in the caller's scope (one per child per date, dated between
   * the birth date and `today` in Indonesia), then refreshes the district's roll-ups; returns it
   * with its z-scores and the warnings the form shows.
   */
  async create(
    caller: Caller,
    childId: string,
    input: CreateMeasurementBody,
    today: string,
  ): Promise<{ measurement: Measurement; warnings: Warning[] }> {
    const child = await loadChild(this.ctx.repos, caller, childId, "measurements:write");
    if (input.date > today) {
      throw badRequest(
        "date",
        `the date ${input.date} is in the future (today in Indonesia is ${today})`,
        userMessage("measurement.dateInFuture", { date: input.date, today }),
      );
    }
    if (daysBetween(child.birth_date, input.date) < 0) {
      throw badRequest(
        "date",
        `the date ${input.date} is before the birth date ${child.birth_date}`,
        userMessage("measurement.dateBeforeBirth", { date: input.date, birthDate: child.birth_date }),
      );
    }
    if (input.weight === undefined && input.height === undefined) {
      throw badRequest(
        "weight",
        "expected a weight or a length/height",
        userMessage("measurement.nothingMeasured"),
      );
    }
    if (input.posyanduId) {
      const posyandu = UUID.test(input.posyanduId)
        ? await this.ctx.repos.children.posyanduIn(child.district_code, input.posyanduId)
        : undefined;
      if (!posyandu) {
        throw badRequest(
          "posyanduId",
          `no posyandu ${input.posyanduId} in this district`,
          userMessage("posyandu.unknown"),
        );
      }
      // A posyandu serves its own village: the figures below a village are its posyandu, and they
      // must add up to the village. The child's village lies in the caller's scope (loadChild).
      if (posyandu.village_code !== child.village_code) {
        throw badRequest(
          "posyanduId",
          `the posyandu is in village ${posyandu.village_code}, not in the child's village ${child.village_code}`,
          userMessage("posyandu.otherVillage", { village: child.village_code }),
        );
      }
    }
    const values = measurementValues(child, input);
    const existing = await this.ctx.repos.children.measurementOn(child.district_code, child.id, input.date);
    if (existing) {
      throw conflict(
        "date",
        `this child already has a measurement on ${input.date}`,
        { measurementId: existing },
        userMessage("measurement.duplicateDate", { date: input.date }),
      );
    }
    const row = await this.ctx.repos.transaction(async (tx) => {
      const inserted = await tx.children.insertMeasurement(values);
      await recordAudit(tx, {
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
    await refreshRollupsAndClear(this.ctx.database, [child.district_code]);
    this.ctx.cache.clear();
    const { warnings } = zPreview({ ...input, sex: child.sex, birthDate: child.birth_date }, today);
    return { measurement: toApiMeasurement(row), warnings };
  }
}
