export * from "./csv.ts";
export * from "./dates.ts";
export * from "./normalize.ts";
export * from "./parse.ts";
export * from "./periods.ts";
export * from "./regions.ts";
export * from "./kbm.ts";
export * from "./months.ts";
