/**
 * Timing of the statements of bulk work (an import's staging, writes and merge). With
 * TUMBUH_TRACE_SQL set, each traced step prints its milliseconds and a label on stderr; without
 * it, tracing costs one check. The only place the setting is read.
 */

/** True when TUMBUH_TRACE_SQL asks for timings. */
export function tracingSql(): boolean {
  return !!process.env.TUMBUH_TRACE_SQL;
}

/** A label for a statement: its first words on one line. */
export function statementLabel(query: string): string {
  return query.trim().replace(/\s+/g, " ").slice(0, 60);
}

/** Runs `step` and, when tracing, prints how long it took with `label` (also when it fails). */
export async function traced<T>(label: string, step: () => Promise<T>): Promise<T> {
  if (!tracingSql()) return step();
  const t = performance.now();
  try {
    return await step();
  } finally {
    console.error(`${Math.round(performance.now() - t)} ms ${label}`);
  }
}
