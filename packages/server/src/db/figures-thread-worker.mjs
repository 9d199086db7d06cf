// Worker entry: TypeScript through tsx, then the worker module.
import { register } from "tsx/esm/api";

register();
await import("./figures-thread-worker.ts");
