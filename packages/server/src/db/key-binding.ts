/**
 * The key bound to the database. NIK and No. KK are stored as keyed hashes and ciphertexts
 * (pii.ts): with another key, imports match none of the children stored and create them again,
 * and no stored identifier can be shown. So the first process to open a database with a key
 * stores the key's fingerprint in it, and every later process compares its key with that
 * fingerprint and refuses to run on a mismatch, saying which key it found and what to do.
 */
import type { Database } from "./connection.ts";
import {
  decryptIdentifier,
  type KeySource,
  keyFingerprint,
  loadPiiKeys,
  type PiiKeys,
  piiKeySource,
} from "./pii.ts";
import { KeyFingerprintRepository } from "./repositories/key-fingerprint.ts";

/** Thrown when the key found is not the one the database's identifiers are protected with. */
export class KeyMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyMismatchError";
  }
}

const short = (fingerprint: string) => fingerprint.slice(0, 12);

const WHAT_TO_DO =
  "Pasang TUMBUH_KEY dengan kunci basis data ini, atau pulihkan berkas kuncinya dari cadangan (periksa juga TUMBUH_DATA_DIR dan DATABASE_URL). Tumbuh tidak berjalan dengan kunci lain agar impor tidak membuat ulang anak yang sudah ada. / " +
  "Set TUMBUH_KEY to this database's key, or restore its key file from the backup (and check TUMBUH_DATA_DIR and DATABASE_URL). Tumbuh does not run with another key, so that imports do not create existing children again.";

function describe(source: KeySource): { id: string; en: string } {
  return source.kind === "env"
    ? { id: "Kunci di TUMBUH_KEY", en: "The key in TUMBUH_KEY" }
    : { id: `Berkas kunci ${source.path}`, en: `The key file ${source.path}` };
}

function mismatch(source: KeySource, stored: string | undefined, found: string): KeyMismatchError {
  const { id, en } = describe(source);
  const fp = stored
    ? ` (sidik jari tersimpan / stored fingerprint ${short(stored)}…, kunci ini / this key ${short(found)}…)`
    : "";
  return new KeyMismatchError(
    `${id} bukan kunci basis data ini: NIK dan No. KK yang tersimpan dilindungi kunci lain${fp}. / ` +
      `${en} is not this database's key: the NIK and No. KK stored are protected by another key. ${WHAT_TO_DO}`,
  );
}

function missing(path: string, stored: string | undefined): KeyMismatchError {
  const fp = stored ? ` (${short(stored)}…)` : "";
  return new KeyMismatchError(
    `Kunci tidak ditemukan: TUMBUH_KEY tidak diisi dan ${path} tidak ada, padahal NIK dan No. KK di basis data ini dilindungi sebuah kunci${fp}; Tumbuh tidak membuat kunci baru untuknya. / ` +
      `No key found: TUMBUH_KEY is not set and ${path} does not exist, yet this database's NIK and No. KK are protected by a key${fp}; Tumbuh does not create a new key for it. ${WHAT_TO_DO}`,
  );
}

function opens(keys: PiiKeys, sealed: string): boolean {
  try {
    decryptIdentifier(keys, sealed);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the key (TUMBUH_KEY, else the data folder's key file) and checks it against the
 * database: the stored fingerprint when there is one, else a stored identifier it must decrypt
 * (a database from before fingerprints), after which its fingerprint is stored. A new key file
 * is created only for a database that holds no protected identifier yet. Throws
 * KeyMismatchError otherwise. Needs migration 0055.
 */
export async function bindPiiKeys(database: Pick<Database, "db" | "dataDir">): Promise<PiiKeys> {
  const repo = new KeyFingerprintRepository(database.db);
  const source = piiKeySource(database.dataDir);
  const stored = await repo.stored();
  if (source.kind === "file" && !source.exists) {
    if (stored || (await repo.sampleSealedIdentifier())) throw missing(source.path, stored);
  }
  const keys = loadPiiKeys(database.dataDir);
  const found = keyFingerprint(keys);
  if (stored !== undefined) {
    if (stored !== found) throw mismatch(source, stored, found);
    return keys;
  }
  const sample = await repo.sampleSealedIdentifier();
  if (sample && !opens(keys, sample)) throw mismatch(source, undefined, found);
  const recorded = await repo.record(found);
  if (recorded !== found) throw mismatch(source, recorded, found);
  return keys;
}
