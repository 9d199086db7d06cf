import { MESSAGE_CODES, MESSAGES } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "./resources.ts";

const { id, en } = TRANSLATIONS;
type Tree = { [k: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  const v = key
    .split(".")
    .reduce<string | Tree | undefined>((n, p) => (typeof n === "object" ? n[p] : undefined), tree);
  return typeof v === "string" ? v : undefined;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

describe("the server's message catalogue in the web app", () => {
  it.each([
    ["id", id],
    ["en", en],
  ] as const)("has a %s text for every message code, using only the code's parameters", (_lang, tree) => {
    const missing: string[] = [];
    const badParams: string[] = [];
    for (const code of MESSAGE_CODES) {
      const text = lookup(tree as Tree, `msg.${code}`);
      if (!text) {
        missing.push(code);
        continue;
      }
      const allowed: readonly string[] = MESSAGES[code];
      for (const p of placeholders(text)) if (!allowed.includes(p)) badParams.push(`${code}: {{${p}}}`);
    }
    expect(missing).toEqual([]);
    expect(badParams).toEqual([]);
    expect(MESSAGE_CODES.length).toBeGreaterThan(30);
  });

  it("has no text for a code the catalogue does not have (a renamed code would be left behind)", () => {
    for (const tree of [id, en] as Tree[]) {
      const keys = Object.entries(tree.msg as Tree).flatMap(([area, v]) =>
        Object.keys(v as Tree).map((name) => `${area}.${name}`),
      );
      expect(keys.filter((k) => !(MESSAGE_CODES as string[]).includes(k))).toEqual([]);
    }
  });
});
