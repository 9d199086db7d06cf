import { describe, expect, it } from "vitest";
import { href, matchPath, parseHash } from "./router.ts";

describe("hash routes", () => {
  it("parses path and query", () => {
    const r = parseHash("#/dashboard?region=35.03&period=2024-08");
    expect(r.path).toBe("/dashboard");
    expect(r.query.get("region")).toBe("35.03");
    expect(r.query.get("period")).toBe("2024-08");
  });
  it("treats an empty hash as home", () => {
    expect(parseHash("").path).toBe("/");
    expect(parseHash("#").path).toBe("/");
  });
  it("builds hrefs without empty values", () => {
    expect(href("/map", { region: "35.03", period: "" })).toBe("#/map?region=35.03");
    expect(href("/children")).toBe("#/children");
  });
  it("matches named parts", () => {
    expect(matchPath("/children/:id", "/children/ab%20c")).toEqual({ id: "ab c" });
    expect(matchPath("/children/:id", "/children")).toBeNull();
    expect(matchPath("/admin/users", "/admin/audit")).toBeNull();
  });
});
