/**
 * The text of an error for the user, in the chosen language: the server's catalogue message (code
 * and parameters, see core messages.ts) translated under `msg.*`, its parameters translated too
 * (field names, roles, region levels), and nothing else; else (no code came, or an unknown one) the
 * text of the error's status code with the server's English beside it; else its own text.
 */
import { ApiError } from "../api/client.ts";

type T = (key: string, options?: Record<string, unknown>) => string;

/** Parameters whose values are codes with a text of their own. */
const TRANSLATED_PARAMS: Record<string, string> = {
  field: "fields",
  role: "roles",
  level: "region.level",
};

/** Parameters translated only in some messages: by message code, the parameter and its prefix. */
const TRANSLATED_PARAMS_OF: Record<string, Record<string, string>> = {
  "aksi.acceptOnlyDone": { status: "aksi.statuses" },
  "krs.water": { source: "families.waterSources" },
  "krs.latrine": { latrine: "families.latrines" },
};

/** The parameters of a message, with field names, roles, levels and statuses in the user's language. */
function translateParams(
  params: Record<string, string | number>,
  t: T,
  key?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const own = key ? TRANSLATED_PARAMS_OF[key] : undefined;
  for (const [name, value] of Object.entries(params)) {
    const prefix = own?.[name] ?? TRANSLATED_PARAMS[name];
    out[name] = prefix ? t(`${prefix}.${value}`, { defaultValue: String(value) }) : value;
  }
  return out;
}

/**
 * The user's text of an error, and a detail to show beside it: the server's English, only as a
 * last resort when the error names no message code this app knows.
 */
export function errorText(error: Error, t: T): { text: string; detail: string | null } {
  if (error instanceof ApiError) {
    if (error.key) {
      const text = t(`msg.${error.key}`, {
        ...translateParams(error.params, t, error.key),
        defaultValue: "",
      });
      if (text) return { text, detail: null };
    }
    const byCode = t(`errors.${error.code}`, { defaultValue: "" });
    if (byCode) return { text: byCode, detail: error.message !== byCode ? error.message : null };
  }
  if (error instanceof TypeError && /fetch/i.test(error.message)) {
    return { text: t("errors.network"), detail: null };
  }
  return { text: error.message, detail: null };
}

/** A catalogue message inside a successful response (a row of an import, a warning). */
export interface ShownMessage {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The user's text of a message a response carries: its code's text in the chosen language, its
 * parameters translated; the server's English `fallback` only when no known code came (an older
 * server, a report stored before the codes).
 */
export function messageText(message: ShownMessage | undefined, fallback: string, t: T): string {
  if (!message) return fallback;
  return t(`msg.${message.key}`, {
    ...translateParams(message.params ?? {}, t, message.key),
    defaultValue: fallback,
  });
}
