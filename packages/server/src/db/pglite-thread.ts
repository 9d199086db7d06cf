/**
 * The embedded database on a thread of its own. PGlite runs PostgreSQL in WebAssembly on the thread
 * that calls it, and a statement holds that thread until it ends: on the server's main thread, a
 * large import's merge or roll-up refresh stopped every other request for seconds. Here a worker
 * thread (pglite-thread-worker.ts) owns the PGlite instance and the main thread talks to it in
 * PostgreSQL's wire protocol: node-postgres serialises each message as it would for a socket, the
 * bytes cross to the thread, PGlite answers with the bytes a server would send, and they are parsed
 * here with node-postgres's own parser (pg-protocol). Kysely, transactions and SQLSTATE codes
 * therefore behave as on the in-process adapter; COPY goes through PGlite's /dev/blob on the thread.
 *
 * PGlite is one backend: the thread runs one request at a time, in the order they were sent, and
 * the pool over it has one connection (a transaction holds it until it ends).
 */
import { EventEmitter } from "node:events";
import { Worker } from "node:worker_threads";
import { DatabaseError, serialize } from "pg-protocol";
import type { BackendMessage } from "pg-protocol/dist/messages.js";
import { Parser } from "pg-protocol/dist/parser.js";

/** What the main thread asks of the database thread. */
type ThreadRequestBody =
  | { op: "protocol"; bytes: Uint8Array }
  | { op: "copyIn"; sql: string; data: Uint8Array }
  | { op: "copyOut"; sql: string }
  | { op: "close" };

/** A request to the thread; `id` pairs it with its reply. */
export type ThreadRequest = ThreadRequestBody & { id: number };

/** The fields of an error thrown on the thread (a DatabaseError's SQLSTATE `code` among them). */
export type ThreadErrorFields = { message: string; name: string } & Record<string, unknown>;

/** The thread's messages: ready (or failed to open), then one reply per request. */
export type ThreadReply =
  | { op: "ready" }
  | { op: "openFailed"; error: ThreadErrorFields }
  | { id: number; ok: true; bytes?: Uint8Array }
  | { id: number; ok: false; error: ThreadErrorFields };

/** What the thread needs to open PGlite. */
export interface ThreadStart {
  /** PGlite's data folder (or `memory://`). */
  pgDir: string;
  /** A `dumpDataDir` tarball to start from. */
  loadDataDir?: Uint8Array;
}

/** Bytes of an answer parsed in one turn of the event loop (a few milliseconds of rows). */
const PARSE_SLICE = 256 * 1024;

const WORKER_ENTRY = new URL("./pglite-thread-worker.mjs", import.meta.url);

/** Thrown for every request once the thread has stopped. */
export class DatabaseThreadLostError extends Error {
  constructor(readonly reason: string) {
    super(
      `Basis data tertanam berhenti (${reason}); server tidak dapat melanjutkan tanpa basis data. / ` +
        `The embedded database stopped (${reason}); the server cannot go on without its database.`,
    );
    this.name = "DatabaseThreadLostError";
  }
}

/** Rebuilds an error thrown on the thread: a database error as node-postgres's DatabaseError. */
function rebuildError(fields: ThreadErrorFields): Error {
  const { message, name, ...rest } = fields;
  const err =
    name === "error" || typeof rest.code === "string"
      ? new DatabaseError(message, Number(rest.length ?? 0), "error")
      : new Error(message);
  Object.assign(err, rest);
  return err;
}

