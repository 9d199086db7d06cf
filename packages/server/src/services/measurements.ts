/**
 * Recording a measurement at a posyandu session: the checks the server makes (date between birth
 * and today, a weight or a height, a posyandu of the child's scope, one per child per date), the
 * stored values (age, z-scores, flags and Permenkes categories from @tumbuh/growth) and the
 * district's roll-ups refreshed, all audited.
 */
import { randomUUID } from "node:crypto";
import {
  checkEntry,
  daysBetween,
  type EntryErrorCode,
  type EntryFinding,
  type UserMessage,
  userMessage,
} from "@tumbuh/core";
import type { ChildVersion, CreateMeasurementBody, Measurement, Warning } from "@tumbuh/core/api";
import { zPreview } from "@tumbuh/core/api";
import { storedMeasurement } from "@tumbuh/growth";
import type { ChildRow, MeasurementRow, NewMeasurementRow } from "../db/repositories/children.ts";
import { refreshRollupsAndClear } from "../db/repositories/rollup-pending.ts";
import { recordAudit } from "./audit.ts";
import { type Caller, loadChild, UUID } from "./child-access.ts";
import type { ServiceContext } from "./context.ts";
import { badRequest, conflict, staleVersion } from "./errors.ts";
import { TpkService } from "./tpk.ts";

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
    hasKms: m.has_kms,
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
    has_kms: input.hasKms ?? null,
    ...stored,
    source: "posyandu",
    import_id: null,
    client_id: input.clientId ?? null,
  };
}

/** An entry rule's refusal as a catalogue message (the codes and parameters are core's). */
function entryUserMessage(e: EntryFinding<EntryErrorCode>): UserMessage {
  const p = e.params;
  const field = e.field === "lenhei" ? "height" : e.field;
  switch (e.code) {
    case "date_in_future":
      return userMessage("measurement.dateInFuture", { date: p.date, today: p.today });
    case "date_before_birth":
      return userMessage("measurement.dateBeforeBirth", { date: p.date, birthDate: p.birthDate });
    case "age_60_months_or_more":
      return userMessage("measurement.tooOld", { ageMonths: p.ageMonths });
    case "no_weight_or_lenhei":
      return userMessage("measurement.nothingMeasured");
    case "same_date_as_previous":
      return userMessage("measurement.duplicateDate", { date: p.date });
    case "out_of_limits":
      return userMessage("measurement.outOfLimits", {
        field,
        value: p.value,
        min: p.min,
        max: p.max,
        unit: p.unit,
      });
    case "not_a_number":
      return userMessage("validation.invalid", { field });
  }
}

function entryMessage(e: EntryFinding<EntryErrorCode>): string {
  const p = e.params;
  switch (e.code) {
    case "date_in_future":
      return `the date ${p.date} is in the future (today in Indonesia is ${p.today})`;
    case "date_before_birth":
      return `the date ${p.date} is before the birth date ${p.birthDate}`;
    case "age_60_months_or_more":
      return `the child is ${p.ageMonths} months old on that date; measurements are for children under 60 months`;
    case "no_weight_or_lenhei":
      return "expected a weight or a length/height";
    case "out_of_limits":
      return `${p.value} ${p.unit} is outside ${p.min}–${p.max} ${p.unit}`;
    default:
      return `not accepted (${e.code})`;
  }
}

/** The child a stale measurement is answered with: what the device needs to measure against it again. */
function childVersion(child: ChildRow): ChildVersion {
  return {
    id: child.id,
    name: child.name,
    sex: child.sex,
    birthDate: child.birth_date,
    villageCode: child.village_code,
    posyanduId: child.posyandu_id,
    version: child.version,
  };
}

/** What the audit log keeps of a measurement. */
function audited(m: MeasurementRow) {
  return {
    childId: m.child_id,
    date: m.measured_on,
    weight: m.weight,
    height: m.lenhei,
    measure: m.measure,
    zlen: m.zlen,
    tbu: m.status_tbu,
  };
}

export class MeasurementService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Records a measurement of a child in the caller's scope (one per child per date, dated between
   * the birth date and `today` in Indonesia, checked by the entry rules of @tumbuh/core), then
   * refreshes the district's roll-ups; returns it with its z-scores and the warnings the form shows.
   *
   * Offline devices send a `clientId`: a measurement already stored with it is answered again
   * (`replayed`) and nothing is written. A `childVersion` other than the child's is `stale_version`
   * with the child as it is now. Another measurement of the child on the date is a conflict with
   * that measurement (details.current), unless `replaces` names it: then it is overwritten, audited
   * with both values.
   */
  async create(
    caller: Caller,
    childId: string,
    input: CreateMeasurementBody,
    today: string,
  ): Promise<{ measurement: Measurement; warnings: Warning[]; replayed?: boolean }> {
    const child = await loadChild(this.ctx.repos, caller, childId, "measurements:write");
    if (input.clientId) {
      const earlier = await this.ctx.repos.children.measurementByClientId(
        child.district_code,
        input.clientId,
      );
      if (earlier && earlier.child_id !== child.id) {
        throw conflict(
          "clientId",
          `the client id ${input.clientId} was used for another child`,
          userMessage("measurement.clientIdReused", { clientId: input.clientId }),
        );
      }
      if (earlier) return { measurement: toApiMeasurement(earlier), warnings: [], replayed: true };
    }
    if (input.childVersion !== undefined && input.childVersion !== child.version) {
      throw staleVersion(childVersion(child));
    }
    const entry = checkEntry({ sex: child.sex, birthDate: child.birth_date }, today, {
      date: input.date,
      weight: input.weight,
      lenhei: input.height,
      measure: input.measure,
      oedema: input.oedema,
      armc: input.armc,
      headc: input.headc,
    });
    const refused = entry.errors[0];
    if (refused)
      throw badRequest(
        refused.field === "lenhei" ? "height" : refused.field,
        entryMessage(refused),
        entryUserMessage(refused),
      );
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
    if (existing && existing.id !== input.replaces) {
      throw conflict(
        "date",
        `this child already has a measurement on ${input.date}`,
        userMessage("measurement.duplicateDate", { date: input.date }),
        { measurementId: existing.id, current: toApiMeasurement(existing) },
      );
    }
    const row = await this.ctx.repos.transaction(async (tx) => {
      const written = existing
        ? await tx.children.replaceMeasurement({ ...values, id: existing.id })
        : await tx.children.insertMeasurement(values);
      await recordAudit(tx, {
        actor: caller,
        action: existing ? "update" : "create",
        entity: "measurement",
        entityId: written.id,
        regionCode: written.village_code,
        before: existing ? audited(existing) : undefined,
        after: audited(written),
      });
      return written;
    });
    await refreshRollupsAndClear(this.ctx.database, [child.district_code]);
    this.ctx.cache.clear();
    // a child the posyandu now flags (stunted, faltering) becomes a TPK target at once
    await new TpkService(this.ctx).targetFromMeasurement(caller, child, input.date);
    const { warnings } = zPreview({ ...input, sex: child.sex, birthDate: child.birth_date }, today);
    return { measurement: toApiMeasurement(row), warnings };
  }
}
