import { describe, expect, it } from "vitest";
import type { Region } from "../api/types.ts";
import { rankRegions } from "./RegionSearch.tsx";

const r = (code: string, name: string) => ({ code, name, level: "village" }) as unknown as Region;

describe("rankRegions", () => {
  it("puts the exact name first, then names starting with the text, higher levels before lower", () => {
    const found = [
      r("35.03.01.2003", "Wonocoyo Panggul"),
      r("35.03.01.2001", "Panggulrejo"),
      r("35.03.01", "Panggul"),
      r("35.03.05.2002", "Panggul"),
    ];
    expect(rankRegions(found, "panggul ").map((x) => x.code)).toEqual([
      "35.03.01",
      "35.03.05.2002",
      "35.03.01.2001",
      "35.03.01.2003",
    ]);
  });
});
