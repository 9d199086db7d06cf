/**
 * Errors services throw for the HTTP layer to map onto status codes: the user gets a message
 * that names the field, what was found and what was expected. Each carries a message code of the
 * catalogue (@tumbuh/core messages.ts) with its parameters, which the web app shows in the user's
 * language; the English text stays for API clients and logs.
 */
import { type UserMessage, userMessage } from "@tumbuh/core";

export type ServiceErrorCode =
  | "bad_request"
  | "invalid_credentials"
  | "not_found"
  | "conflict"
  | "stale_version"
  | "payload_too_large"
  | "unprocessable";

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details: Record<string, unknown> | undefined,
    readonly userMessage: UserMessage,
  ) {
    super(message);
  }
}

/** A record that does not exist or lies outside the caller's scope (the two are not told apart). */
export function notFound(what: string): ServiceError {
  return new ServiceError("not_found", `${what} not found`, undefined, userMessage("record.notFound"));
}

/**
 * A well-formed request the data cannot accept; `field` names the offending field, `msg` says in
 * the catalogue's words what was found and what was expected (required: the user never sees the
 * English `message`, which stays for API clients and logs).
 */
export function badRequest(field: string, message: string, msg: UserMessage): ServiceError {
  return new ServiceError("bad_request", `${field}: ${message}`, { field }, msg);
}

/** A write that clashes with existing data (e.g. a username already taken). */
export function conflict(
  field: string,
  message: string,
  msg: UserMessage,
  extra: Record<string, unknown> = {},
): ServiceError {
  return new ServiceError("conflict", message, { field, ...extra }, msg);
}

/** A write with a stale version: the caller gets the current record to merge against. */
export function staleVersion(current: unknown): ServiceError {
  return new ServiceError(
    "stale_version",
    "the record was changed by someone else; reload and retry",
    { current },
    userMessage("record.stale"),
  );
}
