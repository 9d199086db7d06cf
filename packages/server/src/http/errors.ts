/**
 * Maps every failure onto the API's error envelope `{error: {code, message, details}}` with the
 * matching status code: validation (400, naming the field), access (401/403), missing or
 * out-of-scope records (404), stale versions (409 with the current record), rate limits (429).
 */
import type { ApiErrorCode } from "@tumbuh/core/api";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AccessDenied } from "../auth/access.ts";
import { ServiceError } from "../services/errors.ts";

/** An error raised by the HTTP layer itself (no session, bad CSRF token, too many attempts). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function unauthenticated(message = "sign in first"): HttpError {
  return new HttpError(401, "unauthenticated", message);
}

/** 429 with Retry-After: `what` (e.g. "sign-in attempts") must wait `seconds`. */
export function rateLimited(seconds: number, what: string): HttpError {
  return new HttpError(
    429,
    "rate_limited",
    `too many ${what}; try again in ${seconds} s`,
    { retryAfter: seconds },
    { "retry-after": String(seconds) },
  );
}

const SERVICE_STATUS: Record<ServiceError["code"], number> = {
  bad_request: 400,
  invalid_credentials: 401,
  payload_too_large: 413,
  unprocessable: 422,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
};

interface Mapped {
  status: number;
  code: ApiErrorCode;
  message: string;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The status, code, message and details an error is reported with. */
function mapError(err: unknown): Mapped {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      code: err.code,
      message: err.message,
      details: err.details,
      headers: err.headers,
    };
  }
  if (err instanceof AccessDenied) return { status: 403, code: "forbidden", message: err.message };
  if (err instanceof ServiceError) {
    return { status: SERVICE_STATUS[err.code], code: err.code, message: err.message, details: err.details };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? "request";
    const issues = err.validation.map((v) => ({
      path: `${context}${v.instancePath === "/" ? "" : v.instancePath}`,
      message: v.message ?? "invalid",
    }));
    const first = issues[0];
    return {
      status: 400,
      code: "validation_failed",
      message: first ? `${first.path}: ${first.message}` : "invalid request",
      details: { issues },
    };
  }
  if (isResponseSerializationError(err)) {
    return { status: 500, code: "internal", message: "the response did not match its schema" };
  }
  const fe = err as Partial<FastifyError>;
  if (
    fe.statusCode === 413 ||
    fe.code === "FST_REQ_FILE_TOO_LARGE" ||
    fe.code === "FST_ERR_CTP_BODY_TOO_LARGE"
  ) {
    return { status: 413, code: "payload_too_large", message: fe.message ?? "the upload is too large" };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: "bad_request", message: fe.message ?? "bad request" };
  }
  return { status: 500, code: "internal", message: "internal error" };
}

/** Fastify error handler writing the envelope; server errors are logged, never echoed. */
export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const m = mapError(err);
  if (m.status >= 500) request.log.error({ err }, "request failed");
  for (const [k, v] of Object.entries(m.headers ?? {})) reply.header(k, v);
  reply
    .code(m.status)
    .type("application/json; charset=utf-8")
    .send(
      JSON.stringify({
        error: { code: m.code, message: m.message, ...(m.details ? { details: m.details } : {}) },
      }),
    );
}
