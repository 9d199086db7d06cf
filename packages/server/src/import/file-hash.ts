/**
 * SHA-256 of a file, computed on a worker thread: an import records its file's hash, and
 * hashing a 300 MB file takes about half a second of CPU that the import's own thread (reading,
 * checking and writing rows) need not spend.
 */
import { Worker } from "node:worker_threads";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { createReadStream } = require("node:fs");
const hash = createHash("sha256");
createReadStream(workerData)
  .on("data", (chunk) => hash.update(chunk))
  .on("end", () => parentPort.postMessage({ hex: hash.digest("hex") }))
  .on("error", (err) => parentPort.postMessage({ error: err.message }));
`;

/** The file's SHA-256 as lowercase hex. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: path });
    worker.once("message", (m: { hex?: string; error?: string }) => {
      if (m.hex !== undefined) resolve(m.hex);
      else reject(new Error(`hashing '${path}': ${m.error}`));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`hashing '${path}': the worker stopped (exit ${code})`));
    });
  });
}
