import { describe, expect, it } from "vitest";
import { auditDiff } from "./auditDiff.ts";

describe("auditDiff", () => {
  it("lists only the changed fields of an update", () => {
    expect(
      auditDiff(
        { role: "posyandu_cadre", version: 1, disabled: false, username: "kader" },
        { role: "posyandu_cadre", version: 2, disabled: true, username: "kader" },
      ),
    ).toEqual([
      { field: "version", before: "1", after: "2" },
      { field: "disabled", before: "false", after: "true" },
    ]);
  });
  it("lists every field of a creation", () => {
    expect(auditDiff(null, { username: "kader", regionCode: "35.03.01.2001" })).toEqual([
      { field: "username", before: "–", after: "kader" },
      { field: "regionCode", before: "–", after: "35.03.01.2001" },
    ]);
  });
  it("shows removed fields and nested values", () => {
    expect(auditDiff({ a: 1, tags: ["x"] }, { tags: ["x", "y"] })).toEqual([
      { field: "tags", before: '["x"]', after: '["x","y"]' },
      { field: "a", before: "1", after: "–" },
    ]);
  });
  it("handles values that are not records", () => {
    expect(auditDiff("old", "new")).toEqual([{ field: "", before: "old", after: "new" }]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
