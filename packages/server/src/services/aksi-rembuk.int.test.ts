import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/access.ts";
import { keysFromMaster } from "../db/pii.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { createServices, type Services } from "./index.ts";
import { loadRegions } from "./regions.ts";
import { ResponseCache } from "./response-cache.ts";

const bappeda: Actor & { username: string } = {
  id: "00000000-0000-4000-8000-0000000000c1",
  username: "bappeda",
  role: "district_tpps",
  regionCode: "35.03",
};

async function text(pdf: Buffer): Promise<string> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(proxy, { mergePages: true })).text.replace(/\s+/g, " ");
}

const MEETING = {
  level: "village" as const,
  regionCode: "35.03.01.2001",
  heldOn: "2025-02-03",
  place: "Balai desa",
  agenda: [],
  commitment: "",
  participants: [],
  activities: [],
  followUps: [],
};

describeEachEngine("rembuk stunting service", (ctx) => {
  let s: Services;
  let cycleId = "";

  beforeAll(async () => {
    await loadRegions(ctx.database, { prefix: "35.03" });
    s = createServices({
      database: ctx.database,
      keys: keysFromMaster(Buffer.alloc(32, 7)),
      now: () => new Date(),
      demo: { synthetic: true, districtCode: "35.03" },
      uploadDir: "/tmp",
      cache: new ResponseCache(0),
    });
    cycleId = (await s.aksi.open(bappeda, "35.03", 2025)).id;
  });

  it("prints a village rembuk with nothing but its date and place: dashes, no signature block, the demo mark", async () => {
    const r = await s.aksiRembuk.create(bappeda, cycleId, MEETING);
    expect(r).toMatchObject({
      level: "village",
      regionName: expect.any(String),
      participants: [],
      version: 1,
    });
    const { fileName, pdf } = await s.aksiRembuk.beritaAcara(bappeda, r.id);
    expect(fileName).toMatch(/^berita-acara-rembuk-stunting-.*2025-02-03\.pdf$/);
    const t = await text(pdf);
    expect(t).toContain("Berita Acara Rembuk Stunting");
    expect(t).toContain(`Desa/Kelurahan ${r.regionName} — Tahun 2025`);
    expect(t).toContain("3 Februari 2025");
    expect(t).toContain("Jumlah peserta : 0");
    expect(t).toContain("Komitmen —");
    expect(t).toContain("DATA SINTETIS");
    // No signatory: no signature block (it would open with "<place>, <date>").
    expect(t).not.toContain(`${r.regionName}, 3 Februari 2025`);
  });

  it("refuses a region that is not at the meeting's level or not in the district", async () => {
    await expect(
      s.aksiRembuk.create(bappeda, cycleId, { ...MEETING, regionCode: "35.03.01" }),
    ).rejects.toMatchObject({
      code: "bad_request",
      details: { field: "regionCode" },
    });
    await expect(
      s.aksiRembuk.create(bappeda, cycleId, { ...MEETING, level: "district", regionCode: "35.04" }),
    ).rejects.toMatchObject({ details: { field: "regionCode" } });
    await expect(
      s.aksiRembuk.create(bappeda, cycleId, { ...MEETING, regionCode: "35.03.01.2999" }),
    ).rejects.toMatchObject({ details: { field: "regionCode" } });
  });
});
