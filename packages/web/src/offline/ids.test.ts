import { describe, expect, it } from "vitest";
import { newClientId, nextSeq } from "./ids.ts";

describe("client ids", () => {
  it("are version-4 UUIDs the server's schema accepts, all different", () => {
    const ids = Array.from({ length: 200 }, newClientId);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(200);
  });

  it("orders writes of the same millisecond", () => {
    const a = nextSeq();
    const b = nextSeq();
    expect(b).toBeGreaterThan(a);
  });
});
