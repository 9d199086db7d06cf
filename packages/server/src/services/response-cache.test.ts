import { describe, expect, it } from "vitest";
import { ResponseCache } from "./response-cache.ts";

describe("ResponseCache", () => {
  it("reuses a body within the time limit, rebuilds after it and after clear()", async () => {
    let t = 0;
    let builds = 0;
    const cache = new ResponseCache(1000, 10, () => t);
    const build = async () => `body${++builds}`;
    expect(await cache.get("a", build)).toBe("body1");
    t = 999;
    expect(await cache.get("a", build)).toBe("body1");
    expect(await cache.get("b", build)).toBe("body2");
    t = 1000;
    expect(await cache.get("a", build)).toBe("body3");
    cache.clear();
    expect(await cache.get("a", build)).toBe("body4");
  });

  it("while held (an import holds the embedded database) gives answers past their time, until released", async () => {
    let t = 0;
    let builds = 0;
    const cache = new ResponseCache(1000, 10, () => t);
    const build = async () => `body${++builds}`;
    expect(await cache.get("a", build)).toBe("body1");
    const release = cache.hold();
    const again = cache.hold();
    expect(cache.held).toBe(true);
    t = 50_000;
    expect(await cache.get("a", build)).toBe("body1");
    // A question not asked before is answered (it waits for the database).
    expect(await cache.get("b", build)).toBe("body2");
    release();
    release();
    expect(cache.held).toBe(true);
    again();
    expect(cache.held).toBe(false);
    t = 60_000;
    expect(await cache.get("a", build)).toBe("body3");
  });

  it("does not cache a failed build", async () => {
    const cache = new ResponseCache();
    await expect(cache.get("x", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache.get("x", async () => "ok")).toBe("ok");
  });

  it("with a time limit of 0 builds every answer and keeps none", async () => {
    let builds = 0;
    const cache = new ResponseCache(0, 10, () => 0);
    const build = async () => `body${++builds}`;
    expect(await cache.get("a", build)).toBe("body1");
    expect(await cache.get("a", build)).toBe("body2");
  });
});
