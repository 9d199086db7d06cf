import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/access.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { AksiService } from "./aksi.ts";
import { PenilaianService } from "./penilaian.ts";
import { loadRegions } from "./regions.ts";
import { UserService } from "./users.ts";

type Caller = Actor & { username: string };

/** A small instrument whose results are easy to compute by hand. */
const INSTRUMENT = {
  version: "uji-2025",
  year: 2025,
  regionCode: "35",
  source: "test instrument (synthetic)",
  confidence: "mem",
  gradeScale: [
    { grade: "A", score: 100 },
    { grade: "B", score: 75 },
    { grade: "C", score: 50 },
    { grade: "D", score: 25 },
  ],
  components: [
    {
      code: "aksi",
      name: "Aksi",
      weight: 0.8,
      items: ["1.1", "1.2"].map((code) => ({
        code,
        name: `Indikator ${code}`,
        aksi: "U1",
        weight: 1,
        scoring: "grade",
        descriptors: { A: "a", B: "b", C: "c", D: "d" },
      })),
    },
    {
      code: "pengisian",
      name: "Pengisian web",
      weight: 0.2,
      items: [
        {
          code: "pengisian.web",
          name: "Pengisian",
          aksi: null,
          weight: 1,
          scoring: "number",
          descriptors: {},
        },
      ],
    },
  ],
  awards: { terbaik: 3, kategoriKhusus: [] },
  scoreDecimals: 2,
  rankIncomplete: false,
};

async function rejects(p: Promise<unknown>): Promise<{ code?: string; reason?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; reason?: string; message: string };
  }
  throw new Error("expected the call to fail");
}

