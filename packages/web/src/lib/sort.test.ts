import { describe, expect, it } from "vitest";
import { nextSort, sortRows } from "./sort.ts";

interface Row {
  name: string;
  rate: number | null;
}
const rows: Row[] = [
  { name: "Watulimo", rate: 18.2 },
  { name: "Bendungan", rate: null },
  { name: "Dongko", rate: 25 },
  { name: "Karangan", rate: 9.5 },
  { name: "durenan", rate: 18.2 },
];
const get = (r: Row, k: "name" | "rate") => r[k];

describe("sortRows", () => {
  it("sorts rates descending with missing last", () => {
    const out = sortRows(rows, { key: "rate", direction: "desc" }, get).map((r) => r.name);
    expect(out).toEqual(["Dongko", "Watulimo", "durenan", "Karangan", "Bendungan"]);
  });
  it("sorts rates ascending with missing still last and ties stable", () => {
    const out = sortRows(rows, { key: "rate", direction: "asc" }, get).map((r) => r.name);
    expect(out).toEqual(["Karangan", "Watulimo", "durenan", "Dongko", "Bendungan"]);
  });
  it("sorts names case-insensitively", () => {
    const out = sortRows(rows, { key: "name", direction: "asc" }, get).map((r) => r.name);
    expect(out).toEqual(["Bendungan", "Dongko", "durenan", "Karangan", "Watulimo"]);
  });
  it("orders numbered names naturally", () => {
    const posyandu = [{ name: "Posyandu 10" }, { name: "Posyandu 2" }, { name: "Posyandu 1" }];
    const out = sortRows(posyandu, { key: "name", direction: "asc" }, (r, k: "name") => r[k]);
    expect(out.map((r) => r.name)).toEqual(["Posyandu 1", "Posyandu 2", "Posyandu 10"]);
  });
  it("does not change its input", () => {
    const copy = rows.slice();
    sortRows(rows, { key: "rate", direction: "asc" }, get);
    expect(rows).toEqual(copy);
  });
});

describe("nextSort", () => {
  it("flips the same column and starts a numeric column worst-first", () => {
    expect(nextSort({ key: "rate", direction: "desc" }, "rate", true)).toEqual({
      key: "rate",
      direction: "asc",
    });
    expect(nextSort({ key: "name", direction: "asc" }, "rate", true)).toEqual({
      key: "rate",
      direction: "desc",
    });
    expect(nextSort({ key: "rate", direction: "asc" }, "name", false)).toEqual({
      key: "name",
      direction: "asc",
    });
  });
});
