/**
 * A backstop for every route: a request whose query string, path parameters or JSON body holds a
 * NUL character anywhere (PostgreSQL text and jsonb cannot store one) is refused with 400 naming
 * where it was, before any schema or service sees it. The schemas of free text (PlainText in
 * @tumbuh/core/api) refuse every control character on their own; this catches the rest, such as
 * the properties of an uploaded GeoJSON feature.
 */
import { userMessage } from "@tumbuh/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { HttpError } from "./errors.ts";

const NUL = "\u0000";

/** The path (`body/features/0/properties/name`) of the first string or key holding a NUL, or null. */
function findNul(value: unknown, root: string): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes(NUL)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`]);
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes(NUL)) return `${path}/${k.replaceAll(NUL, "\\u0000")}`;
        stack.push([x, `${path}/${k}`]);
      }
    }
  }
  return null;
}

/** preValidation hook: 400 `validation_failed` for a NUL in the query, the path parameters or the body. */
export async function refuseNulCharacters(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const found =
    findNul(request.query, "querystring") ??
    findNul(request.params, "params") ??
    findNul(request.body, "body");
  if (found) {
    const message = "must not contain a NUL character (\\u0000)";
    throw new HttpError(
      400,
      "validation_failed",
      `${found}: ${message}`,
      { issues: [{ path: found, message }] },
      {},
      userMessage("validation.nulCharacter", { field: found.split("/").at(-1) ?? found }),
    );
  }
}
