/**
 * Outputs fulfilled by what Tumbuh already holds: each output of the aksi configuration may name
 * the record that fulfils it (`fulfilledBy`); when the district holds that record for the cycle's
 * year, the output counts as present in Pantau Aksi, alongside outputs marked done by hand or backed
 * by uploaded evidence.
 */
import type { AksiConfig, AksiRecordKind } from "./aksi.ts";
import type { AksiProgressEntry } from "./progress.ts";

/** One output fulfilled by a record held. */
export interface RecordedOutput {
  aksiCode: string;
  outputCode: string;
  record: AksiRecordKind;
}

/** The outputs of `config` whose record the district holds, in configuration order. */
export function outputsFulfilledByRecords(
  config: AksiConfig,
  held: ReadonlySet<AksiRecordKind>,
): RecordedOutput[] {
  const out: RecordedOutput[] = [];
  for (const aksi of config.aksi)
    for (const o of aksi.outputs)
      if (o.fulfilledBy !== undefined && held.has(o.fulfilledBy))
        out.push({ aksiCode: aksi.code, outputCode: o.code, record: o.fulfilledBy });
  return out;
}

/**
 * The progress entries with the outputs fulfilled by records added to each aksi's present outputs;
 * an aksi without an entry gets one with status `belum` when a record fulfils one of its outputs.
 * Statuses are kept as recorded.
 */
export function withRecordedOutputs(
  config: AksiConfig,
  entries: readonly AksiProgressEntry[],
  held: ReadonlySet<AksiRecordKind>,
): AksiProgressEntry[] {
  const recorded = outputsFulfilledByRecords(config, held);
  const out = entries.map((e) => ({ ...e, outputsPresent: [...e.outputsPresent] }));
  for (const r of recorded) {
    let entry = out.find((e) => e.aksiCode === r.aksiCode);
    if (!entry) {
      entry = { aksiCode: r.aksiCode, status: "belum", outputsPresent: [] };
      out.push(entry);
    }
    if (!entry.outputsPresent.includes(r.outputCode)) entry.outputsPresent.push(r.outputCode);
  }
  return out;
}
