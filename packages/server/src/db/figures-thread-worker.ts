/** The worker of figures-thread.ts: a district's SKDN rows for each input it is sent. */
import { parentPort } from "node:worker_threads";
import { districtSkdnRows, type FigureInput, type KbmTable } from "@tumbuh/core";

parentPort?.on("message", (m: { id: number; input: FigureInput; kbm: KbmTable }) => {
  try {
    parentPort?.postMessage({ id: m.id, rows: districtSkdnRows(m.input, m.kbm) });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: (err as Error).message });
  }
});