/** The worker thread that owns PGlite, and the requests waiting for its replies. */
export class PgliteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve(b: Uint8Array | undefined): void; reject(e: Error): void }
  >();
  private nextId = 1;
  private lost: DatabaseThreadLostError | undefined;
  private closing = false;
  private readonly lostListeners: Array<(err: DatabaseThreadLostError) => void> = [];

  private constructor(start: ThreadStart, ready: { resolve(): void; reject(e: Error): void }) {
    const transfer = start.loadDataDir ? [start.loadDataDir.buffer as ArrayBuffer] : [];
    this.worker = new Worker(WORKER_ENTRY, { workerData: start, transferList: transfer });
    let opened = false;
    this.worker.on("message", (m: ThreadReply) => {
      if ("op" in m) {
        if (m.op === "ready") {
          opened = true;
          ready.resolve();
        } else {
          ready.reject(rebuildError(m.error));
        }
        return;
      }
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.ok) w.resolve(m.bytes);
      else w.reject(rebuildError(m.error));
    });
    this.worker.on("error", (err: Error) => {
      this.stopped(`${err.name}: ${err.message}`);
      if (!opened) ready.reject(err);
    });
    this.worker.on("exit", (code) => {
      if (this.closing && this.waiting.size === 0) return;
      this.stopped(`its thread exited with code ${code}`);
      if (!opened) ready.reject(this.lost ?? new Error("the database thread exited"));
    });
  }

  /** Starts the thread and waits until PGlite is open there. */
  static async open(start: ThreadStart): Promise<PgliteThread> {
    let thread: PgliteThread | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      thread = new PgliteThread(start, { resolve, reject });
    });
    try {
      await ready;
    } catch (err) {
      await thread?.worker.terminate();
      throw err;
    }
    return thread as PgliteThread;
  }

  private stopped(reason: string): void {
    if (this.lost) return;
    this.lost = new DatabaseThreadLostError(reason);
    for (const w of this.waiting.values()) w.reject(this.lost);
    this.waiting.clear();
    if (!this.closing) for (const l of this.lostListeners) l(this.lost);
  }

  /** Calls `listener` once if the thread stops other than by `close()` (a crash). */
  onLost(listener: (err: DatabaseThreadLostError) => void): void {
    this.lostListeners.push(listener);
  }

  /** Sends a request; the thread answers requests in the order they were sent. */
  call(request: ThreadRequestBody, transfer: ArrayBuffer[] = []): Promise<Uint8Array | undefined> {
    if (this.lost) return Promise.reject(this.lost);
    const id = this.nextId++;
    return new Promise<Uint8Array | undefined>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  /**
   * Runs `COPY ... FROM '/dev/blob'` with `data` as the blob, on the thread. The bytes cross in a
   * buffer of their own (a view's whole backing buffer would be copied otherwise); with `handOver`
   * that buffer is `data`'s, which the caller no longer uses.
   */
  async copyIn(sql: string, data: Uint8Array, handOver = false): Promise<void> {
    const own =
      handOver && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
        ? data
        : new Uint8Array(data);
    await this.call({ op: "copyIn", sql, data: own }, [own.buffer as ArrayBuffer]);
  }

  /** Runs `COPY ... TO '/dev/blob'` on the thread and returns the blob's bytes. */
  async copyOut(sql: string): Promise<Uint8Array> {
    return (await this.call({ op: "copyOut", sql })) ?? new Uint8Array(0);
  }

  /** Closes PGlite (its files flushed) and ends the thread. */
  async close(): Promise<void> {
    if (this.lost) return;
    this.closing = true;
    try {
      await this.call({ op: "close" });
    } finally {
      await this.worker.terminate();
    }
  }

  /** Ends the thread at once, as a crash would (tests of what happens then). */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  /** A node-postgres pool configuration whose one connection talks to this thread. */
  pgConfig() {
    return {
      connection: new ThreadPgConnection(this),
      max: 1,
      user: "postgres",
      database: "postgres",
      password: "dummy",
      host: "localhost",
      port: 5432,
    };
  }
}

/**
 * A node-postgres `Connection` over the thread, in the shape of PGlite's own node-postgres adapter:
 * pg calls parse/bind/execute/sync…, each message is serialised as for a socket; the messages of
 * one synchronous burst (a whole extended query) cross to the thread together, and the answer's
 * messages are emitted as a socket connection would emit them.
 */
