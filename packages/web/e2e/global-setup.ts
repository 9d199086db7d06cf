/**
 * Vitest global set-up: names this test run, so that the browser test files (run by several workers
 * at once) build the web app once per run (web-build.ts) instead of each rebuilding the folder the
 * others are serving.
 */
import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    e2eRunId: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide("e2eRunId", randomUUID());
}
