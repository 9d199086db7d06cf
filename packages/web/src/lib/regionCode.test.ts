import { describe, expect, it } from "vitest";
import { ancestorCodes, childLevel, regionLevel, withinScope } from "./regionCode.ts";

describe("region codes", () => {
  it.each([
    ["ID", "nation", "province"],
    ["35", "province", "district"],
    ["35.03", "district", "subdistrict"],
    ["35.03.01", "subdistrict", "village"],
    ["35.03.01.2001", "village", "posyandu"],
  ])("%j is a %s with %s below", (code, level, below) => {
    expect(regionLevel(code)).toBe(level);
    expect(childLevel(code)).toBe(below);
  });
  it("lists ancestors from the nation down", () => {
    expect(ancestorCodes("35.03.01.2001")).toEqual(["ID", "35", "35.03", "35.03.01", "35.03.01.2001"]);
    expect(ancestorCodes("ID")).toEqual(["ID"]);
  });
  it("checks scope by whole code parts, not string prefix", () => {
    expect(withinScope("35.03.01", "35.03")).toBe(true);
    expect(withinScope("35.03", "35.03")).toBe(true);
    expect(withinScope("35.031", "35.03")).toBe(false);
    expect(withinScope("35.04", "35.03")).toBe(false);
    expect(withinScope("11", "ID")).toBe(true);
  });
});
