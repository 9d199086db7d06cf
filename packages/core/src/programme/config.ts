/**
 * What every piece of programme configuration shares: how sure its source is, and a check that
 * turns a zod failure into lines a national or provincial admin can act on.
 */
import { z } from "zod";
import { type MessageCode, type UserMessage, userMessage } from "../messages.ts";

/**
 * How sure a value is, with the labels of `shared/domain`: `src` seen in the cited source,
 * `src-weak` seen only in a secondary source, `mem` background knowledge not confirmed — shown as
 * "unconfirmed" wherever the value is used.
 */
export const Confidence = z.enum(["src", "src-weak", "mem"]);
export type Confidence = z.infer<typeof Confidence>;

/**
 * The result of checking a configuration: the parsed value, or per problem an English line
 * (`errors`, for API clients and logs) and a catalogue message (`messages`, in the user's language).
 */
export type ConfigCheck<T> =
  | { ok: true; value: T }
  | { ok: false; errors: string[]; messages: UserMessage[] };

/**
 * A custom issue's catalogue message, for a refinement: `ctx.addIssue(configIssue(path, english,
 * code, params))`; `checkConfig` reads it back.
 */
export function configIssue<K extends MessageCode>(
  path: (string | number)[],
  message: string,
  ...msg: Parameters<typeof userMessage<K>>
): z.core.$ZodRawIssue {
  return { code: "custom", path, message, params: { userMessage: userMessage(...msg) }, input: undefined };
}

/** The catalogue message of one zod issue, its field being the path (`aksi.2.dueMonth`). */
function issueMessage(i: z.core.$ZodIssue): UserMessage {
  const field = i.path.length ? i.path.join(".") : "(root)";
  if (i.code === "custom") {
    const m = (i.params as { userMessage?: UserMessage } | undefined)?.userMessage;
    if (m) return m;
  }
  if (i.code === "too_big")
    return i.origin === "string" || i.origin === "array"
      ? userMessage("validation.tooLong", { field, max: Number(i.maximum) })
      : userMessage("validation.tooBig", { field, max: Number(i.maximum) });
  if (i.code === "too_small")
    return i.origin === "string" || i.origin === "array"
      ? userMessage("validation.tooShort", { field, min: Number(i.minimum) })
      : userMessage("validation.tooSmall", { field, min: Number(i.minimum) });
  if (i.code === "invalid_type" && i.input === undefined)
    return userMessage("validation.required", { field });
  if (i.code === "invalid_value")
    return userMessage("validation.oneOf", { field, options: i.values.join(", ") });
  return userMessage("validation.invalid", { field });
}

/** Parses `input` with `schema`; each problem becomes `path: message` (e.g. `aksi.2.dueMonth: …`). */
export function checkConfig<S extends z.ZodType>(schema: S, input: unknown): ConfigCheck<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`),
    messages: parsed.error.issues.map(issueMessage),
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
    if (seen.has(v))
      ctx.addIssue(
        configIssue(path, `${what} '${v}' appears more than once`, "config.duplicate", {
          field: path.join("."),
          value: v,
        }),
      );
    seen.add(v);
  }
}
