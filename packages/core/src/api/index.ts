export * from "./aksi.ts";
export * from "./auth.ts";
export * from "./children.ts";
export * from "./common.ts";
export * from "./dashboard.ts";
export * from "./growth.ts";
export * from "./imports.ts";
export * from "./roles.ts";
