import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "./resources.ts";

const { id, en } = TRANSLATIONS;

function flatten(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("translations", () => {
  const idKeys = flatten(id).sort();
  const enKeys = flatten(en).sort();

  it("has the same keys in Bahasa Indonesia and English", () => {
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("has no empty strings", () => {
    const empty = (o: object) =>
      flatten(o).filter(
        (k) => k.split(".").reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], o) === "",
      );
    expect(empty(id)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it("defines every key the source code names literally", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, ".."))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/(?:label|titleKey):\s*"([a-z]+\.[a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !idKeys.includes(k)).sort()).toEqual([]);
  });
});
