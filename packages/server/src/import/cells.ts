/**
 * Reading a file's cells: tidy text, 16-digit identifiers (NIK, No. KK) and plain decimals,
 * without a regular expression or a copy for the usual cell.
 */
import { normalizeIdentifier } from "../db/pii.ts";
import type { Cell } from "./read.ts";

/** True when `s` is exactly 16 digits, not all zeros (the usual NIK/KK cell). */
function isSixteenDigits(s: string): boolean {
  if (s.length !== 16) return false;
  let nonZero = false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    if (c !== 48) nonZero = true;
  }
  return nonZero;
}

/** True when `s` is printable ASCII without leading, trailing or doubled spaces (already tidy). */
function isTidy(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c < 33 || c > 126) return false;
    else prevSpace = false;
  }
  return !prevSpace;
}

/** A cell as tidy text (runs of white space as one space, trimmed); undefined when empty or "-". */
export function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "string" && isTidy(cell)) return cell === "-" ? undefined : detach(cell);
  const t = String(cell).replace(/\s+/g, " ").trim();
  return t === "" || t === "-" ? undefined : detach(t);
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. A cell read from a file is a
 * slice of a 1 MiB chunk of it; a child's name or NIK kept for the rest of the import (caches,
 * the children written directly) would otherwise keep every chunk, i.e. the whole file, in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** A NIK/KK cell: undefined when empty or all zeros (no number yet); an error unless 16 digits. */
export function parseIdentifier(
  cell: Cell | undefined,
): { ok: true; value?: string } | { ok: false; error: string; digits: number; found: string } {
  if (typeof cell === "string" && isSixteenDigits(cell)) return { ok: true, value: detach(cell) };
  const t = text(cell);
  if (t === undefined) return { ok: true };
  const digits = normalizeIdentifier(typeof cell === "number" ? cell.toFixed(0) : t);
  if (digits === "" || /^0+$/.test(digits)) return { ok: true };
  if (digits.length !== 16 || /[^\d\s.'-]/.test(t.replace(/^'/, ""))) {
    return {
      ok: false,
      error: `expected 16 digits, found ${digits.length} digit(s)${/[^\d\s.'-]/.test(t) ? " and other characters" : ""}`,
      digits: digits.length,
      found: maskIdentifier(t),
    };
  }
  return { ok: true, value: digits };
}

/**
 * A faulty NIK or KK as a report shows it: its first four characters (the province and district
 * part), the rest hidden, so that no identifier lands in a report.
 */
function maskIdentifier(t: string): string {
  return t.length <= 4 ? t : `${t.slice(0, 4)}${"•".repeat(Math.min(t.length - 4, 16))}`;
}

/** Exact powers of ten up to 10^15 (every one a double without rounding). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of a cell written as plain digits with at most one inner '.' or ',' (decimal comma),
 * as parseDecimal reads it; undefined for anything else (parseDecimal then decides). Most
 * measurement cells are like this: no regular expression, string or result object for them.
 * At most 15 digits, so the digits form an exact integer m and m / 10^k is the double nearest
 * the decimal, as Number() gives it.
 */
export function plainDecimal(s: string): number | undefined {
  const n = s.length;
  if (n === 0 || n > 15) return undefined;
  let sep = -1;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      continue;
    }
    if ((c === 46 || c === 44) && sep < 0 && i > 0 && i < n - 1) {
      sep = i;
      continue;
    }
    return undefined;
  }
  return sep < 0 ? m : m / POW10[n - 1 - sep];
}