class ThreadPgConnection extends EventEmitter {
  private emitMessage = false;
  /** Replies are handled in the order their requests were sent. */
  private queue: Promise<void> = Promise.resolve();
  private outgoing: Buffer[] = [];
  private readonly parser = new Parser();

  /** Checked by pg's Client.end(), which skips connection.end() without it. */
  _connecting = false;
  /** pg's Client.end() destroys the stream when a query is still active. */
  readonly stream = { destroy: () => this.end() };
  parsedStatements = {};
  submittedNamedStatements = {};

  constructor(private readonly thread: PgliteThread) {
    super();
    this.on("newListener", (eventName) => {
      if (eventName === "message") this.emitMessage = true;
    });
  }

  private send(buffer: Buffer): void {
    this.outgoing.push(buffer);
    if (this.outgoing.length === 1) queueMicrotask(() => this.flushOutgoing());
  }

  private flushOutgoing(): void {
    if (this.outgoing.length === 0) return;
    const bytes = new Uint8Array(Buffer.concat(this.outgoing));
    this.outgoing = [];
    const reply = this.thread.call({ op: "protocol", bytes }, [bytes.buffer as ArrayBuffer]);
    this.queue = this.queue
      .then(() => reply)
      .then(async (answer) => {
        if (!answer) return;
        // A large answer (thousands of rows) is parsed a slice at a time, other requests served
        // between slices, as a socket would deliver it.
        const all = Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength);
        for (let at = 0; at < all.length; at += PARSE_SLICE) {
          if (at > 0) await new Promise<void>((r) => setImmediate(r));
          this.parser.parse(all.subarray(at, at + PARSE_SLICE), (m) => this.deliver(m));
        }
      })
      .catch((err: Error) => {
        // pg's client listens while it holds the connection; between clients nobody asks.
        if (this.listenerCount("error") > 0) this.emit("error", err);
      });
  }

  private deliver(m: BackendMessage): void {
    if (this.emitMessage) this.emit("message", m);
    // node-postgres expects ErrorResponse as 'errorMessage'
    this.emit(m.name === "error" ? "errorMessage" : m.name, m);
  }

  async connect(_port: number, _host: string): Promise<void> {
    this._connecting = true;
    process.nextTick(() => this.emit("readyForQuery"));
  }

  requestSsl(): void {}
  startup(_config: unknown): void {}
  cancel(_processID: unknown, _secretKey: unknown): void {}
  password(_password: string): void {}
  ref(): void {}
  unref(): void {}

  sendSASLInitialResponseMessage(mechanism: string, initialResponse: string): void {
    this.send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
  }
  sendSCRAMClientFinalMessage(additionalData: string): void {
    this.send(serialize.sendSCRAMClientFinalMessage(additionalData));
  }
  query(text: string): void {
    this.send(serialize.query(text));
  }
  parse(query: Parameters<typeof serialize.parse>[0]): void {
    this.send(serialize.parse(query));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.send(serialize.bind(config));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.send(serialize.execute(config));
  }
  flush(): void {
    this.send(serialize.flush());
  }
  sync(): void {
    this.send(serialize.sync());
  }
  close(msg: Parameters<typeof serialize.close>[0]): void {
    this.send(serialize.close(msg));
  }
  describe(msg: Parameters<typeof serialize.describe>[0]): void {
    this.send(serialize.describe(msg));
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.send(serialize.copyDone());
  }
  sendCopyFail(msg: string): void {
    this.send(serialize.copyFail(msg));
  }

  end(): void {
    // Like a socket closing: pg waits for 'end'. The thread stays open for the pool's next client.
    this.flushOutgoing();
    this.queue = this.queue.then(() => {
      this.emit("end");
    });
    // The pool reuses this connection for its next client: drop the ended client's listeners.
    for (const e of this.eventNames()) if (e !== "newListener") this.removeAllListeners(e);
    this.emitMessage = false;
  }
}
