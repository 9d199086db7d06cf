import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvLines, type CsvRecord } from "./csv-lines.ts";

/** Feeds `text` in chunks of `size` characters and collects every record. */
function tokenize(text: string, size: number, delimiter: "," | ";" = ","): CsvRecord[] {
  const lines = new CsvLines(delimiter);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) lines.push(text.slice(i, i + size), false, out);
  lines.push("", true, out);
  return out;
}

const SAMPLE =
  'id,name,note\r\n1,Budi,"kontrol, ulang"\r\n2,"Siti ""Ani""","baris\nkedua"\r\n3,,\r\n\r\n4,Ayu,"akhir"';

describe("CsvLines", () => {
  it.each([1, 2, 3, 7, 1000])("gives the same fields as csv-parse whatever the chunk size (%i)", (size) => {
    const expected: string[][] = parse(SAMPLE, { relax_column_count: true, skip_empty_lines: true });
    expect(tokenize(SAMPLE, size).map((r) => r.fields)).toEqual(expected);
  });

  it("gives the same records wherever the text is cut in three", () => {
    const expected = tokenize(SAMPLE, SAMPLE.length);
    for (let a = 0; a <= SAMPLE.length; a++)
      for (let b = a; b <= SAMPLE.length; b += 3) {
        const lines = new CsvLines(",");
        const out: CsvRecord[] = [];
        for (const part of [SAMPLE.slice(0, a), SAMPLE.slice(a, b), SAMPLE.slice(b)])
          lines.push(part, false, out);
        lines.push("", true, out);
        expect(out, `cut at ${a} and ${b}`).toEqual(expected);
      }
  });

  it("keeps each record's raw text without its line break", () => {
    const raws = tokenize(SAMPLE, 5).map((r) => r.raw);
    expect(raws).toEqual([
      "id,name,note",
      '1,Budi,"kontrol, ulang"',
      '2,"Siti ""Ani""","baris\nkedua"',
      "3,,",
      '4,Ayu,"akhir"',
    ]);
  });

  it("splits on semicolons when told, leaving decimal commas inside fields", () => {
    expect(tokenize("berat;tinggi\n9,6;75,5\n", 4, ";").map((r) => r.fields)).toEqual([
      ["berat", "tinggi"],
      ["9,6", "75,5"],
    ]);
  });

  it("ends an unterminated quoted field at the end of the file", () => {
    expect(tokenize('a,"b\nc', 2).map((r) => r.fields)).toEqual([["a", "b\nc"]]);
  });

  it("keeps a quote inside an unquoted field as a character", () => {
    expect(tokenize('Ma"ruf,5\n"x",6\n', 3).map((r) => r.fields)).toEqual([
      ['Ma"ruf', "5"],
      ["x", "6"],
    ]);
  });

  it.each([1, 3, 7, 1000])(
    "cuts only the selected columns, the same as a full parse, whatever the chunk size (%i)",
    (size) => {
      const text =
        'a,b,c,d,e\r\n1,2,3,4,5\r\n6,,8,9,10\r\n\r\n11,"1,2",13,14,15\r\n16,17\r\n18,19,20,21,22,23';
      const full: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
      const lines = new CsvLines(",");
      lines.select([1, 3]);
      const out: CsvRecord[] = [];
      for (let i = 0; i < text.length; i += size) lines.push(text.slice(i, i + size), false, out);
      lines.push("", true, out);
      expect(out.map((r) => [r.fields[1], r.fields[3]])).toEqual(full.map((f) => [f[1], f[3]]));
      // Plain lines: unselected columns empty, nothing past the last selected one, no raw text.
      expect(out[1]).toEqual({ fields: ["", "2", "", "4"], raw: "" });
      expect(out[4].fields).toEqual(["", "17"]);
      // A quoted line is cut whole.
      expect(out[3].fields).toEqual(["11", "1,2", "13", "14", "15"]);
    },
  );

  it.each([1, 5, 13, 1000])(
    "takes the leading fields a line repeats from the line before, with the result of cutting them (%i)",
    (size) => {
      const text = [
        "nik,nama,tgl,berat,note",
        "1,Budi,01/02/2025,9.5,x",
        "1,Budi,01/03/2025,9.8,y", // shares "1,Budi,"
        "1,Budi,01/04/2025,10.1,z",
        '1,Budi,01/05/2025,10.4,"q,r"', // quoted: cut whole
        "1,Budi,01/06/2025,10.6,w", // after a quoted line: cut again
        "1,Budy,01/07/2025,10.9,v", // differs in a shared field
        "1,Budi", // shorter than the shared fields
        "1,Budi,", // exactly the shared text and an empty field
        "1,Budi,01/08/2025,11.0,u",
        "12,Budi,01/09/2025,11.2,t", // a prefix of the shared text is not enough
        "12,Budi,01/10/2025,11.4,s",
      ].join("\r\n");
      const full: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
      const lines = new CsvLines(",");
      const header = lines.push(text.slice(0, text.indexOf("\n") + 1));
      expect(header[0].fields[0]).toBe("nik");
      lines.select([0, 1, 2, 3], 2);
      const out: CsvRecord[] = [];
      const rest = text.slice(text.indexOf("\n") + 1);
      for (let i = 0; i < rest.length; i += size) lines.push(rest.slice(i, i + size), false, out);
      lines.push("", true, out);
      const rows = full.slice(1);
      expect(out.map((r) => r.fields.slice(0, 4))).toEqual(rows.map((f) => f.slice(0, 4)));
    },
  );
});
