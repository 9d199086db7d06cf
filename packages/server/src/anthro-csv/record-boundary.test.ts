import { describe, expect, it } from "vitest";
import { lastRecordEnd } from "./record-boundary.ts";

const bytes = (s: string) => Buffer.from(s, "utf8");

describe("lastRecordEnd", () => {
  it.each([
    ["a,b\nc,d\ne", false, 8, false],
    ["a,b\nc,d\n", false, 8, false],
    ['a,"x\ny"\nb', false, 8, false], // the break inside quotes is not a record end
    ['a,"x\ny', false, -1, true], // the only break is inside the open quote
    ['y"\nb,c\n', true, 7, false], // starts inside a quoted field that closes on this line
    ['a,"say ""hi""\n', false, -1, true],
    ["no line break", false, -1, false],
  ])("%j (starts in quotes: %s) -> cut %i, ends in quotes: %s", (text, startsInQuotes, cut, endsInQuotes) => {
    expect(lastRecordEnd(bytes(text), startsInQuotes)).toEqual({ cut, endsInQuotes });
  });
});
