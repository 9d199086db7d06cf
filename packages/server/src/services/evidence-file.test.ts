import { describe, expect, it } from "vitest";
import { cleanFileName, sniffEvidence } from "./evidence-file.ts";

const bytes = (...b: number[]) => Uint8Array.from([...b, 0, 0, 0, 0]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37); // "%PDF-1.7"
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00); // "MZ"
const HTML = new TextEncoder().encode("<html><script>alert(1)</script>");

describe("sniffEvidence", () => {
  it.each([
    [PDF, "SK Bupati lokus.pdf", "application/pdf"],
    [PDF, "BERITA-ACARA.PDF", "application/pdf"],
    [PNG, "foto rembuk.png", "image/png"],
    [JPEG, "foto.jpeg", "image/jpeg"],
    [JPEG, "foto.JPG", "image/jpeg"],
    [ZIP, "rencana.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [ZIP, "notulen.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    [OLE, "lama.xls", "application/vnd.ms-excel"],
  ])("accepts %#: %s as %s", (head, name, type) => {
    expect(sniffEvidence(head, name)).toEqual({ ok: true, mediaType: type });
  });

  it.each([
    [EXE, "laporan.pdf", "is not a PDF"],
    [HTML, "laporan.html", "is not a PDF"],
    [PDF, "laporan.exe", "has the extension '.exe'"],
    [ZIP, "arsip.zip", "has the extension '.zip'"],
    [PNG, "foto.jpg", "expected .png"],
    [PDF, "tanpa-ekstensi", "'(none)'"],
    [new Uint8Array(0), "kosong.pdf", "is not a PDF"],
  ])("refuses %#: %s", (head, name, reason) => {
    const r = sniffEvidence(head, name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});

describe("cleanFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\dok\\SK.pdf", "SK.pdf"],
    ['a"b\r\n.pdf', "ab.pdf"],
    ["", "berkas"],
    ["  ", "berkas"],
  ])("%s → %s", (input, out) => {
    expect(cleanFileName(input)).toBe(out);
  });
});
