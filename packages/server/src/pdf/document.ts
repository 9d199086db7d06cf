/**
 * The one PDF module for Tumbuh's official documents (berita acara, scorecards, minutes, reports):
 * a service describes the document as plain blocks, this module lays it out with pdfmake the same
 * way for every document (letterhead, title, page numbers, the synthetic-data mark, signatures).
 * It knows nothing of the database or HTTP.
 */
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";

export type PdfLanguage = "id" | "en";

/** A table cell: text as given, numbers formatted for the document's language, null as "—". */
type PdfCell = string | number | null;

type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** Label–value rows (date, place, decree number...). */
  | { kind: "fields"; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | {
      kind: "table";
      headers: readonly string[];
      rows: ReadonlyArray<ReadonlyArray<PdfCell>>;
      /** Relative column widths ("*" share); numbers in cells are right-aligned whatever is given. */
      widths?: ReadonlyArray<number | "auto" | "*">;
      /** A last row in bold (totals). */
      totalRow?: ReadonlyArray<PdfCell>;
    }
  | { kind: "list"; items: readonly string[]; ordered?: boolean }
  /** Signature blocks side by side: place and date above, role, space to sign, then the name. */
  | {
      kind: "signatures";
      place?: string;
      date?: string;
      people: ReadonlyArray<{ role: string; name: string }>;
    }
  | { kind: "pageBreak" };

export interface PdfDocument {
  /** The document's title, e.g. "Berita Acara Rembuk Stunting". */
  title: string;
  subtitle?: string;
  /** Letterhead lines above the title, e.g. ["Pemerintah Kabupaten Contoh", "Tim Percepatan Penurunan Stunting"]. */
  letterhead?: readonly string[];
  blocks: readonly PdfBlock[];
  orientation?: "portrait" | "landscape";
  language?: PdfLanguage;
  /** When the document was produced (shown in the footer); defaults to now. */
  generatedAt?: Date;
  /** Demo data: every page carries a "synthetic data" mark. */
  synthetic?: boolean;
}

const TEXT: Record<
  PdfLanguage,
  { page: (n: number, of: number) => string; made: string; synthetic: string }
> = {
  id: {
    page: (n, of) => `Halaman ${n} dari ${of}`,
    made: "Dibuat dengan Tumbuh",
    synthetic: "DATA SINTETIS — BUKAN DATA NYATA",
  },
  en: {
    page: (n, of) => `Page ${n} of ${of}`,
    made: "Made with Tumbuh",
    synthetic: "SYNTHETIC DATA — NOT REAL DATA",
  },
};

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
let fontsReady = false;

function useFonts(): void {
  if (fontsReady) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, "Roboto-Regular.ttf"),
      bold: path.join(FONT_DIR, "Roboto-Medium.ttf"),
      italics: path.join(FONT_DIR, "Roboto-Italic.ttf"),
      bolditalics: path.join(FONT_DIR, "Roboto-MediumItalic.ttf"),
    },
  });
  // Documents are built from our own blocks only: no URL is fetched and no file but the fonts is read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR));
  fontsReady = true;
}

/** Formats a number the way the document's readers write it (1.234,5 in Indonesian). */
export function formatPdfNumber(value: number, language: PdfLanguage = "id"): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 2 }).format(
    value,
  );
}

