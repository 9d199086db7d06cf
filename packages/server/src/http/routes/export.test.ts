import { describe, expect, it } from "vitest";
import { toCsv } from "./export.ts";

describe("toCsv", () => {
  it("quotes separators and quotes, keeps numbers and negatives, and defuses formulas", () => {
    const csv = toCsv({
      name: "t",
      columns: ["name", "z", "note"],
      rows: [
        ["Siti, Aminah", -2.5, 'kata "ya"'],
        ['=HYPERLINK("x")', null, "+62 811"],
        ["@SUM(A1)", 0, "-"],
      ],
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "name,z,note",
      '"Siti, Aminah",-2.5,"kata ""ya"""',
      '"\'=HYPERLINK(""x"")",,\'+62 811',
      "'@SUM(A1),0,'-",
      "",
    ]);
  });
});
