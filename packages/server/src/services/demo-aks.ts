/**
 * The demo's Audit Kasus Stunting: Semester I 2025 of the demo district (the synthetic data runs
 * to August 2025, so the evaluation at Semester II has measurements), opened by the district TPPS
 * demo account (ketua) with the health office demo account on the team (tim teknis), a named expert
 * panel, three cases found in the synthetic data at different steps (reviewed with a follow-up
 * plan; worksheet written; just selected), and the dissemination meeting. Other found cases are
 * left for the demo user to select.
 */
import { todayInIndonesia } from "@tumbuh/core";
import type { AksCandidate, Role } from "@tumbuh/core/api";
import type { Repositories } from "../db/repositories/index.ts";
import { AuditKasusService } from "./audit-kasus.ts";
import { AuditKasusPlanService } from "./audit-kasus-plan.ts";
import type { Caller } from "./child-access.ts";

const DEMO_AKS_SEMESTER = "2025-S1";

/** Opens the demo audit and walks three cases through it; returns how many cases were selected. */
export async function createDemoAudit(
  repos: Repositories,
  district: string,
  accounts: { ketua: string; timTeknis: string },
): Promise<number> {
  const user = await repos.users.findByUsername(accounts.ketua);
  if (!user) return 0;
  const ketua: Caller = {
    id: user.id,
    username: user.username,
    role: user.role as Role,
    regionCode: user.region_code,
  };
  const aks = new AuditKasusService(repos);
  const plan = new AuditKasusPlanService(repos);
  const today = todayInIndonesia(new Date());
  const cycle = await aks.createCycle(ketua, {
    districtCode: district,
    semester: DEMO_AKS_SEMESTER,
    team: [{ username: accounts.timTeknis, role: "tim_teknis" }],
    panel: [
      { name: "dr. Ratna Sintetis, Sp.A", role: "ketua tim pakar", expertise: "dokter spesialis anak" },
      { name: "dr. Budi Sintetis, Sp.OG", role: "anggota", expertise: "dokter spesialis kebidanan" },
      { name: "Sari Sintetis, S.Gz", role: "anggota", expertise: "ahli gizi" },
    ],
  });
  const { candidates } = await aks.candidates(ketua, cycle.id);
  const pick = (reason: string, taken: readonly AksCandidate[]) =>
    candidates.find((c) => !taken.includes(c) && c.reasons[0]?.reason === reason);
  const chosen: AksCandidate[] = [];
  for (const reason of ["kasus_baru", "stunting", "gagal_tumbuh", "catin_berisiko"]) {
    const c = pick(reason, chosen) ?? candidates.find((x) => !chosen.includes(x));
    if (c) chosen.push(c);
  }
  const notes = [
    "Kasus baru di desa lokus; keluarga bersedia diwawancarai",
    "Stunting menetap; pola asuh perlu dikaji",
    "Berat badan tidak naik dua kali; dirujuk ke puskesmas",
    "Calon pengantin anemia dan LiLA kurang dari skrining Elsimil",
  ];
  for (const [i, c] of chosen.entries()) {
    const selected = await aks.select(ketua, cycle.id, {
      kind: c.kind,
      childId: c.childId ?? undefined,
      familyId: c.familyId ?? undefined,
      targetId: c.targetId ?? undefined,
      note: notes[i],
    });
    if (i > 1) continue;
    const ws = await aks.saveWorksheet(ketua, selected.id, {
      version: selected.version,
      worksheet: {
        riwayatKehamilan: "Ibu KEK saat hamil (LiLA 22 cm), periksa hamil 4 kali",
        polaMakanAsuh: "ASI eksklusif tidak tuntas; MP-ASI sejak 4 bulan, kurang protein hewani",
        layananKesehatan: "Datang ke posyandu tidak rutin",
        lingkungan: "Air minum dari sumur terbuka; jamban belum layak",
        kesimpulanTimTeknis: "Asupan gizi kurang dan sanitasi belum layak",
      },
    });
    if (i > 0) continue;
    await aks.saveReview(
      ketua,
      selected.id,
      {
        version: ws.version,
        reviewedOn: "2025-07-10",
        review: "Penyebab utama asupan protein kurang sejak usia 6 bulan, diperberat sanitasi",
        recommendations: "PMT pemulihan 90 hari; konseling MP-ASI bagi ibu; bantuan jamban sehat",
      },
      today,
    );
    for (const [agency, action, dueOn] of [
      ["Dinas Kesehatan", "PMT pemulihan 90 hari dan pemantauan bulanan di posyandu", "2025-10-31"],
      ["Dinas PUPR", "Bantuan jamban sehat bagi keluarga", "2025-12-31"],
    ] as const) {
      const f = await plan.addFollowup(ketua, cycle.id, { caseId: selected.id, agency, action, dueOn });
      if (agency === "Dinas Kesehatan")
        await plan.setFollowupStatus(ketua, f.id, { version: f.version, status: "berjalan" });
    }
  }
  await plan.addFollowup(ketua, cycle.id, {
    agency: "Bappeda",
    action: "Masukkan rekomendasi audit ke rencana kegiatan tahun berikutnya",
    dueOn: "2025-11-30",
  });
  const current = (await aks.cycles(ketua, district)).find((c) => c.id === cycle.id);
  if (current)
    await plan.dissemination(
      ketua,
      cycle.id,
      {
        version: current.version,
        on: "2025-07-20",
        participants: "Bappeda, Dinas Kesehatan, DP3AP2KB, Dinas PUPR, Dinas Sosial, camat",
        notes: "Rekomendasi Tim Pakar diterima; tiap OPD menyusun rencana tindak lanjut",
      },
      today,
    );
  return chosen.length;
}
