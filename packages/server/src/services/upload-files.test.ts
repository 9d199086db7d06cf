import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sweepUploadFolder } from "./upload-files.ts";

describe("sweepUploadFolder", () => {
  it("deletes stray uploads but never the stored documents in the aksi-evidence sub-folder", () => {
    const folder = mkdtempSync(join(tmpdir(), "tumbuh-sweep-"));
    const evidence = join(folder, "aksi-evidence");
    mkdirSync(evidence);
    const sha = "a".repeat(64);
    writeFileSync(join(evidence, sha), "%PDF-1.4 SK desa lokus");
    writeFileSync(join(folder, "0190-stray.csv"), "nik;nama");
    writeFileSync(join(folder, "0190-waiting.xlsx"), "PK");
    const removed = sweepUploadFolder(folder, new Set([join(folder, "0190-waiting.xlsx")]));
    expect(removed).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(["0190-waiting.xlsx", "aksi-evidence"]);
    expect(existsSync(join(evidence, sha))).toBe(true);
    // The sweep at server start keeps nothing of the uploads, and still every document.
    expect(sweepUploadFolder(folder, new Set())).toBe(1);
    expect(readdirSync(folder)).toEqual(["aksi-evidence"]);
    expect(readdirSync(evidence)).toEqual([sha]);
  });

  it("counts nothing in a folder that does not exist", () => {
    expect(sweepUploadFolder(join(tmpdir(), "tumbuh-no-such-folder-91"), new Set())).toBe(0);
  });
});
