/**
 * The rule an import matches children by, and the keys it compares:
 * - the same child: the same NIK; else, when one of the two has no NIK, the same name key
 *   (@tumbuh/core personKey), birth date, sex and village (the identity key);
 * - a likely duplicate (reported, never merged): no match, but the same name key, birth date and
 *   sex (in any village, or with another NIK).
 * The direct path applies it in JavaScript with these keys (direct.ts), the merge in SQL
 * (db/repositories/import-merge.ts, whose staged `child_key` is `nikKey` or `identityKey`);
 * matching.int.test.ts runs one table of worked cases through both.
 */

/** The key of a child with a NIK: its keyed hash. */
export function nikKey(nikHash: string): string {
  return `n:${nikHash}`;
}

/** The name|birth date|sex key (likely duplicates share it). */
export function nbsKey(nameKey: string, birthDate: string, sex: number): string {
  return `k:${nameKey}|${birthDate}|${sex}`;
}

/** The identity key of a child without NIK: name key, birth date, sex and village. */
export function identityKey(nameKey: string, birthDate: string, sex: number, villageCode: string): string {
  return `${nbsKey(nameKey, birthDate, sex)}|${villageCode}`;
}

/** The name|birth date|sex part of an identity key. */
export function nbsOf(identity: string): string {
  return identity.slice(0, identity.lastIndexOf("|"));
}
