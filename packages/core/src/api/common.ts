/**
 * Shapes shared by every API route: the error envelope, region codes, periods, dates and
 * regions. Pure zod schemas, used by the server to validate and by the web app to type.
 */
import { z } from "zod";
import { REGION_CODE_PATTERN, REGION_LEVELS } from "../regions.ts";

/** The error envelope every failing request returns. */
export const ApiError = z
  .object({
    error: z.object({
      code: z.string(),
      /** English text for API clients and logs; users see `key` translated. */
      message: z.string(),
      /** The message's code in the catalogue (core messages.ts), shown translated by the web app. */
      key: z.string().optional(),
      /** The message's parameters. */
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "ApiError" });
export type ApiError = z.infer<typeof ApiError>;

/**
 * A message for the user inside a successful response (a row of an import, a warning): its code in
 * the catalogue (core messages.ts) and parameters, shown translated by the web app.
 */
export const UserMessageShape = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** Machine codes of API errors (see docs/api.md). */
export const API_ERROR_CODES = [
  "validation_failed",
  "bad_request",
  "unauthenticated",
  "invalid_credentials",
  "csrf_invalid",
  "forbidden",
  "not_found",
  "stale_version",
  "conflict",
  "payload_too_large",
  "unprocessable",
  "rate_limited",
  "internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** A Kemendagri region code (`35`, `35.03`, `35.03.01`, `35.03.01.2001`) or `ID` for the nation. */
export const RegionCode = z.string().regex(REGION_CODE_PATTERN, "expected a region code such as 35.03 or ID");

/** A period: a month `YYYY-MM` or a year `YYYY`. */
export const Period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "expected a period YYYY-MM or YYYY");

/** Whether `YYYY-MM-DD` names a day of the calendar (not 2024-02-31 or 2025-13-01). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar date `YYYY-MM-DD` that exists (2024-02-29 does, 2024-02-31 does not). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine(isCalendarDate, "expected a date that exists in the calendar (such as 2024-02-29, not 2024-02-31)");

/** The earliest birth date accepted: no child registered in Tumbuh was born before 1900. */
export const EARLIEST_BIRTH_DATE = "1900-01-01";

/** A birth date: a calendar date from 1900 on (the server also refuses one after today). */
export const BirthDate = IsoDate.refine(
  (d) => d >= EARLIEST_BIRTH_DATE,
  `expected a birth date on or after ${EARLIEST_BIRTH_DATE}`,
);

/** Whether the text holds a control character (NUL, a line break, escape…, DEL): never part of a name. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * Text a person types on one line (a name, a search term): trimmed, at most `max` characters, and
 * without control characters such as NUL (which PostgreSQL cannot store).
 */
export function PlainText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `expected at most ${max} characters`)
    .refine((s) => !hasControlCharacter(s), "must not contain control characters (such as NUL)");
}

/** Names of people (a child, a mother, a user): at most this many characters. */
export const NAME_MAX = 100;

/** The largest value of a PostgreSQL bigint (the audit log's ids). */
const BIGINT_MAX = 9223372036854775807n;

/** A positive id of a bigint column, as digits (a page cursor). */
export const BigintId = z
  .string()
  .regex(/^\d{1,19}$/, "expected an id of at most 19 digits")
  .refine((s) => BigInt(s) <= BIGINT_MAX, "expected an id no larger than 9223372036854775807");

/** A moment as an ISO-8601 UTC string. */
export const Timestamp = z.string();

export const Uuid = z.string().uuid();

/** A row's level: a region level, or a posyandu (the units below a village). */
export const RegionLevel = z.enum([...REGION_LEVELS, "posyandu"]);
export type RegionLevel = z.infer<typeof RegionLevel>;

export const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    level: RegionLevel,
    kind: z.string().nullable(),
    parentCode: z.string().nullable(),
  })
  .meta({ id: "Region" });
export type Region = z.infer<typeof Region>;

export const Ok = z.object({ ok: z.literal(true) });
