// The z-score preview without the API's schemas, for the browser's offline entry.
export { zPreview } from "./api/growth.ts";
export * from "./csv.ts";
export * from "./data-quality.ts";
export * from "./data-quality-verdicts.ts";
export * from "./dates.ts";
export * from "./default-period.ts";
export * from "./digit-preference.ts";
export * from "./entry-rules.ts";
export * from "./faltering.ts";
export * from "./kbm.ts";
export * from "./moments.ts";
export * from "./months.ts";
export * from "./normalize.ts";
export * from "./parse.ts";
export * from "./periods.ts";
export * from "./regions.ts";
export * from "./skdn.ts";
