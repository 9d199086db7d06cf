import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import { openText } from "./csv-io.ts";
import { zscoreFileParallel } from "./zscore-parallel.ts";
import { createZScoreStream } from "./zscore-stream.ts";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-parallel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 3,000 rows with quoted notes (commas, doubled quotes, line breaks), bad cells and no final line break. */
function messyCsv(): string {
  const lines = ["id,sex,age,weight,lenhei,measure,note"];
  for (let i = 0; i < 3000; i++) {
    const sex = i % 97 === 0 ? "x" : String(1 + (i % 2));
    const weight = i % 89 === 0 ? "abc" : (6 + (i % 120) / 10).toFixed(1).replace(".", i % 3 ? "." : ",");
    const note = i % 7 === 0 ? `"kontrol, ""ulang""\nbaris ${i}"` : i % 5 === 0 ? "Désa Ngantru" : "";
    lines.push(
      `${i},${sex},${(i * 13) % 1800},${weight.includes(",") ? `"${weight}"` : weight},${60 + (i % 400) / 10},${i % 4 ? "h" : "l"},${note}`,
    );
  }
  return lines.join("\r\n");
}

async function single(path: string): Promise<{ text: string; errors: string[] }> {
  const errors: string[] = [];
  const { stream } = createZScoreStream({ ageUnit: "days", onRowError: (r, m) => errors.push(`${r}: ${m}`) });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await pipeline(await openText(path), stream, out);
  return { text: Buffer.concat(chunks).toString("utf8"), errors };
}

describe("zscoreFileParallel", () => {
  it.each([2, 3])(
    "on %i threads writes exactly what the single-thread stream writes, with the same row errors in order",
    async (threads) => {
      const path = join(dir, "messy.csv");
      writeFileSync(path, messyCsv());
      const expected = await single(path);
      expect(expected.errors.length).toBeGreaterThan(40);

      const errors: string[] = [];
      const outPath = join(dir, `parallel-${threads}.csv`);
      const out = (await import("node:fs")).createWriteStream(outPath);
      // Pieces of 2 KiB: many cuts, some next to quoted line breaks.
      const stats = await zscoreFileParallel(path, out, {
        ageUnit: "days",
        threads,
        pieceBytes: 2048,
        onRowError: (r, m) => errors.push(`${r}: ${m}`),
      });
      await new Promise<void>((resolve) => out.end(() => resolve()));
      expect(readFileSync(outPath, "utf8")).toBe(expected.text);
      expect(errors).toEqual(expected.errors);
      expect(stats.rows).toBe(3000);
      expect(stats.badRows).toBe(expected.errors.length);
    },
  );

  it("refuses an unusable header before writing anything", async () => {
    const path = join(dir, "unusable.csv");
    writeFileSync(path, "nama,alamat\nBudi,Jl. Mawar\n");
    const out = new PassThrough();
    let written = 0;
    out.on("data", (c: Buffer) => (written += c.length));
    await expect(
      zscoreFileParallel(path, out, { ageUnit: "days", threads: 2, onRowError: () => {} }),
    ).rejects.toThrow("expected a sex column");
    expect(written).toBe(0);
  });
});
