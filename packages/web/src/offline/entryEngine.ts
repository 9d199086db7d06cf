/**
 * The checks and z-scores of a measurement typed at a session, computed on the device: the entry
 * rules the server applies (`checkEntry` of @tumbuh/core) and the WHO z-scores and Permenkes
 * categories (`zPreview`, @tumbuh/growth). Loaded on demand (it holds the WHO tables), and kept by
 * the service worker for use offline.
 */
import { checkEntry, type EntryCheck, zPreview } from "@tumbuh/core";
import type { SessionChild, ZPreview } from "../api/types.ts";

export interface EntryValues {
  date: string;
  today: string;
  weight?: number;
  height?: number;
  measure: "l" | "h";
  oedema: boolean;
}

export interface EntryResult {
  check: EntryCheck;
  /** Null while a value is refused (nothing to show yet). */
  preview: ZPreview | null;
}

/** Checks and previews the values typed for `child`, against the child's last measurement. */
export function evaluateEntry(child: SessionChild, v: EntryValues): EntryResult {
  const last = child.lastMeasurement;
  const check = checkEntry(
    { sex: child.sex, birthDate: child.birthDate },
    v.today,
    { date: v.date, weight: v.weight, lenhei: v.height, measure: v.measure, oedema: v.oedema },
    last ? { date: last.date, weight: last.weight, lenhei: last.height } : null,
  );
  const preview =
    check.errors.length > 0
      ? null
      : zPreview(
          {
            sex: child.sex,
            birthDate: child.birthDate,
            date: v.date,
            weight: v.weight,
            height: v.height,
            measure: v.measure,
            oedema: v.oedema,
          },
          v.today,
        );
  return { check, preview };
}
