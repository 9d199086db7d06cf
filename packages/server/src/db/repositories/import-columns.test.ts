import { STORED_MEASUREMENT_FIELDS } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import {
  CHILD_COLUMNS,
  columnList,
  copyTarget,
  MEASUREMENT_COLUMNS,
  STAGE_COLUMNS,
  STAGE_ROW_COLUMNS,
  STORED_COLUMNS,
} from "./import-columns.ts";

const names = (cols: readonly { name: string }[]) => cols.map((c) => c.name);

describe("import columns", () => {
  it("store what @tumbuh/growth's storedMeasurement gives, typed by kind", () => {
    expect(names(STORED_COLUMNS)).toEqual([...STORED_MEASUREMENT_FIELDS]);
    expect(STORED_COLUMNS.find((c) => c.name === "zlen")?.type).toBe("double precision");
    expect(STORED_COLUMNS.find((c) => c.name === "fbmi")?.type).toBe("boolean");
    expect(STORED_COLUMNS.find((c) => c.name === "status_imtu")?.type).toBe("text");
  });

  it("stage a checked row, then its stored values, each column once", () => {
    expect(names(STAGE_COLUMNS)).toEqual([...names(STAGE_ROW_COLUMNS), ...STORED_MEASUREMENT_FIELDS]);
    expect(new Set(names(STAGE_COLUMNS)).size).toBe(STAGE_COLUMNS.length);
  });

  it("give the merge every measurement value from a staging column of the same name", () => {
    const staged = new Set(names(STAGE_COLUMNS));
    const fromStage = MEASUREMENT_COLUMNS.filter((c) => c.role !== "id" && c.role !== "provenance").map(
      (c) => c.name,
    );
    // The child and posyandu ids come from the merge's joins.
    expect(fromStage.filter((n) => !staged.has(n))).toEqual(["child_id", "posyandu_id"]);
  });

  it("upsert measurements on their natural key, comparing values and z-scores only", () => {
    const byRole = (role: string) => MEASUREMENT_COLUMNS.filter((c) => c.role === role).map((c) => c.name);
    expect(byRole("key")).toEqual(["district_code", "child_id", "measured_on"]);
    expect(byRole("derived")).toEqual([
      "flen",
      "fwei",
      "fwfl",
      "fbmi",
      "status_tbu",
      "status_bbu",
      "status_bbtb",
      "status_imtu",
    ]);
    expect(byRole("value")).toContain("zlen");
    expect(byRole("value")).toContain("weight");
  });

  it("write COPY targets from the lists", () => {
    expect(copyTarget("children", CHILD_COLUMNS.slice(0, 3))).toBe(
      "children (district_code, id, village_code)",
    );
    expect(columnList(MEASUREMENT_COLUMNS).split(", ")).toHaveLength(29);
  });
});
