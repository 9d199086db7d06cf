/**
 * A district's figures (core district-figures.ts) with its SKDN rows computed on a worker thread
 * while this thread computes the prevalence and quality rows: a large district's figures in less
 * time where a core is free (the database is idle meanwhile). One thread serves the process,
 * started on first use (an import starts it early, warmFiguresThread) and not keeping the
 * process alive. A small district is computed here: sending it costs more than it saves. Should
 * the thread fail, its part is computed here.
 */
import { Worker } from "node:worker_threads";
import {
  type DistrictFigures,
  districtPrevalenceRows,
  districtQualityRows,
  districtSkdnRows,
  type FigureInput,
  type KbmTable,
  type SkdnFigureRow,
  skdnInput,
} from "@tumbuh/core";

/** Measurements from which the thread is worth it. */
const THREAD_FROM = 200_000;

const WORKER_ENTRY = new URL("./figures-thread-worker.mjs", import.meta.url);

type Reply = { id: number; rows?: SkdnFigureRow[]; error?: string };

interface FiguresThread {
  worker: Worker;
  waiting: Map<number, { resolve(rows: SkdnFigureRow[]): void; reject(err: Error): void }>;
}

let shared: FiguresThread | undefined;
let nextId = 0;

function thread(): FiguresThread {
  if (shared) return shared;
  const worker = new Worker(WORKER_ENTRY);
  const t: FiguresThread = { worker, waiting: new Map() };
  const fail = (err: Error) => {
    if (shared === t) shared = undefined;
    for (const w of t.waiting.values()) w.reject(err);
    t.waiting.clear();
  };
  worker.on("message", (m: Reply) => {
    const w = t.waiting.get(m.id);
    t.waiting.delete(m.id);
    // Idle: the thread does not keep the process alive.
    if (t.waiting.size === 0) worker.unref();
    if (!w) return;
    if (m.rows) w.resolve(m.rows);
    else w.reject(new Error(m.error ?? "no rows"));
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`figures thread exited with ${code}`)));
  worker.unref();
  shared = t;
  return t;
}

/** Starts the thread now, so it is ready when a large district's figures are wanted. */
export function warmFiguresThread(): void {
  thread();
}

function skdnOnThread(input: FigureInput, kbm: KbmTable): Promise<SkdnFigureRow[]> {
  const t = thread();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    t.waiting.set(id, { resolve, reject });
    t.worker.ref();
    // Only the columns SKDN reads are copied to the thread.
    t.worker.postMessage({ id, input: skdnInput(input), kbm });
  });
}

export async function computeDistrictFigures(
  input: FigureInput,
  kbm: KbmTable,
  threadFrom = THREAD_FROM,
): Promise<DistrictFigures> {
  if (input.measurements.count < threadFrom)
    return {
      prevalence: districtPrevalenceRows(input),
      skdn: districtSkdnRows(input, kbm),
      quality: districtQualityRows(input),
    };
  const skdn = skdnOnThread(input, kbm);
  skdn.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const prevalence = districtPrevalenceRows(input);
  const quality = districtQualityRows(input);
  return { prevalence, skdn: await skdn.catch(() => districtSkdnRows(input, kbm)), quality };
}
