import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import {
  formatPdfDate,
  formatPdfNumber,
  type PdfDocument,
  pdfDefinition,
  pdfFileName,
  renderPdf,
} from "./document.js";

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(proxy, { mergePages: true });
  return { pages: totalPages, text };
}

const BERITA_ACARA: PdfDocument = {
  title: "Berita Acara Rembuk Stunting",
  subtitle: "Kabupaten Contoh — Tahun 2025",
  letterhead: ["Pemerintah Kabupaten Contoh", "Tim Percepatan Penurunan Stunting"],
  generatedAt: new Date("2026-12-05T08:00:00Z"),
  blocks: [
    {
      kind: "fields",
      rows: [
        ["Tanggal", "12 Maret 2025"],
        ["Tempat", "Aula Bappeda"],
      ],
    },
    { kind: "heading", text: "Kesepakatan" },
    { kind: "paragraph", text: "Para pihak sepakat menurunkan prevalensi stunting." },
    { kind: "list", ordered: true, items: ["Pemberian makanan tambahan", "Sanitasi desa lokus"] },
    {
      kind: "table",
      headers: ["Kegiatan", "Pagu (Rp)", "Desa"],
      rows: [
        ["PMT balita", 1234567.5, "Sumberejo"],
        ["Jamban sehat", 250000, null],
      ],
      totalRow: ["Jumlah", 1484567.5, null],
    },
    {
      kind: "signatures",
      place: "Contoh",
      date: "12 Maret 2025",
      people: [
        { role: "Bupati", name: "Budi Santoso" },
        { role: "Ketua TPPS", name: "Siti Aminah" },
      ],
    },
  ],
};

describe("renderPdf", () => {
  it("writes every block's text, numbers in Indonesian form, and the page footer", async () => {
    const bytes = await renderPdf(BERITA_ACARA);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(1);
    for (const expected of [
      "Pemerintah Kabupaten Contoh",
      "Berita Acara Rembuk Stunting",
      "Aula Bappeda",
      "Kesepakatan",
      "Sanitasi desa lokus",
      "1.234.567,5",
      "1.484.567,5",
      "Budi Santoso",
      "Ketua TPPS",
      "Halaman 1 dari 1",
      "Dibuat dengan Tumbuh · 5 Desember 2026",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("DATA SINTETIS");
  });

  it("marks demo documents as synthetic and numbers pages in English when asked", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Desa ${i + 1}`, i] as const);
    const bytes = await renderPdf({
      title: "Scorecard",
      language: "en",
      synthetic: true,
      blocks: [{ kind: "table", headers: ["Village", "Value"], rows }],
    });
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain("SYNTHETIC DATA");
    expect(text).toContain("Desa 120");
  });

  it("repeats a table's header row on every page", () => {
    const definition = pdfDefinition({
      title: "T",
      blocks: [{ kind: "table", headers: ["A"], rows: [["x"]] }],
    });
    const content = definition.content as Array<{ table?: { headerRows?: number } }>;
    expect(content.find((item) => item.table)?.table?.headerRows).toBe(1);
  });
});

describe("formatting", () => {
  it.each([
    [1234.5, "id", "1.234,5"],
    [1234.5, "en", "1,234.5"],
    [0.125, "id", "0,13"],
    [-3, "id", "-3"],
  ] as const)("formatPdfNumber(%s, %s) = %s", (value, language, expected) => {
    expect(formatPdfNumber(value, language)).toBe(expected);
  });

  it.each([
    ["2025-03-12", "id", "12 Maret 2025"],
    ["2025-08-01", "en", "1 August 2025"],
  ] as const)("formatPdfDate(%s, %s) = %s", (value, language, expected) => {
    expect(formatPdfDate(value, language)).toBe(expected);
  });

  it.each([
    [["Berita Acara", "Rembuk 2025"], "berita-acara-rembuk-2025.pdf"],
    [["../etc/passwd"], "etc-passwd.pdf"],
    [["Kecamatan Pâsir"], "kecamatan-pasir.pdf"],
    [["///"], "dokumen.pdf"],
  ] as const)("pdfFileName(%j) = %s", (parts, expected) => {
    expect(pdfFileName(...parts)).toBe(expected);
  });
});
