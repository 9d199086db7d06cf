import { describe, expect, it } from "vitest";
import { RateWindow } from "./rate-window.ts";

describe("RateWindow", () => {
  it("allows `limit` actions a window per key, then tells how long to wait", () => {
    let t = 0;
    const w = new RateWindow(3, 60_000, () => t);
    expect([w.take("a"), w.take("a"), w.take("a")]).toEqual([0, 0, 0]);
    t += 15_000;
    expect(w.take("a")).toBe(45);
    expect(w.take("b")).toBe(0);
    t += 45_000;
    // the first three have left the window
    expect([w.take("a"), w.take("a"), w.take("a"), w.take("a")]).toEqual([0, 0, 0, 60]);
  });
});
