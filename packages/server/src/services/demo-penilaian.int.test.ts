import { beforeAll, expect, it } from "vitest";
import type { Actor } from "../auth/access.ts";
import { Repositories } from "../db/repositories/index.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { AksiService } from "./aksi.ts";
import { createDemoPenilaian } from "./demo-penilaian.ts";
import { PenilaianService } from "./penilaian.ts";
import { loadRegions } from "./regions.ts";
import { UserService } from "./users.ts";

type Caller = Actor & { username: string };

describeEachEngine("demo penilaian kinerja", (t) => {
  let pk: PenilaianService;
  const u: Record<string, Caller> = {};

  beforeAll(async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const repos = new Repositories(t.database.db);
    const users = new UserService(repos);
    for (const [username, role] of [
      ["jatim", "provincial_admin"],
      ["penilai", "provincial_assessor"],
      ["penilai2", "provincial_assessor"],
    ] as const) {
      const created = await users.createInitial({
        username,
        displayName: username,
        password: "rahasia-123",
        role,
        regionCode: "35",
      });
      u[username] = { id: created.id, username, role, regionCode: "35" };
    }
    pk = new PenilaianService(repos, new AksiService(repos));
    await createDemoPenilaian(t.database, repos);
  });

  it("assesses Trenggalek and Kota Batu in 2025; the chair's grades are still missing", async () => {
    const { assessments } = await pk.list(u.penilai);
    expect(assessments.map((a) => [a.year, a.seat, a.districtCount])).toEqual([[2025, "ketua", 2]]);
    const id = assessments[0].id;
    const view = await pk.view(u.jatim, id);
    expect(view.districts.map((d) => d.name)).toEqual(["KABUPATEN TRENGGALEK", "KOTA BATU"]);
    const draft = await pk.result(u.jatim, id);
    // a missing grade is left out of the mean (not 0): seven graded items × two districts flagged
    expect(draft.flags.filter((f) => f.kind === "missing" && f.panelist === u.penilai.id)).toHaveLength(14);
    expect(draft.districts.map((d) => d.complete)).toEqual([true, true]);
    // penilai2 (member) sees only their own grades
    const mine = await pk.grades(u.penilai2, id);
    expect(new Set(mine.grades.map((g) => g.username))).toEqual(new Set(["penilai2"]));
    expect(mine.values.find((v) => v.districtCode === "35.79" && v.before !== null)).toMatchObject({
      before: 18.1,
      after: 14.6,
      value: 100,
    });
  });

  it("ranks both districts once the chair grades (worked by hand)", async () => {
    const id = (await pk.list(u.penilai)).assessments[0].id;
    const items = (await pk.view(u.penilai, id)).instrument.components
      .flatMap((c) => c.items)
      .filter((i) => i.scoring === "grade");
    for (const item of items) {
      await pk.grade(u.penilai, id, { districtCode: "35.03", itemCode: item.code, grade: "A", note: "" });
      await pk.grade(u.penilai, id, { districtCode: "35.79", itemCode: item.code, grade: "B", note: "" });
    }
    const r = await pk.result(u.jatim, id);
    // 35.03: aksi 100, pengisian 72.5, paparan (75+100)/2 = 87.5, performa (100+87.5+87.5+100)/4 = 93.75,
    //   prevalence drop 2.6 pp → 75: 0.4×100 + 0.2×72.5 + 0.2×87.5 + 0.1×93.75 + 0.1×75 = 88.875
    // 35.79: aksi (75+87.5)/2 = 81.25, pengisian 81, paparan 87.5, performa (75+87.5+75+75)/4 = 78.125,
    //   prevalence drop 3.5 pp → 100: 32.5 + 16.2 + 17.5 + 7.8125 + 10 = 84.0125
    expect(r.districts.map((d) => [d.code, d.rank, d.awards])).toEqual([
      ["35.03", 1, ["Terbaik I"]],
      ["35.79", 2, ["Terbaik II"]],
    ]);
    expect(r.districts[0].totalExact).toBeCloseTo(88.875, 9);
    expect(r.districts[1].totalExact).toBeCloseTo(84.0125, 9);
  });
});
