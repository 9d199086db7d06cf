/**
 * What the server's log may say about a request or an error: never a NIK or No. KK (UU PDP). A URL
 * is logged without the query string for the children routes (where names and, from old clients,
 * NIK travel) and with every run of 16 or more digits (spaces, dots, dashes and %20 between them
 * allowed) replaced elsewhere; an error keeps its type, code, message and stack — with the same
 * replacement — but not the fields a database error copies a row into (`detail`, `where`).
 */
import type { FastifyRequest } from "fastify";

/** Runs of digits that could be a NIK or No. KK: 16 digits or more, separators allowed. */
const IDENTIFIER_RUN = /\d(?:(?:[\s.+-]|%20)*\d){15,}/g;

/** The text with every NIK-like run of digits replaced by `[redacted]`. */
export function redactIdentifiers(text: string): string {
  return text.replace(IDENTIFIER_RUN, "[redacted]");
}

/** Paths whose query string is never logged. */
const QUIET_QUERY = /^\/api\/(children|posyandu)(\/|\?|$)/;

/** A URL as the log shows it. */
export function loggedUrl(url: string): string {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const shown = q !== -1 && QUIET_QUERY.test(path) ? `${path}?[query not logged]` : url;
  return redactIdentifiers(shown);
}

/** Pino serializers for Fastify's request and error log lines. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: loggedUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
  err(err: Error & { code?: unknown }) {
    const text = (v: unknown) => (typeof v === "string" ? redactIdentifiers(v) : "");
    return {
      type: err?.name ?? typeof err,
      code: typeof err?.code === "string" || typeof err?.code === "number" ? err.code : undefined,
      message: text(err?.message) || redactIdentifiers(String(err)),
      stack: text(err?.stack),
    };
  },
};