describeEachEngine("penilaian kinerja", (t) => {
  let pk: PenilaianService;
  let aksi: AksiService;
  let id = "";
  const admin: Caller = {
    id: "00000000-0000-4000-8000-00000000000a",
    username: "jatim",
    role: "provincial_admin",
    regionCode: "35",
  };
  const bappeda: Caller = {
    id: "00000000-0000-4000-8000-00000000000b",
    username: "bappeda",
    role: "district_tpps",
    regionCode: "35.03",
  };
  const bappedaLain: Caller = {
    id: "00000000-0000-4000-8000-00000000000c",
    username: "bappeda-lain",
    role: "district_tpps",
    regionCode: "35.04",
  };
  let p1: Caller;
  let p2: Caller;
  let outsider: Caller;

  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    await loadRegions(t.database, { prefix: "35.04" });
    await loadRegions(t.database, { prefix: "33.01" });
    const repos = new Repositories(t.database.db);
    const users = new UserService(repos);
    const mk = async (username: string, role: Caller["role"], regionCode: string): Promise<Caller> => {
      const u = await users.createInitial({
        username,
        displayName: username,
        password: "rahasia-123",
        role,
        regionCode,
      });
      return { id: u.id, username, role, regionCode };
    };
    p1 = await mk("panelis-1", "provincial_assessor", "35");
    p2 = await mk("panelis-2", "provincial_assessor", "35");
    outsider = await mk("penilai-jateng", "provincial_assessor", "33");
    aksi = new AksiService(repos);
    pk = new PenilaianService(repos, aksi);
    // Trenggalek has a 2025 cycle: U1 with 2 of its 4 outputs done → 40 % of one aksi of 6 = 6.67 %.
    const cycle = await aksi.open(bappeda, "35.03", 2025);
    await aksi.update(bappeda, cycle.id, "U1", {
      outputsDone: ["U1.ansit-eppgbm", "U1.sasaran-kecamatan"],
      version: 1,
    });
  });

  it("is opened and paneled by the province only", async () => {
    expect((await rejects(pk.open(bappeda, "35", 2025, INSTRUMENT))).reason).toBe("permission");
    expect((await rejects(pk.open(p1, "35", 2025, INSTRUMENT))).reason).toBe("permission");
    const bad = await rejects(
      pk.open(admin, "35", 2025, { ...INSTRUMENT, gradeScale: [{ grade: "A", score: 100 }] }),
    );
    expect(bad.code).toBe("bad_request");
    const v = await pk.open(admin, "35", 2025, INSTRUMENT);
    id = v.id;
    expect(v.districts.map((d) => d.code)).toEqual(["35.03", "35.04"]);
    expect((await rejects(pk.open(admin, "35", 2025, INSTRUMENT))).code).toBe("conflict");
    expect((await rejects(pk.setPanel(admin, id, [{ userId: outsider.id, role: "ketua" }]))).code).toBe(
      "bad_request",
    );
    expect((await rejects(pk.setPanel(admin, id, [{ userId: p1.id, role: "anggota" }]))).code).toBe(
      "bad_request",
    );
    const panel = await pk.setPanel(admin, id, [
      { userId: p1.id, role: "ketua" },
      { userId: p2.id, role: "anggota" },
    ]);
    expect(panel.panel.map((p) => `${p.username}:${p.role}`)).toEqual([
      "panelis-1:ketua",
      "panelis-2:anggota",
    ]);
    expect((await rejects(pk.view(bappeda, id))).code).toBe("not_found"); // no district sees the drafts
    expect((await rejects(pk.view(outsider, id))).code).toBe("not_found");
  });

  it("lets panelists only grade, with grades of the scale", async () => {
    const g = (who: Caller, districtCode: string, itemCode: string, grade: string | null) =>
      pk.grade(who, id, { districtCode, itemCode, grade, note: "" });
    expect((await rejects(g(p1, "35.03", "1.1", "E"))).code).toBe("bad_request");
    expect((await rejects(g(p1, "35.03", "pengisian.web", "A"))).code).toBe("bad_request");
    expect((await rejects(g(admin, "35.03", "1.1", "A"))).reason).toBe("permission");
    expect((await rejects(g(outsider, "35.03", "1.1", "A"))).code).toBe("not_found");
    expect((await rejects(pk.result(p2, id))).reason).toBe("permission"); // a member; p1 chairs
    // 35.03: 1.1 A, B → 87.5; 1.2 B, B → 75. 35.04: 1.1 B, C → 62.5; 1.2 A, A → 100.
    await g(p1, "35.03", "1.1", "C");
    await g(p1, "35.03", "1.1", "A"); // changed: the last grade counts
    await g(p2, "35.03", "1.1", "B");
    await g(p1, "35.03", "1.2", "B");
    await g(p2, "35.03", "1.2", "B");
    await g(p1, "35.04", "1.1", "B");
    await g(p2, "35.04", "1.1", "C");
    await g(p1, "35.04", "1.2", "A");
  });

  it("scores and ranks (hand-computed); a missing grade is left out of the mean, not counted as 0", async () => {
    await pk.fillFromPantauAksi(admin, id); // 35.03: 40/6 = 6.667 %; 35.04 no cycle: 0 %
    let r = await pk.result(admin, id);
    const d = (code: string) => r.districts.find((x) => x.code === code);
    // 35.03: aksi (87.5 + 75) / 2 = 81.25; total 0.8 × 81.25 + 0.2 × 6.667 = 66.333 → 66.33.
    expect(d("35.03")).toMatchObject({ total: 66.33, rank: 1, complete: true, awards: ["Terbaik I"] });
    // 35.04 misses panelis-2's grade of 1.2: 1.2 = 100 from one panelist, still scored; complete.
    expect(d("35.04")?.items.find((i) => i.itemCode === "1.2")?.missingPanelists).toEqual([p2.id]);
    await pk.grade(p2, id, { districtCode: "35.04", itemCode: "1.2", grade: "A", note: "Paparan jelas" });
    r = await pk.result(admin, id);
    // 35.04: aksi (62.5 + 100) / 2 = 81.25; total 0.8 × 81.25 + 0.2 × 0 = 65.00.
    expect(d("35.04")).toMatchObject({ total: 65, rank: 2, awards: ["Terbaik II"] });
  });

  it("shows nothing before publication, then each district its own result", async () => {
    expect((await rejects(pk.published(null, "35", 2025))).code).toBe("not_found");
    expect((await rejects(pk.published(bappeda, "35", 2025))).code).toBe("not_found");
    await pk.recommend(admin, id, "35.04", "Lengkapi pengisian web aksi konvergensi");
    expect((await rejects(pk.publish(admin, id, " ", 1))).code).toBe("bad_request");
    expect((await rejects(pk.publish(admin, id, "400.7/123/Bappeda/2025", 0))).code).toBe("stale_version");
    await pk.publish(admin, id, "400.7/123/Bappeda/2025", 1);
    expect(
      (await rejects(pk.grade(p1, id, { districtCode: "35.03", itemCode: "1.1", grade: "D", note: "" })))
        .code,
    ).toBe("conflict");

    const pub = await pk.published(null, "35", 2025);
    expect(pub.decreeNumber).toBe("400.7/123/Bappeda/2025");
    expect(pub.ranking.map((x) => [x.code, x.total, x.rank])).toEqual([
      ["35.03", 66.33, 1],
      ["35.04", 65, 2],
    ]);
    expect(pub.own).toBeNull();
    const own = await pk.published(bappedaLain, "35", 2025);
    expect(own.own).toMatchObject({
      code: "35.04",
      total: 65,
      recommendation: "Lengkapi pengisian web aksi konvergensi",
    });
    expect((await pk.published(bappeda, "35", 2025)).own?.code).toBe("35.03");
  });
});
