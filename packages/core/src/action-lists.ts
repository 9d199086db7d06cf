/**
 * The cadre's action lists for a posyandu (issue: posyandu page): each child's latest status and
 * the lists it belongs on: stunted, wasted, underweight (latest valid z-score below −2), new
 * stunting (latest valid HAZ below −2 after one at −2 or above), faltering (T at the latest
 * weighing, faltering.ts), 2T, below the red line (BGM), not weighed at the posyandu's latest
 * session, and aged out (60 months or more: listed apart, on no other list).
 */
import { type FalteringAlert, growthAlerts } from "./faltering.ts";
import { DEFAULT_KBM, type KbmTable } from "./kbm.ts";
import { completedMonthsOfAge, monthOf } from "./months.ts";
import { isInS } from "./skdn.ts";

/** A stored measurement as the action lists read it (z-scores and WHO flags as computed when stored). */
export interface ActionMeasurement {
  date: string;
  weight: number | null;
  lenhei?: number | null;
  oedema?: boolean;
  zlen?: number | null;
  flen?: boolean;
  zwei?: number | null;
  fwei?: boolean;
  zwfl?: number | null;
  fwfl?: boolean;
}

export interface ActionChild {
  id: string;
  sex: 1 | 2;
  birthDate: string;
  measurements: readonly ActionMeasurement[];
}

export const ACTION_LISTS = [
  "faltering",
  "twoT",
  "bgm",
  "stunted",
  "newStunting",
  "wasted",
  "underweight",
  "missed",
  "agedOut",
] as const;
export type ActionList = (typeof ACTION_LISTS)[number];

export interface ChildActionStatus {
  id: string;
  /** Completed months of age today. */
  ageMonths: number;
  /** The latest measurement (any), if any. */
  latest?: ActionMeasurement;
  /** The latest valid z-scores (flagged left out): height-, weight-for-age, weight-for-height. */
  haz?: number;
  waz?: number;
  whz?: number;
  /** T, 2T and BGM at the latest weighing (faltering.ts). */
  alerts: FalteringAlert[];
  lists: ActionList[];
}

/** The latest value of `pick` over measurements sorted by date (undefined when none), and the one before it. */
function lastTwo(sorted: readonly ActionMeasurement[], pick: (m: ActionMeasurement) => number | undefined) {
  const values: number[] = [];
  for (const m of sorted) {
    const v = pick(m);
    if (v !== undefined) values.push(v);
  }
  return { last: values[values.length - 1], before: values[values.length - 2] };
}

const valid = (z: number | null | undefined, flagged: boolean | undefined) =>
  z !== null && z !== undefined && Number.isFinite(z) && flagged !== true ? z : undefined;

/**
 * The latest month up to today's in which any of the children was weighed (the posyandu's
 * latest session); null when none.
 */
export function latestSessionMonth(children: readonly ActionChild[], today: string): string | null {
  const current = monthOf(today);
  let latest: string | null = null;
  for (const c of children)
    for (const m of c.measurements) {
      const month = monthOf(m.date);
      if (m.weight !== null && m.weight > 0 && month <= current && (latest === null || month > latest))
        latest = month;
    }
  return latest;
}

/** One child's status and action lists as of `today`, given the posyandu's latest session month. */
export function childActionStatus(
  child: ActionChild,
  today: string,
  lastSession: string | null,
  kbm: KbmTable = DEFAULT_KBM,
): ChildActionStatus {
  const sorted = [...child.measurements]
    .filter((m) => m.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const ageMonths = completedMonthsOfAge(child.birthDate, today);
  const out: ChildActionStatus = {
    id: child.id,
    ageMonths,
    latest: sorted[sorted.length - 1],
    alerts: [],
    lists: [],
  };
  const haz = lastTwo(sorted, (m) => valid(m.zlen, m.flen));
  out.haz = haz.last;
  out.waz = lastTwo(sorted, (m) => valid(m.zwei, m.fwei)).last;
  out.whz = lastTwo(sorted, (m) => valid(m.zwfl, m.fwfl)).last;
  if (ageMonths >= 60) {
    out.lists.push("agedOut");
    return out;
  }
  const weighings = sorted
    .filter((m) => m.weight !== null && m.weight > 0)
    .map((m) => ({ date: m.date, weight: m.weight as number, oedema: m.oedema }));
  out.alerts = growthAlerts(
    { id: child.id, sex: child.sex, birthDate: child.birthDate, weighings },
    monthOf(today),
    kbm,
  ).alerts;
  const rules = new Set(out.alerts.map((a) => a.rule));
  if (rules.has("T")) out.lists.push("faltering");
  if (rules.has("2T")) out.lists.push("twoT");
  if (rules.has("BGM")) out.lists.push("bgm");
  if (haz.last !== undefined && haz.last < -2) {
    out.lists.push("stunted");
    if (haz.before !== undefined && haz.before >= -2) out.lists.push("newStunting");
  }
  if (out.whz !== undefined && out.whz < -2) out.lists.push("wasted");
  if (out.waz !== undefined && out.waz < -2) out.lists.push("underweight");
  if (
    lastSession !== null &&
    isInS({ id: child.id, birthDate: child.birthDate }, lastSession) &&
    !weighings.some((w) => monthOf(w.date) === lastSession)
  )
    out.lists.push("missed");
  return out;
}
