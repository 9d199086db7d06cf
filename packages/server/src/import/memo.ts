/**
 * What an import remembers about the texts that repeat row after row — a child's name, a
 * posyandu, a date — so each is keyed or parsed once. One memo per import, created and dropped
 * with it: nothing outlives the import.
 */
import { parseDate, personKey, placeKey } from "@tumbuh/core";
import type { Cell } from "./read.ts";

/** A parsed date cell with its day number (days since 1970-01-01) when it holds a date. */
export type ParsedDate = ReturnType<typeof parseDate> & { days?: number };

/** Entries a map holds before it starts afresh (memory stays bounded on a file of any size). */
const MAX_ENTRIES = 100_000;

function remembered<V>(map: Map<string, V>, key: string, compute: (key: string) => V): V {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size > MAX_ENTRIES) map.clear();
    v = compute(key);
    map.set(key, v);
  }
  return v;
}

function withDays(p: ReturnType<typeof parseDate>): ParsedDate {
  return p.ok && p.value !== undefined ? { ...p, days: Date.parse(`${p.value}T00:00:00Z`) / 86_400_000 } : p;
}

const parseDateText = (text: string): ParsedDate => withDays(parseDate(text));

export class ImportMemo {
  private readonly personKeys = new Map<string, string>();
  private readonly placeKeys = new Map<string, string>();
  private readonly dates = new Map<string, ParsedDate>();

  /** The matching key of a child's name (@tumbuh/core personKey). */
  personKey(name: string): string {
    return remembered(this.personKeys, name, personKey);
  }

  /** The search key of a place's name (@tumbuh/core placeKey). */
  placeKey(name: string): string {
    return remembered(this.placeKeys, name, placeKey);
  }

  /** A date cell parsed (any form @tumbuh/core parseDate reads), with its day number. */
  date(cell: Cell | undefined): ParsedDate {
    if (typeof cell !== "string") return withDays(parseDate(cell));
    return remembered(this.dates, cell, parseDateText);
  }
}
