/**
 * Maps every failure onto the API's error envelope `{error: {code, message, details}}` with the
 * matching status code: validation (400, naming the field), access (401/403), missing or
 * out-of-scope records (404), stale versions (409 with the current record), rate limits (429).
 */
import { type UserMessage, userMessage } from "@tumbuh/core";
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
    readonly details: Record<string, unknown> | undefined,
    readonly headers: Record<string, string>,
    readonly userMessage: UserMessage,
  ) {
    super(message);
  }
}

export function unauthenticated(message = "sign in first", sessionEnded = false): HttpError {
  const msg = userMessage(sessionEnded ? "auth.sessionEnded" : "auth.signInFirst");
  return new HttpError(401, "unauthenticated", message, undefined, {}, msg);
}

/** 429 with Retry-After: `what` (e.g. "sign-in attempts") must wait `seconds`. */
export function rateLimited(seconds: number, what: string): HttpError {
  return new HttpError(
    429,
    "rate_limited",
    `too many ${what}; try again in ${seconds} s`,
    { retryAfter: seconds },
    { "retry-after": String(seconds) },
    userMessage("auth.rateLimited", { seconds }),
  );
}

/** 400 for an upload request that carries no file (`message`: what was wrong, for API clients). */
export function noFile(message: string): HttpError {
  return new HttpError(
    400,
    "bad_request",
    message,
    { field: "file" },
    {},
    userMessage("validation.required", { field: "file" }),
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
  /** The catalogue message the web app shows in the user's language. */
  userMessage?: UserMessage;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The status, code, message, catalogue message and details an error is reported with. */
function mapError(err: unknown): Mapped {
  const m = mapKnown(err);
  return { ...m, userMessage: m.userMessage ?? fallbackMessage(m) };
}

/** For an error that names no catalogue message: "the field is not valid", or one per status. */
function fallbackMessage(m: Mapped): UserMessage {
  const field = typeof m.details?.field === "string" ? m.details.field : null;
  if (field) return userMessage("validation.invalid", { field });
  if (m.status === 403) return userMessage("access.denied");
  if (m.status === 404) return userMessage("record.notFound");
  if (m.status >= 500) return userMessage("server.internal");
  return userMessage("request.refused");
}

function mapKnown(err: unknown): Mapped {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      code: err.code,
      message: err.message,
      details: err.details,
      headers: err.headers,
      userMessage: err.userMessage,
    };
  }
  if (err instanceof AccessDenied) {
    return { status: 403, code: "forbidden", message: err.message, userMessage: err.userMessage };
  }
  if (err instanceof ServiceError) {
    return {
      status: SERVICE_STATUS[err.code],
      code: err.code,
      message: err.message,
      details: err.details,
      userMessage: err.userMessage,
    };
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
      userMessage: err.validation[0] ? validationMessage(err.validation[0]) : undefined,
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
    return {
      status: 413,
      code: "payload_too_large",
      message: fe.message ?? "the upload is too large",
      userMessage: userMessage("payload.tooLarge"),
    };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: "bad_request", message: fe.message ?? "bad request" };
  }
  return { status: 500, code: "internal", message: "internal error" };
}

/**
 * The catalogue message of a request check that failed: the field (the path's last name) and
 * what was expected (at most, at least, one of, present).
 */
export function validationMessage(v: {
  keyword: string;
  instancePath: string;
  params?: Record<string, unknown>;
}): UserMessage {
  const field = v.instancePath.split("/").filter(Boolean).at(-1) ?? "request";
  const p = v.params ?? {};
  const text = p.origin === "string";
  if (v.keyword === "too_big" && p.maximum !== undefined) {
    return userMessage(text ? "validation.tooLong" : "validation.tooBig", { field, max: Number(p.maximum) });
  }
  if (v.keyword === "too_small" && p.minimum !== undefined) {
    if (text && Number(p.minimum) === 1) return userMessage("validation.required", { field });
    return userMessage(text ? "validation.tooShort" : "validation.tooSmall", {
      field,
      min: Number(p.minimum),
    });
  }
  if (v.keyword === "invalid_type" && p.input === undefined)
    return userMessage("validation.required", { field });
  if (v.keyword === "invalid_value" && Array.isArray(p.values)) {
    return userMessage("validation.oneOf", { field, options: p.values.join(", ") });
  }
  return userMessage("validation.invalid", { field });
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
        error: {
          code: m.code,
          message: m.message,
          ...(m.userMessage ? { key: m.userMessage.key, params: m.userMessage.params ?? {} } : {}),
          ...(m.details ? { details: m.details } : {}),
        },
      }),
    );
}
