export * from "./dates.ts";
export * from "./parse.ts";
