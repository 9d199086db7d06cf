/** Checks made in the browser while a measurement is typed, before the server's WHO flags. */

/**
 * Reads a number typed by hand: a decimal comma or point ("8,5" / "8.5"); empty gives
 * undefined, anything else that is not a plain positive-or-zero decimal gives NaN.
 */
export function parseDecimalInput(text: string): number | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  if (!/^\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(",", "."));
}

export interface PreviousMeasurement {
  date: string;
  weight: number | null;
  height: number | null;
}

export interface EntryWarning {
  field: "weight" | "height";
  code: "not_a_number" | "weight_range" | "height_range" | "height_decrease" | "weight_change";
  /** Values for the message: previous value, difference. */
  values?: Record<string, string | number>;
}

/**
 * Warnings for values that are probably mistyped: outside what a child under five can weigh
 * (1–40 kg) or measure (38–130 cm), shorter than at the last visit by more than 1.5 cm (measuring
 * error), or a weight that changed by more than a third since the last visit.
 */
export function entryWarnings(
  input: { weight: string; height: string },
  previous?: PreviousMeasurement | null,
): EntryWarning[] {
  const out: EntryWarning[] = [];
  const w = parseDecimalInput(input.weight);
  const h = parseDecimalInput(input.height);
  if (w !== undefined && Number.isNaN(w)) out.push({ field: "weight", code: "not_a_number" });
  else if (w !== undefined && (w < 1 || w > 40)) out.push({ field: "weight", code: "weight_range" });
  if (h !== undefined && Number.isNaN(h)) out.push({ field: "height", code: "not_a_number" });
  else if (h !== undefined && (h < 38 || h > 130)) out.push({ field: "height", code: "height_range" });
  if (previous) {
    if (h !== undefined && !Number.isNaN(h) && previous.height !== null && h < previous.height - 1.5) {
      out.push({
        field: "height",
        code: "height_decrease",
        values: { previous: previous.height, diff: round1(previous.height - h) },
      });
    }
    if (
      w !== undefined &&
      !Number.isNaN(w) &&
      previous.weight !== null &&
      Math.abs(w - previous.weight) > previous.weight / 3
    ) {
      out.push({
        field: "weight",
        code: "weight_change",
        values: { previous: previous.weight, diff: round1(w - previous.weight) },
      });
    }
  }
  return out;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The measuring position a cadre normally uses: lying under 2 years (731 days), standing after. */
export function defaultMeasure(birthDate: string, date: string): "l" | "h" {
  const days = (Date.parse(date) - Date.parse(birthDate)) / 86_400_000;
  return days < 731 ? "l" : "h";
}
