/**
 * What every piece of programme configuration shares: how sure its source is, and a check that
 * turns a zod failure into lines a national or provincial admin can act on.
 */
import { z } from "zod";

/**
 * How sure a value is, with the labels of `shared/domain`: `src` seen in the cited source,
 * `src-weak` seen only in a secondary source, `mem` background knowledge not confirmed — shown as
 * "unconfirmed" wherever the value is used.
 */
export const Confidence = z.enum(["src", "src-weak", "mem"]);
export type Confidence = z.infer<typeof Confidence>;

/** The result of checking a configuration: the parsed value, or one line per problem. */
export type ConfigCheck<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parses `input` with `schema`; each problem becomes `path: message` (e.g. `aksi.2.dueMonth: …`). */
export function checkConfig<S extends z.ZodType>(schema: S, input: unknown): ConfigCheck<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`),
  };
}

/** Adds an issue for every value that appears twice in `values` (codes that must be unique). */
export function reportDuplicates(
  ctx: z.RefinementCtx,
  values: readonly string[],
  path: (string | number)[],
  what: string,
): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) ctx.addIssue({ code: "custom", path, message: `${what} '${v}' appears more than once` });
    seen.add(v);
  }
}
