/**
 * The thread that owns the embedded database (started by pglite-thread.ts): it opens PGlite, then
 * answers the main thread's requests one at a time, in the order they came — wire-protocol bytes
 * through `execProtocolRaw`, COPY through PGlite's /dev/blob, and close.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import type { ThreadErrorFields, ThreadReply, ThreadRequest, ThreadStart } from "./pglite-thread.ts";

const port = parentPort;
if (!port) throw new Error("pglite-thread-worker.ts runs as a worker thread");
const start = workerData as ThreadStart;

/** An error's message, name and plain fields (a DatabaseError's SQLSTATE `code`, `detail`, …). */
function errorFields(err: unknown): ThreadErrorFields {
  if (!(err instanceof Error)) return { message: String(err), name: "Error" };
  const fields: ThreadErrorFields = { message: err.message, name: err.name };
  for (const [k, v] of Object.entries(err)) {
    if (v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      fields[k] = v;
  }
  return fields;
}

function reply(m: ThreadReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(m, transfer);
}

let pglite: PGlite;
try {
  pglite = new PGlite(
    start.pgDir,
    start.loadDataDir ? { loadDataDir: new Blob([start.loadDataDir as Uint8Array<ArrayBuffer>]) } : {},
  );
  await pglite.waitReady;
  // Imports stage whole files in temporary tables: give them room in memory (set before any
  // temporary table is touched in the session).
  await pglite.exec("SET temp_buffers = '512MB'");
} catch (err) {
  reply({ op: "openFailed", error: errorFields(err) });
  throw err;
}

async function handle(r: ThreadRequest): Promise<Uint8Array | undefined> {
  switch (r.op) {
    case "protocol":
      return await pglite.execProtocolRaw(r.bytes);
    case "copyIn":
      await pglite.query(r.sql, [], { blob: new Blob([r.data as Uint8Array<ArrayBuffer>]) });
      return undefined;
    case "copyOut": {
      const res = await pglite.query(r.sql);
      return res.blob ? new Uint8Array(await res.blob.arrayBuffer()) : undefined;
    }
    case "close":
      await pglite.close();
      return undefined;
  }
}

// One request at a time, in order: PGlite is one backend.
let queue: Promise<void> = Promise.resolve();
port.on("message", (r: ThreadRequest) => {
  queue = queue.then(async () => {
    try {
      const bytes = await handle(r);
      reply({ id: r.id, ok: true, bytes }, bytes ? [bytes.buffer as ArrayBuffer] : []);
    } catch (err) {
      reply({ id: r.id, ok: false, error: errorFields(err) });
    }
  });
});
reply({ op: "ready" });
