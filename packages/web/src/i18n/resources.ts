import { ROW_MESSAGE_TEXTS } from "@tumbuh/core";
import offlineEn from "../offline/i18n/en.json";
import offlineId from "../offline/i18n/id.json";
import en from "./en.json";
import id from "./id.json";

/** A translation tree: nested keys ending in texts. */
export type Tree = { [key: string]: string | Tree };

/**
 * Each feature may keep its own texts beside its pages, in `pages/<feature>/i18n/id.json` and
 * `en.json`; they live under the key `<feature>` (merged with any texts the main files already hold
 * there), so features never edit the same file.
 */
const featureFiles = import.meta.glob<Tree>("../pages/*/i18n/*.json", { eager: true, import: "default" });

function featureTexts(lang: "id" | "en"): Record<string, Tree> {
  const out: Record<string, Tree> = {};
  for (const [path, tree] of Object.entries(featureFiles)) {
    const m = /\/pages\/([^/]+)\/i18n\/(id|en)\.json$/.exec(path);
    if (m && m[2] === lang) out[m[1]] = tree;
  }
  return out;
}

/**
 * The texts of the rows of an imported file (`msg.row.*`): kept in @tumbuh/core, which the
 * `tumbuh import` command prints too, so that both say the same.
 */
function rowMessages(lang: "id" | "en"): Tree {
  const out: Tree = {};
  for (const [code, text] of Object.entries(ROW_MESSAGE_TEXTS[lang])) out[code.slice("row.".length)] = text;
  return out;
}

function build(lang: "id" | "en", main: Tree, offline: Tree): Tree {
  const tree: Tree = { ...main, offline, msg: { ...(main.msg as Tree), row: rowMessages(lang) } };
  for (const [feature, texts] of Object.entries(featureTexts(lang))) {
    const existing = tree[feature];
    tree[feature] = typeof existing === "object" ? { ...existing, ...texts } : texts;
  }
  return tree;
}

/** Every text of the app in Bahasa Indonesia (`id`) and English (`en`). */
export const TRANSLATIONS: { id: Tree; en: Tree } = {
  id: build("id", id as Tree, offlineId as Tree),
  en: build("en", en as Tree, offlineEn as Tree),
};
