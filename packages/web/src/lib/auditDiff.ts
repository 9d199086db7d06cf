/** What an audit entry changed, for display: only the fields whose values differ between before and after. */

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function show(v: unknown): string {
  if (v === undefined) return "–";
  if (v === null) return "null";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * The changed fields of a record, in a stable order (fields of `after` first, then removed
 * ones). A creation (no `before`) lists every field of `after`; a value that is not an object
 * is shown as a single change of the field "".
 */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== null && before !== undefined && !b) || (after !== null && after !== undefined && !a)) {
    return show(before) === show(after) ? [] : [{ field: "", before: show(before), after: show(after) }];
  }
  const keys = [...Object.keys(a ?? {}), ...Object.keys(b ?? {}).filter((k) => !(a && k in a))];
  return keys
    .filter((k) => show(b?.[k]) !== show(a?.[k]))
    .map((k) => ({ field: k, before: show(b?.[k]), after: show(a?.[k]) }));
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * A change as the user reads it: the field's name in the user's language, and codes among the
 * values (roles, sex, yes/no) as words; other values as they are.
 */
export function labelChange(c: FieldChange, t: T): FieldChange {
  const value = (v: string) => {
    if (v === "–") return v;
    if (c.field === "role") return t(`roles.${v}`, { defaultValue: v });
    if (c.field === "sex") return v === "1" ? t("common.male") : v === "2" ? t("common.female") : v;
    if (v === "true") return t("common.yes");
    if (v === "false") return t("common.no");
    if (v === "null") return "–";
    return v;
  };
  return {
    field: c.field ? t(`fields.${c.field}`, { defaultValue: c.field }) : "",
    before: value(c.before),
    after: value(c.after),
  };
}
