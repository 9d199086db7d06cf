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
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "ApiError" });
export type ApiError = z.infer<typeof ApiError>;

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
  "rate_limited",
  "internal",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** A Kemendagri region code (`35`, `35.03`, `35.03.01`, `35.03.01.2001`) or `ID` for the nation. */
export const RegionCode = z.string().regex(REGION_CODE_PATTERN, "expected a region code such as 35.03 or ID");

/** A period: a month `YYYY-MM` or a year `YYYY`. */
export const Period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "expected a period YYYY-MM or YYYY");

/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

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
