import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { IMPORT_LIMITS, ImportLimitError, type ImportLimits } from "./limits.ts";
import { CSV_CHUNK_BYTES, readSheets, type SheetRow } from "./read.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readCsv(text: string): Promise<{ header: string[]; rows: SheetRow[] }> {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  for await (const sheet of readSheets(path)) {
    const rows: SheetRow[] = [];
    for await (const r of sheet.rows) rows.push(r);
    return { header: sheet.header, rows };
  }
  throw new Error("no sheet");
}

it("reads CSV records with quotes, doubled quotes, CRLF, line breaks inside quotes and a stray quote", async () => {
  const text = '\ufeffa,b,c\r\n1,"x, y",3\n"he said ""hi""",2,"multi\nline"\nSoka"an,5,6\n,,\n';
  const r = await readCsv(text);
  expect(r.header).toEqual(["a", "b", "c"]);
  expect(r.rows).toEqual([
    { rowNo: 2, cells: ["1", "x, y", "3"] },
    { rowNo: 3, cells: ['he said "hi"', "2", "multi\nline"] },
    { rowNo: 4, cells: ['Soka"an', "5", "6"] },
    { rowNo: 5, cells: ["", "", ""] },
  ]);
});

it("detects semicolons and reads a last line without a line break", async () => {
  const r = await readCsv("a;b\n1,5;2\n3;4");
  expect(r.header).toEqual(["a", "b"]);
  expect(r.rows.map((x) => x.cells)).toEqual([
    ["1,5", "2"],
    ["3", "4"],
  ]);
});

it("numbers rows the same across chunks of a large file (a quoted line break spans a chunk)", async () => {
  const lines = ["nama,catatan"];
  for (let i = 0; i < 200_000; i++) lines.push(i === 150_000 ? `anak${i},"baris\nkedua"` : `anak${i},ok`);
  const r = await readCsv(`${lines.join("\n")}\n`);
  expect(r.rows).toHaveLength(200_000);
  expect(r.rows[199_999]).toEqual({ rowNo: 200_001, cells: ["anak199999", "ok"] });
  expect(r.rows[150_000].cells).toEqual(["anak150000", "baris\nkedua"]);
});

/** Reads every row of a file at `name` holding `bytes`, with the limits given. */
async function readAll(name: string, bytes: Buffer, limits: Partial<ImportLimits> = {}) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const out: Array<{ name: string; header: string[]; rows: SheetRow[] }> = [];
  for await (const sheet of readSheets(path, { ...IMPORT_LIMITS, ...limits })) {
    const rows: SheetRow[] = [];
    for await (const r of sheet.rows) rows.push(r);
    out.push({ name: sheet.name, header: sheet.header, rows });
  }
  return out;
}

const TEXT = "Nama,Desa\nSiti Aisyah,Ngrencak\nDéwi Ñur,Panggul\n";
const EXPECTED = [
  {
    name: "",
    header: ["Nama", "Desa"],
    rows: [
      { rowNo: 2, cells: ["Siti Aisyah", "Ngrencak"] },
      { rowNo: 3, cells: ["Déwi Ñur", "Panggul"] },
    ],
  },
];

it("decodes UTF-16 CSV files, little- and big-endian, with or without their byte order mark", async () => {
  const le = Buffer.from(TEXT, "utf16le");
  const be = Buffer.from(le).swap16();
  expect(await readAll("le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual(EXPECTED);
  expect(await readAll("be.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(EXPECTED);
  expect(await readAll("le-nobom.csv", le)).toEqual(EXPECTED);
  expect(
    await readAll("bom8.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])),
  ).toEqual(EXPECTED);
});

it("refuses a Latin-1 CSV (422) naming the line, instead of importing garbled names", async () => {
  const latin1 = Buffer.from(TEXT, "latin1");
  const err = await readAll("latin1.csv", latin1).catch((e) => e);
  expect(err).toBeInstanceOf(ImportLimitError);
  expect(err).toMatchObject({ status: 422, limit: "encoding" });
  expect(err.message).toMatch(/^Berkas CSV tidak tersimpan sebagai UTF-8 \(baris 3\)/);
  expect(err.message).toContain("The CSV file is not saved as UTF-8 (line 3)");
});

it("reads a CSV named .xlsx as CSV and refuses an old .xls (OLE) with 422", async () => {
  expect(await readAll("really-csv.xlsx", Buffer.from(TEXT))).toEqual(EXPECTED);
  const xls = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(600),
  ]);
  await expect(readAll("old.xls.csv", xls)).rejects.toMatchObject({ status: 422, limit: "format" });
  await expect(readAll("pic.csv", Buffer.from([1, 2, 0, 4, 5, 0, 0, 9, 1, 1]))).rejects.toMatchObject({
    status: 422,
    limit: "format",
  });
});

it("refuses a CSV line longer than the limit and a header with too many columns", async () => {
  const long = Buffer.from(`Nama,Desa\nAni,${"x".repeat(5000)}\n`);
  const err = await readAll("long.csv", long, { csvLineChars: 4096 }).catch((e) => e);
  expect(err).toMatchObject({ status: 422, limit: "csvLineChars" });
  expect(err.message).toMatch(/^Baris 2 berkas CSV lebih panjang dari batas 4\.096 karakter/);
  // A single line of 3 MB (no line break at all) stops at the limit, a chunk after it.
  const oneLine = Buffer.alloc(3 * 1024 * 1024, "a");
  await expect(readAll("one-line.csv", oneLine)).rejects.toMatchObject({ limit: "csvLineChars" });
  const wide = Buffer.from(`${Array.from({ length: 300 }, (_, i) => `k${i}`).join(",")}\n1\n`);
  const w = await readAll("wide.csv", wide).catch((e) => e);
  expect(w).toMatchObject({ status: 422, limit: "columns" });
  expect(w.message).toContain("300 columns, the limit is 256");
});

it("reads a UTF-8 character whose bytes are cut by a chunk's end like any other", async () => {
  for (const [ch, before] of [
    ["é", 1],
    ["€", 1],
    ["€", 2],
    ["𝄞", 3],
  ] as const) {
    const head = "Nama,Desa\n";
    // Rows "a,b\n" up to the byte where `ch` must start so that `before` of its bytes end the chunk.
    const start = 3 * CSV_CHUNK_BYTES - before;
    const rows = Math.floor((start - head.length - 2) / 4);
    let text = head + "a,b\n".repeat(rows);
    text += "c".repeat(start - text.length - 1);
    text += `,${ch}x\nSiti,Ngrencak\n`;
    expect(
      Buffer.from(text)
        .subarray(start, start + Buffer.byteLength(ch))
        .toString(),
    ).toBe(ch);
    const [sheet] = await readAll(`cut-${before}.csv`, Buffer.from(text));
    const cells = sheet.rows.map((r) => r.cells);
    expect(cells.at(-2)).toEqual([expect.stringMatching(/^c+$/), `${ch}x`]);
    expect(cells.at(-1)).toEqual(["Siti", "Ngrencak"]);
  }
});
