/**
 * @tumbuh/growth: WHO Child Growth Standards z-scores (as the WHO anthro package computes
 * them), implausibility flags, Permenkes 2/2020 categories and prevalence. No runtime
 * dependencies and no I/O.
 */
export * from "./batch.ts";
export * from "./categories.ts";
export * from "./indicators.ts";
export * from "./lms.ts";
export * from "./prevalence.ts";
export * from "./rules.ts";
export * from "./stored.ts";
export * from "./tables.ts";
export * from "./zscores.ts";
