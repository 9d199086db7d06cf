import { expect, it } from "vitest";
import { splitCsv } from "./read.ts";

it("splits CSV records with quotes, doubled quotes, CRLF and line breaks inside quotes", () => {
  const text = 'a,b,c\r\n1,"x, y",3\n"he said ""hi""",2,"multi\nline"\nSoka"an,5,6\n,,\n';
  expect(splitCsv(text, ",", true).records).toEqual([
    ["a", "b", "c"],
    ["1", "x, y", "3"],
    ['he said "hi"', "2", "multi\nline"],
    ['Soka"an', "5", "6"],
    ["", "", ""],
  ]);
});

it("keeps an unfinished record for the next chunk", () => {
  const r = splitCsv('1;2\n3;"open\nstill', ";", false);
  expect(r.records).toEqual([["1", "2"]]);
  expect(r.rest).toBe('3;"open\nstill');
  expect(splitCsv(`${r.rest} open";4\n`, ";", true).records).toEqual([["3", "open\nstill open", "4"]]);
});

it("reads a last line without a line break", () => {
  expect(splitCsv("a,b\n1,2", ",", true).records).toEqual([
    ["a", "b"],
    ["1", "2"],
  ]);
  expect(splitCsv('a,"b"', ",", true).records).toEqual([["a", "b"]]);
});
