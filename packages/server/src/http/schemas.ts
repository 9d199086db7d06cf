/** Helpers for route schemas: the error responses every route documents beside its success. */
import { ApiError } from "@tumbuh/core/api";
import type { z } from "zod";

/** Response schemas: the given success shapes plus the error envelope for 4xx statuses. */
export function responses<T extends Record<number, z.ZodType>>(ok: T) {
  return { ...ok, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 429: ApiError };
}
