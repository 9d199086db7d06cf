/**
 * Sealing of the identifiers an import reads (NIK, No. KK, mother's NIK): each gets its keyed
 * hash and its ciphertext (db/pii.ts). Matching needs a child's NIK hash at once, while the row is
 * read; everything else (the ciphertexts, the hashes of KK and mother's NIK) is needed only when
 * a batch is written. `IdentifierSealer.complete` fills those for a batch's new identifiers, on a
 * worker thread when there are many, so the import's own thread keeps reading the file: sealing
 * an identifier costs several microseconds, and a large file has hundreds of thousands.
 */
import { Worker } from "node:worker_threads";
import { encryptIdentifier, hashIdentifier, type PiiKeys } from "../db/pii.ts";

/** An identifier of an import: its 16 digits; its keyed hash and ciphertext once known. */
export class SealedIdentifier {
  private keyed: string | undefined;
  /** Ciphertext (encryptIdentifier), set by IdentifierSealer.complete. */
  enc: string | undefined;

  constructor(
    readonly digits: string,
    private readonly keys: PiiKeys,
  ) {}

  /** The keyed hash, computed here when complete() has not given it yet. */
  get hash(): string {
    if (this.keyed === undefined) this.keyed = hashIdentifier(this.keys, this.digits);
    return this.keyed;
  }

  /** True when the hash is known without computing it. */
  get hashed(): boolean {
    return this.keyed !== undefined;
  }

  /** Records the hash computed elsewhere (the same keyed hash: equal digits, equal hash). */
  setHash(hash: string): void {
    this.keyed = hash;
  }

  /** The ciphertext, which complete() must have given (never written as NULL by mistake). */
  get sealedEnc(): string {
    if (this.enc === undefined) throw new Error("identifier not sealed yet: IdentifierSealer.complete first");
    return this.enc;
  }
}

/**
 * The worker: the same HMAC-SHA256 and AES-256-GCM as db/pii.ts (hashIdentifier,
 * encryptIdentifier; the test checks them against those functions). It gets the keys once and
 * then batches of digits, and answers each with the ciphertexts and the hashes asked for.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createCipheriv, createHmac, randomFillSync } = require("node:crypto");
const { hmacKey, aesKey } = workerData;
const ivs = Buffer.alloc(12 * 1024);
let ivAt = ivs.length;
parentPort.on("message", ({ id, digits, hashFrom }) => {
  const enc = new Array(digits.length);
  const hashes = new Array(digits.length - hashFrom);
  for (let i = 0; i < digits.length; i++) {
    if (ivAt === ivs.length) { randomFillSync(ivs); ivAt = 0; }
    const iv = Buffer.from(ivs.subarray(ivAt, ivAt + 12));
    ivAt += 12;
    const cipher = createCipheriv("aes-256-gcm", aesKey, iv);
    const ct = Buffer.concat([cipher.update(digits[i], "utf8"), cipher.final()]);
    enc[i] = Buffer.concat([iv, ct, cipher.getAuthTag()]).toString("base64");
    if (i >= hashFrom) hashes[i - hashFrom] = createHmac("sha256", hmacKey).update(digits[i]).digest("hex");
  }
  parentPort.postMessage({ id, enc, hashes });
});
`;

interface WorkerAnswer {
  id: number;
  enc: string[];
  hashes: string[];
}

/** A worker thread sealing batches of identifiers, answered in order. */
class SealWorker {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve(a: WorkerAnswer): void; reject(e: Error): void }>();

  constructor(keys: PiiKeys) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { hmacKey: keys.hmacKey, aesKey: keys.aesKey },
    });
    this.worker.unref();
    this.worker.on("message", (a: WorkerAnswer) => {
      this.waiting.get(a.id)?.resolve(a);
      this.waiting.delete(a.id);
    });
    this.worker.on("error", (err) => this.fail(err));
    this.worker.on("exit", (code) =>
      this.fail(new Error(`identifier sealing stopped (worker exit ${code})`)),
    );
  }

  private fail(err: Error): void {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  /** Ciphertexts of all `digits`, and hashes of those from `hashFrom` on. */
  seal(digits: string[], hashFrom: number): Promise<WorkerAnswer> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, digits, hashFrom });
    });
  }

  /** Stops the thread; batches still in flight fail. */
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
    this.fail(new Error("identifier sealing stopped: the import ended"));
  }
}

/**
 * Seals an import's identifiers: one SealedIdentifier per distinct identifier (a child's NIK
 * repeats on every monthly row), each new one kept until `complete` fills it. Call `close` when
 * the import ends.
 */
export class IdentifierSealer {
  private cache = new Map<string, SealedIdentifier>();
  private pending: SealedIdentifier[] = [];
  private worker: SealWorker | undefined;

  /** `workerFrom`: identifiers in one complete() from which they are sealed on the worker thread. */
  constructor(
    private readonly keys: PiiKeys,
    private readonly workerFrom = 256,
  ) {}

  /** The identifier's SealedIdentifier (digits as parseIdentifier gives them); with its hash at once when `hashNow`. */
  seal(digits: string, hashNow: boolean): SealedIdentifier {
    let s = this.cache.get(digits);
    if (s === undefined) {
      if (this.cache.size > 100_000) this.cache.clear();
      s = new SealedIdentifier(digits, this.keys);
      this.cache.set(digits, s);
      this.pending.push(s);
    }
    if (hashNow) void s.hash;
    return s;
  }

  /**
   * Gives every identifier sealed since the last call its ciphertext and hash; resolves to them as
   * CSV lines (hash,ciphertext) for the import's identifier table (a hash may repeat).
   */
  async complete(): Promise<string> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return "";
    if (batch.length < this.workerFrom) {
      for (const s of batch) s.enc = encryptIdentifier(this.keys, s.digits);
    } else {
      // Those still without a hash last: the worker hashes from the first of them on.
      const hashed = batch.filter((s) => s.hashed);
      const unhashed = batch.filter((s) => !s.hashed);
      const ordered = hashed.concat(unhashed);
      this.worker ??= new SealWorker(this.keys);
      const a = await this.worker.seal(
        ordered.map((s) => s.digits),
        hashed.length,
      );
      for (let i = 0; i < ordered.length; i++) ordered[i].enc = a.enc[i];
      for (let i = 0; i < unhashed.length; i++)
        // The main thread may have needed one meanwhile (the same hash): keep what is there.
        if (!unhashed[i].hashed) unhashed[i].setHash(a.hashes[i]);
    }
    let csv = "";
    for (const s of batch) csv += `${s.hash},${s.enc}\n`;
    return csv;
  }

  /** Stops the worker thread, if one was started. */
  async close(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }
}
