import { describe, expect, it } from "vitest";
import { linesOf } from "./lines.ts";

describe("linesOf", () => {
  it("keeps the non-empty trimmed lines in order", () => {
    expect(linesOf("  Ansit \r\n\n Desa lokus\n")).toEqual(["Ansit", "Desa lokus"]);
    expect(linesOf("")).toEqual([]);
  });
});
