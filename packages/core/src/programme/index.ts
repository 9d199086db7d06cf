/**
 * The programme's rules (`@tumbuh/core/programme`): aksi konvergensi configuration and progress,
 * indicators and targets, desa lokus ranking, the desa convergence scorecard, budget summaries,
 * penilaian kinerja, keluarga berisiko stunting, TPK coverage and Audit Kasus Stunting case
 * finding. Pure functions and data, no I/O.
 */
export * from "./aksi.ts";
export * from "./aksi-2022.ts";
export * from "./aksi-2025.ts";
export * from "./aksi-records.ts";
export * from "./ansit.ts";
export * from "./audit.ts";
export * from "./budget.ts";
export * from "./calendar.ts";
export * from "./config.ts";
export * from "./indicator-catalogue.ts";
export * from "./indicator-values.ts";
export * from "./indicators.ts";
export * from "./keluarga.ts";
export * from "./lokus.ts";
export * from "./minilok.ts";
export * from "./penilaian.ts";
export * from "./penilaian-instrument.ts";
export * from "./progress.ts";
export * from "./ratios.ts";
export * from "./rencana.ts";
export * from "./scorecard.ts";
export * from "./scorecard-counts.ts";
export * from "./tpk.ts";
export * from "./tpps.ts";