/** Formats a date (YYYY-MM-DD or Date) as "5 Desember 2026" / "5 December 2026". */
export function formatPdfDate(value: string | Date, language: PdfLanguage = "id"): string {
  const date = typeof value === "string" ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

function cell(value: PdfCell, language: PdfLanguage, bold = false): Content {
  if (value === null) return { text: "—", alignment: "center", bold };
  if (typeof value === "number") return { text: formatPdfNumber(value, language), alignment: "right", bold };
  return { text: value, bold };
}

function blockContent(block: PdfBlock, language: PdfLanguage): Content {
  switch (block.kind) {
    case "heading":
      return { text: block.text, style: "heading" };
    case "paragraph":
      return { text: block.text, margin: [0, 0, 0, 8] };
    case "fields":
      return {
        layout: "noBorders",
        margin: [0, 0, 0, 8],
        table: {
          widths: [150, "*"],
          body: block.rows.map(([label, value]) => [{ text: label }, { text: `: ${value}` }]),
        },
      };
    case "table": {
      const body: Content[][] = [block.headers.map((header) => ({ text: header, style: "tableHeader" }))];
      for (const row of block.rows) body.push(row.map((value) => cell(value, language)));
      if (block.totalRow) body.push(block.totalRow.map((value) => cell(value, language, true)));
      return {
        margin: [0, 0, 0, 10],
        fontSize: 9,
        table: {
          headerRows: 1,
          widths: block.widths ? [...block.widths] : block.headers.map(() => "auto"),
          body,
        },
      };
    }
    case "list":
      return block.ordered
        ? { ol: [...block.items], margin: [0, 0, 0, 8] }
        : { ul: [...block.items], margin: [0, 0, 0, 8] };
    case "signatures": {
      const header = [block.place, block.date].filter(Boolean).join(", ");
      const columns: Content[] = block.people.map((person) => ({
        width: "*",
        stack: [
          { text: person.role, alignment: "center" },
          { text: " ", margin: [0, 28, 0, 0] },
          { text: person.name, alignment: "center", bold: true, decoration: "underline" },
        ],
      }));
      return {
        unbreakable: true,
        margin: [0, 16, 0, 8],
        stack: [
          ...(header
            ? [
                {
                  text: header,
                  alignment: "right" as const,
                  margin: [0, 0, 0, 8] as [number, number, number, number],
                },
              ]
            : []),
          { columns, columnGap: 12 },
        ],
      };
    }
    case "pageBreak":
      return { text: "", pageBreak: "after" };
  }
}

/** The pdfmake definition of a document (kept separate so its layout can be tested without rendering). */
export function pdfDefinition(doc: PdfDocument): TDocumentDefinitions {
  const language = doc.language ?? "id";
  const text = TEXT[language];
  const generated = doc.generatedAt ?? new Date();
  const head: Content[] = [];
  if (doc.letterhead && doc.letterhead.length > 0) {
    head.push({ text: doc.letterhead.join("\n"), style: "letterhead" });
    head.push({
      canvas: [
        { type: "line", x1: 0, y1: 0, x2: doc.orientation === "landscape" ? 760 : 515, y2: 0, lineWidth: 1 },
      ],
      margin: [0, 4, 0, 10],
    });
  }
  head.push({ text: doc.title, style: "title" });
  if (doc.subtitle) head.push({ text: doc.subtitle, style: "subtitle" });
  return {
    info: { title: doc.title, creator: "Tumbuh", producer: "Tumbuh" },
    pageSize: "A4",
    pageOrientation: doc.orientation ?? "portrait",
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.15 },
    styles: {
      letterhead: { fontSize: 11, bold: true, alignment: "center" },
      title: { fontSize: 14, bold: true, alignment: "center", margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, alignment: "center", margin: [0, 0, 0, 12] },
      heading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      tableHeader: { bold: true, fillColor: "#e8efe9" },
    },
    header: doc.synthetic
      ? {
          text: text.synthetic,
          alignment: "center",
          color: "#b00020",
          fontSize: 8,
          bold: true,
          margin: [0, 20, 0, 0],
        }
      : undefined,
    footer: (page: number, pages: number) => ({
      margin: [40, 16, 40, 0],
      fontSize: 8,
      color: "#555555",
      columns: [
        { text: `${text.made} · ${formatPdfDate(generated, language)}` },
        { text: text.page(page, pages), alignment: "right" },
      ],
    }),
    content: [...head, ...doc.blocks.map((block) => blockContent(block, language))],
  };
}

/** Renders a document to PDF bytes. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  useFonts();
  return pdfmake.createPdf(pdfDefinition(doc)).getBuffer();
}

/** A download name for a document: letters, digits and dashes only, ending in .pdf. */
export function pdfFileName(...parts: readonly string[]): string {
  const base = parts
    .join("-")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 100);
  return `${base || "dokumen"}.pdf`;
}
