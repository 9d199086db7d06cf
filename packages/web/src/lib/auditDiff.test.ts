import { describe, expect, it } from "vitest";
import { auditDiff, labelChange } from "./auditDiff.ts";

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

describe("labelChange", () => {
  const words: Record<string, string> = {
    "fields.role": "Peran",
    "fields.regionCode": "Wilayah",
    "fields.disabled": "Status akun",
    "roles.tpk_member": "Anggota TPK",
    "roles.posyandu_cadre": "Kader posyandu",
    "common.yes": "Ya",
    "common.no": "Tidak",
  };
  const t = (k: string, o?: Record<string, unknown>) => words[k] ?? String(o?.defaultValue ?? k);
  it("names fields and roles in the user's language", () => {
    expect(labelChange({ field: "role", before: "posyandu_cadre", after: "tpk_member" }, t)).toEqual({
      field: "Peran",
      before: "Kader posyandu",
      after: "Anggota TPK",
    });
    expect(labelChange({ field: "disabled", before: "false", after: "true" }, t)).toEqual({
      field: "Status akun",
      before: "Tidak",
      after: "Ya",
    });
  });
  it("keeps a field without a label, and other values, as they are", () => {
    expect(labelChange({ field: "regionCode", before: "–", after: "35.03" }, t)).toEqual({
      field: "Wilayah",
      before: "–",
      after: "35.03",
    });
    expect(labelChange({ field: "fooBar", before: "1", after: "2" }, t).field).toBe("fooBar");
  });
});
