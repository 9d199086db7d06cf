import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/access.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { AksiService } from "./aksi.ts";
import { AksiEvidenceService } from "./aksi-evidence.ts";
import { loadRegions } from "./regions.ts";

type Caller = Actor & { username: string };
const bappeda: Caller = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "bappeda",
  role: "district_tpps",
  regionCode: "35.03",
};
const bappedaLain: Caller = {
  id: "00000000-0000-4000-8000-000000000002",
  username: "bappeda-lain",
  role: "district_tpps",
  regionCode: "35.04",
};
const penilai: Caller = {
  id: "00000000-0000-4000-8000-000000000003",
  username: "penilai",
  role: "provincial_assessor",
  regionCode: "35",
};
const dinkes: Caller = {
  id: "00000000-0000-4000-8000-000000000004",
  username: "dinkes",
  role: "district_health",
  regionCode: "35.03",
};

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const EXE = Buffer.from("MZ\x90\x00 this is not a document");

async function rejects(p: Promise<unknown>): Promise<{ code?: string; reason?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; reason?: string; message: string };
  }
  throw new Error("expected the call to fail");
}

describeEachEngine("aksi cycle", (t) => {
  let aksi: AksiService;
  let files: AksiEvidenceService;
  let dir: string;
  let cycleId: string;

  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await loadRegions(t.database, { prefix: "35.04" });
    const repos = new Repositories(t.database.db);
    dir = mkdtempSync(join(tmpdir(), "tumbuh-aksi-evidence-"));
    aksi = new AksiService(repos);
    files = new AksiEvidenceService(repos, dir);
  });

  it("opens a district's cycle under the year's configuration, once", async () => {
    const c = await aksi.open(bappeda, "35.03", 2025);
    cycleId = c.id;
    expect(c).toMatchObject({
      districtCode: "35.03",
      year: 2025,
      configVersion: "transformasi-2025",
      progressPct: 0,
      band: "merah",
    });
    expect((await rejects(aksi.open(bappeda, "35.03", 2025))).code).toBe("conflict");
    expect((await rejects(aksi.open(bappeda, "35.04", 2025))).reason).toBe("scope");
    expect((await rejects(aksi.open(penilai, "35.03", 2024))).reason).toBe("permission");
    expect((await rejects(aksi.open(dinkes, "35.03", 2024))).reason).toBe("permission");
    expect((await rejects(aksi.open(bappeda, "35.03", 2017))).code).toBe("bad_request");
    const d = await aksi.detail(bappeda, cycleId);
    expect(d.entries.map((e) => e.aksiCode)).toEqual(["U1", "U2", "U3", "U4", "P1", "P2"]);
    expect(d.entries.every((e) => e.status === "belum" && e.version === 1)).toBe(true);
    expect(d).toMatchObject({ canEdit: true, canReview: false, missingCount: 12 }); // 4 + 3 + 1 + 2 + 1 + 1 outputs;
  });

  it("keeps another district's drafts out of sight", async () => {
    expect((await rejects(aksi.detail(bappedaLain, cycleId))).code).toBe("not_found");
    expect((await rejects(aksi.list(bappedaLain, "35.03"))).reason).toBe("scope");
    expect(await aksi.list(bappedaLain, "35.04")).toEqual([]);
    expect((await aksi.list(penilai, "35")).map((c) => c.districtCode)).toEqual(["35.03"]);
  });

  it("counts progress from outputs, status and review (hand-computed)", async () => {
    // U1 has 4 outputs: two marked done → 80 × 2/4 = 40 %; the district's mean over 6 aksi = 40/6.
    let d = await aksi.update(bappeda, cycleId, "U1", {
      status: "proses",
      notes: "Data e-PPGBM Agustus 2025 dipakai",
      outputsDone: ["U1.ansit-eppgbm", "U1.sasaran-kecamatan"],
      version: 1,
    });
    const u1 = () => d.entries.find((e) => e.aksiCode === "U1");
    expect(u1()).toMatchObject({ status: "proses", progressPct: 40, version: 2 });
    expect(d.cycle.progressPct).toBeCloseTo(40 / 6, 9);
    expect(d.cycle.band).toBe("merah");
    // A stale version is refused with the current record.
    expect((await rejects(aksi.update(bappeda, cycleId, "U1", { notes: "x", version: 1 }))).code).toBe(
      "stale_version",
    );
    expect(
      (await rejects(aksi.update(bappeda, cycleId, "U1", { outputsDone: ["U9.x"], version: 2 }))).code,
    ).toBe("bad_request");

    // A PDF for the lokus decision: 80 × 3/4 = 60 %.
    const ev = await files.add(
      bappeda,
      cycleId,
      "U1",
      "U1.rekomendasi-lokus",
      "SK Desa Lokus 2026.pdf",
      Readable.from([PDF]),
    );
    expect(ev).toMatchObject({
      mediaType: "application/pdf",
      sizeBytes: PDF.length,
      sha256: createHash("sha256").update(PDF).digest("hex"),
    });
    expect(readFileSync(join(dir, ev.sha256)).equals(PDF)).toBe(true);
    // Declared done with one output still missing: 60 + 10 = 70 %, with a warning.
    d = await aksi.update(bappeda, cycleId, "U1", { status: "selesai", version: 2 });
    expect(u1()).toMatchObject({ status: "selesai", progressPct: 70 });
    expect(u1()?.warnings).toEqual(["status selesai but 1 required output(s) missing"]);
    expect(u1()?.outputs.find((o) => o.code === "U1.kendala-anggaran")?.present).toBe(false);
    expect(d.cycle.progressPct).toBeCloseTo(70 / 6, 9); // 11.67 % → merah (< 13 %)
    expect(d.cycle.band).toBe("merah");

    // The province accepts: 70 + 10 = 80 %; 80 / 6 = 13.33 % → kuning (13–25 %).
    const r = await aksi.review(penilai, cycleId, "U1", {
      comment: "Lengkapi kendala anggaran tahun depan",
      accept: true,
      version: 3,
    });
    expect(r.entries.find((e) => e.aksiCode === "U1")).toMatchObject({
      status: "direviu",
      progressPct: 80,
      reviewComment: "Lengkapi kendala anggaran tahun depan",
    });
    expect(r.cycle.progressPct).toBeCloseTo(80 / 6, 9);
    expect(r.cycle.band).toBe("kuning");
    expect(r.canReview).toBe(true);
  });

  it("lets only the province review, only a selesai aksi be accepted, and locks a reviewed aksi", async () => {
    expect(
      (await rejects(aksi.review(bappeda, cycleId, "U2", { comment: "", accept: true, version: 1 }))).reason,
    ).toBe("permission");
    expect(
      (await rejects(aksi.review(penilai, cycleId, "U2", { comment: "", accept: true, version: 1 }))).code,
    ).toBe("conflict");
    expect((await rejects(aksi.update(bappeda, cycleId, "U1", { notes: "ubah", version: 4 }))).code).toBe(
      "conflict",
    );
    expect((await rejects(aksi.update(penilai, cycleId, "U2", { notes: "ubah", version: 1 }))).reason).toBe(
      "permission",
    );
    // Returned to the district: back to proses with the comment.
    await aksi.update(bappeda, cycleId, "U2", { status: "selesai", version: 1 });
    const r = await aksi.review(penilai, cycleId, "U2", {
      comment: "Tagging APBD belum ada",
      accept: false,
      version: 2,
    });
    expect(r.entries.find((e) => e.aksiCode === "U2")).toMatchObject({
      status: "proses",
      reviewComment: "Tagging APBD belum ada",
    });
  });

  it("refuses a file that is not a document and keeps downloads inside the scope", async () => {
    const bad = await rejects(files.add(bappeda, cycleId, "U2", null, "laporan.pdf", Readable.from([EXE])));
    expect(bad.code).toBe("bad_request");
    expect(bad.message).toContain("is not a PDF");
    expect(
      (await rejects(files.add(bappeda, cycleId, "U2", "U1.ansit-eppgbm", "a.pdf", Readable.from([PDF]))))
        .code,
    ).toBe("bad_request");
    expect(
      (await rejects(files.add(bappedaLain, cycleId, "U2", null, "a.pdf", Readable.from([PDF])))).code,
    ).toBe("not_found");
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    expect(
      (await rejects(files.add(bappeda, cycleId, "U2", null, "besar.pdf", Readable.from([big])))).code,
    ).toBe("payload_too_large");

    const ev = await files.add(bappeda, cycleId, "U2", null, "../rencana.pdf", Readable.from([PDF]));
    expect(ev.fileName).toBe("rencana.pdf");
    expect((await files.download(penilai, ev.id)).fileName).toBe("rencana.pdf");
    expect((await files.download(dinkes, ev.id)).mediaType).toBe("application/pdf");
    expect((await rejects(files.download(bappedaLain, ev.id))).code).toBe("not_found");
    expect((await rejects(files.remove(dinkes, ev.id))).reason).toBe("permission");
    await files.remove(bappeda, ev.id);
    expect((await rejects(files.download(bappeda, ev.id))).code).toBe("not_found");
    const u1File = (await aksi.detail(bappeda, cycleId)).entries.find((e) => e.aksiCode === "U1")
      ?.evidence[0];
    expect((await rejects(files.remove(bappeda, u1File?.id ?? ""))).code).toBe("conflict");
  });

  it("shows each aksi's history, newest first", async () => {
    const h = await aksi.history(penilai, cycleId, "U1");
    expect(h.entries.map((e) => `${e.username}:${e.action}`)).toEqual([
      "penilai:review_accept",
      "bappeda:update",
      "bappeda:evidence_add",
      "bappeda:update",
    ]);
    expect(h.entries[0]).toMatchObject({ before: { status: "selesai" }, after: { status: "direviu" } });
    expect((await rejects(aksi.history(bappedaLain, cycleId, "U1"))).code).toBe("not_found");
  });

  it("puts the province's districts side by side in traffic-light bands", async () => {
    const p = await aksi.provinceProgress(penilai, "35", 2025);
    expect(p.bands).toEqual({ hijauAbove: 25, merahBelow: 13 });
    const byCode = new Map(p.districts.map((d) => [d.code, d]));
    expect(byCode.get("35.03")).toMatchObject({ band: "kuning", selesai: 1, direviu: 1, aksiCount: 6 });
    expect(byCode.get("35.03")?.progressPct).toBeCloseTo(80 / 6, 9);
    expect(byCode.get("35.04")).toMatchObject({ cycleId: null, progressPct: null, band: null });
    expect((await rejects(aksi.provinceProgress(bappeda, "35", 2025))).reason).toBe("scope");
  });
});
