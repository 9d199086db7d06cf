/**
 * Headers on every response: a Content-Security-Policy that fits the built web app (its scripts,
 * styles, images and API calls all come from this server), its own policy for Swagger UI at
 * /api/docs, no framing by other sites (clickjacking), no referrer, no MIME sniffing; and
 * `Cache-Control: no-store` on every answer of the signed-in API, where personal data travel
 * (children, NIK, users, the audit log, exports, imports), unless a route chose its own caching.
 */
import type { FastifyReply, FastifyRequest } from "fastify";

const COMMON = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * The web app's policy. Styles come from its own stylesheet; ECharts writes `style` attributes into
 * the HTML of its tooltips, so inline style attributes (never <style> elements) are allowed.
 */
const APP_CSP = [...COMMON, "style-src 'self'", "style-src-attr 'unsafe-inline'"].join("; ");

/**
 * Swagger UI's policy (/api/docs): its scripts and stylesheets are served here too, but it adds a
 * <style> element of its own at run time, so inline styles are allowed on these pages only (scripts
 * stay 'self'). They show the API's description, never personal data.
 */
const DOCS_CSP = [...COMMON, "style-src 'self' 'unsafe-inline'"].join("; ");

/** API paths whose answers hold no personal data and may be cached as their routes say. */
const CACHEABLE_API = /^\/api\/(public\/|docs(\/|$)|health$|meta$)/;

function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

/** onSend hook setting the headers above. */
export async function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const path = pathOf(request.url);
  reply.header("content-security-policy", path.startsWith("/api/docs") ? DOCS_CSP : APP_CSP);
  reply.header("x-frame-options", "DENY");
  reply.header("referrer-policy", "no-referrer");
  reply.header("x-content-type-options", "nosniff");
  reply.header("cross-origin-opener-policy", "same-origin");
  if (path.startsWith("/api/") && !CACHEABLE_API.test(path) && !reply.hasHeader("cache-control")) {
    reply.header("cache-control", "no-store");
  }
  return payload;
}
