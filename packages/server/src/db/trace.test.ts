import { afterEach, describe, expect, it, vi } from "vitest";
import { statementLabel, traced, tracingSql } from "./trace.ts";

describe("traced", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("runs the step silently unless TUMBUH_TRACE_SQL is set", async () => {
    vi.stubEnv("TUMBUH_TRACE_SQL", "");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(tracingSql()).toBe(false);
    expect(await traced("step", async () => 42)).toBe(42);
    expect(log).not.toHaveBeenCalled();
  });

  it("prints the milliseconds and label of each step when set, also of a failing one", async () => {
    vi.stubEnv("TUMBUH_TRACE_SQL", "1");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await traced("merge children", async () => "ok")).toBe("ok");
    await expect(
      traced("broken", async () => {
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(log.mock.calls.map((c) => String(c[0]).replace(/^\d+/, "N"))).toEqual([
      "N ms merge children",
      "N ms broken",
    ]);
  });

  it("labels a statement by its first words on one line", () => {
    expect(statementLabel("\n  UPDATE import_children s\n    SET child_id = c.id FROM children c")).toBe(
      "UPDATE import_children s SET child_id = c.id FROM children c",
    );
    expect(statementLabel(`SELECT ${"x, ".repeat(40)}`)).toHaveLength(60);
  });
});
