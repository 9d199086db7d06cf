/**
 * What an evidence file is, judged by its first bytes rather than its name: PDF, PNG, JPEG, the
 * Office formats (OOXML .docx/.xlsx/.pptx are ZIP files; the older .doc/.xls/.ppt are OLE compound
 * files) and OpenDocument. Anything else (an executable, a script, HTML) is refused, and so is a
 * name whose extension claims another type than the content.
 */
import { type UserMessage, userMessage } from "@tumbuh/core";

/** Largest evidence file accepted. */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

interface Kind {
  mediaType: string;
  /** Extensions (lower case, with the dot) a file of this kind may carry. */
  extensions: readonly string[];
  magic: readonly number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const KINDS: readonly Kind[] = [
  { mediaType: "application/pdf", extensions: [".pdf"], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: "image/png", extensions: [".png"], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: "image/jpeg", extensions: [".jpg", ".jpeg"], magic: [0xff, 0xd8, 0xff] },
  {
    mediaType: "application/vnd.openxmlformats-officedocument",
    extensions: [".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"],
    magic: ZIP,
  },
  { mediaType: "application/x-ole-storage", extensions: [".doc", ".xls", ".ppt"], magic: OLE },
];

const OOXML_TYPES: Record<string, string> = {
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
  ".odp": "application/vnd.oasis.opendocument.presentation",
  ".doc": "application/msword",
  ".xls": "application/vnd.ms-excel",
  ".ppt": "application/vnd.ms-powerpoint",
};

/** The extensions accepted, for messages and the upload form. */
const EVIDENCE_EXTENSIONS = KINDS.flatMap((k) => k.extensions);

export type Sniffed =
  | { ok: true; mediaType: string }
  | { ok: false; reason: string; userMessage: UserMessage };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot).toLowerCase();
}

/** The media type of a file from its first bytes and its name, or why it is refused. */
export function sniffEvidence(head: Uint8Array, fileName: string): Sniffed {
  const ext = extensionOf(fileName);
  const kind = KINDS.find((k) => k.magic.every((b, i) => head[i] === b));
  if (!kind)
    return {
      ok: false,
      reason: `the content of '${fileName}' is not a PDF, image (PNG/JPEG) or office document; expected one of ${EVIDENCE_EXTENSIONS.join(", ")}`,
      userMessage: userMessage("upload.notEvidenceType", {
        name: fileName,
        expected: EVIDENCE_EXTENSIONS.join(", "),
      }),
    };
  if (!kind.extensions.includes(ext))
    return {
      ok: false,
      reason: `'${fileName}' has the extension '${ext || "(none)"}' but its content is ${kind.mediaType}; expected ${kind.extensions.join(" or ")}`,
      userMessage: userMessage("upload.extensionMismatch", {
        name: fileName,
        ext: ext || "-",
        mediaType: kind.mediaType,
        expected: kind.extensions.join(", "),
      }),
    };
  return { ok: true, mediaType: OOXML_TYPES[ext] ?? kind.mediaType };
}

/** A file name safe to show and to send in Content-Disposition: no path, no control characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return clean.slice(0, 200) || "berkas";
}
