/**
 * The demo district's families, TPK work, TPPS teams and a mini lokakarya (synthetic): in the
 * kecamatan of the busiest village, the children the posyandu flagged (stunted, faltering) become
 * TPK targets, each with a family whose at-risk factors are drawn from a seeded generator; about
 * two in three of them had a visit in the last two months; the pregnant mothers of those families
 * and a bride-to-be are targets too; the district and kecamatan TPPS (one
 * person on both) and one past meeting with its checklist and recommendations.
 */
import { randomUUID } from "node:crypto";
import { districtOfCode, personKey } from "@tumbuh/core";
import {
  addMonths,
  assessKeluargaBerisiko,
  DEFAULT_MINILOK_CHECKLIST,
  LATRINES,
  semesterOf,
  tpkTargetFromPosyandu,
  WATER_SOURCES,
} from "@tumbuh/core/programme";
import type { Repositories } from "../db/repositories/index.ts";
import { posyanduFlags } from "./tpk.ts";

/** A small seeded generator (mulberry32), so the demo is the same on every start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const MOTHERS = ["Siti", "Sri", "Dewi", "Rina", "Lestari", "Wahyuni", "Nur", "Yuli", "Endah", "Tutik"];
const FATHERS = ["Slamet", "Joko", "Agus", "Budi", "Heru", "Sugeng", "Wahyu", "Eko", "Bambang", "Suparno"];

export interface KeluargaDemoReport {
  families: number;
  targets: number;
  visits: number;
}

/** Seeds the programme's field work in the kecamatan of `village`; `today` is YYYY-MM-DD. */
export async function seedKeluargaDemo(
  repos: Repositories,
  opts: { village: string; today: string; seed?: number },
): Promise<KeluargaDemoReport> {
  const rand = random(opts.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const district = districtOfCode(opts.village);
  const kecamatan = opts.village.slice(0, 8);
  const villages = (await repos.regions.children(kecamatan))
    .filter((v) => v.level === "village")
    .map((v) => v.code);
  const growth = await repos.tpk.childrenGrowth(kecamatan, opts.today);
  const lastWeighing = growth
    .flatMap((c) => c.measurements.map((m) => m.date))
    .reduce((a, b) => (a > b ? a : b), "0000-00-00");
  const on = lastWeighing === "0000-00-00" ? opts.today : lastWeighing;
  const semester = semesterOf(opts.today);
  let families = 0;
  let targets = 0;
  let visits = 0;

  await repos.transaction(async (tx) => {
    const teamId = randomUUID();
    await tx.tpk.insertTeam(
      {
        district_code: district,
        id: teamId,
        name: "TPK Demo 1",
        bidan_name: "Bidan Sintetis",
        pkk_name: "Kader PKK Sintetis",
        kb_name: "Kader KB Sintetis",
      },
      villages,
    );
    for (const c of growth) {
      const flagged = tpkTargetFromPosyandu({ birthDate: c.birth_date, flags: posyanduFlags(c, on) }, on);
      // every flagged child, and one in four of the others of the busiest village, has a family on record
      if (!flagged && !(c.village_code === opts.village && rand() < 0.25)) continue;
      const familyId = randomUUID();
      const motherBirth = addDays(c.birth_date, -Math.round((17 + rand() * 22) * 365.25));
      const siblings = rand() < 0.5 ? [addDays(c.birth_date, -Math.round((12 + rand() * 60) * 30.4))] : [];
      const children = [...siblings.map((b) => ({ birthDate: b })), { birthDate: c.birth_date }];
      const waterSource = rand() < 0.25 ? pick(WATER_SOURCES.slice(4)) : pick(WATER_SOURCES.slice(0, 4));
      const latrine = rand() < 0.3 ? pick(LATRINES.slice(1)) : LATRINES[0];
      // the first family on record expects a child, so the demo has a pregnancy to accompany
      const pregnant = families === 0 || rand() < 0.1;
      const a = assessKeluargaBerisiko(
        { motherBirthDate: motherBirth, children, waterSource, latrine },
        opts.today,
      );
      await tx.families.insert(
        {
          district_code: district,
          id: familyId,
          village_code: c.village_code,
          semester,
          data_source: "pk",
          head_name: `${pick(FATHERS)} (keluarga ${c.name})`,
          mother_name: pick(MOTHERS),
          mother_birth_date: motherBirth,
          pregnant,
          children_recorded: true,
          water_source: waterSource,
          latrine,
          rt: String(1 + Math.floor(rand() * 6)).padStart(3, "0"),
          rw: String(1 + Math.floor(rand() * 3)).padStart(3, "0"),
          address: null,
          assessed_on: opts.today,
          krs_rule: a.rule,
          krs_verdict: a.verdict,
          krs_factors: JSON.stringify(a.factors),
        },
        children.map((ch, i) => ({
          district_code: district,
          id: randomUUID(),
          family_id: familyId,
          position: i + 1,
          name: i === children.length - 1 ? c.name : `Kakak ${c.name}`,
          birth_date: ch.birthDate,
          child_id: i === children.length - 1 ? c.id : null,
        })),
      );
      families++;
      if (pregnant) {
        await tx.tpk.insertTarget({
          district_code: district,
          id: randomUUID(),
          village_code: c.village_code,
          kind: "ibu_hamil",
          name: `Ibu ${c.name.split(" ")[0]} (sintetis)`,
          family_id: familyId,
          child_id: null,
          source: "keluarga",
          reasons: null,
          since: on,
        });
        targets++;
      }
      if (!flagged) continue;
      const targetId = randomUUID();
      await tx.tpk.insertTarget({
        district_code: district,
        id: targetId,
        village_code: c.village_code,
        kind: flagged.kind,
        name: c.name,
        family_id: familyId,
        child_id: c.id,
        source: "posyandu",
        reasons: JSON.stringify(flagged.reasons),
        since: on,
      });
      targets++;
      if (rand() < 0.66) {
        const visitedOn = addDays(opts.today, -Math.floor(1 + rand() * 55));
        await tx.tpk.insertVisit({
          district_code: district,
          id: randomUUID(),
          target_id: targetId,
          team_id: teamId,
          village_code: c.village_code,
          visited_on: visitedOn,
          visit_type: pick(["penyuluhan", "penyuluhan", "rujukan", "bansos"] as const),
          findings: "Kunjungan demo (sintetis)",
          follow_up: null,
          follow_up_due: null,
          created_by: null,
        });
        visits++;
      }
    }

    // a bride-to-be of the busiest village, named by the KUA two months before the wedding and
    // screened at a visit (not at risk)
    const catin = randomUUID();
    await tx.tpk.insertTarget({
      district_code: district,
      id: catin,
      village_code: opts.village,
      kind: "catin",
      name: "Calon Pengantin Sintetis",
      family_id: null,
      child_id: null,
      source: "manual",
      reasons: null,
      since: on,
      wedding_date: addMonths(opts.today, 2),
    });
    targets++;
    await tx.tpk.insertVisit({
      district_code: district,
      id: randomUUID(),
      target_id: catin,
      team_id: teamId,
      village_code: opts.village,
      visited_on: addDays(opts.today, -7),
      visit_type: "penyuluhan",
      findings: "Bimbingan siap nikah; skrining Elsimil (sintetis)",
      follow_up: null,
      follow_up_due: null,
      lila_cm: 24.6,
      hb_gdl: 12.8,
      elsimil: "ideal",
      created_by: null,
    });
    visits++;
    // a bride of early 2025, accompanied before her wedding and found at risk (anaemic, LiLA under
    // 23.5 cm): a case for the Audit Kasus Stunting of 2025-S1; her accompaniment has ended
    const pastCatin = randomUUID();
    await tx.tpk.insertTarget({
      district_code: district,
      id: pastCatin,
      village_code: opts.village,
      kind: "catin",
      name: "Catin Berisiko Sintetis",
      family_id: null,
      child_id: null,
      source: "manual",
      reasons: null,
      since: "2025-02-17",
      wedding_date: "2025-05-17",
      active: false,
    });
    await tx.tpk.insertVisit({
      district_code: district,
      id: randomUUID(),
      target_id: pastCatin,
      team_id: teamId,
      village_code: opts.village,
      visited_on: "2025-03-20",
      visit_type: "rujukan",
      findings: "Pucat, mudah lelah; dirujuk ke puskesmas untuk tablet tambah darah (sintetis)",
      follow_up: "Periksa Hb ulang",
      follow_up_due: "2025-04-20",
      lila_cm: 22.6,
      hb_gdl: 11.2,
      elsimil: "berisiko",
      created_by: null,
    });
    visits++;

    // TPPS: the district's and the kecamatan's teams; the camat sits on both
    const camat = {
      id: randomUUID(),
      scope_code: district,
      name: "Camat Sintetis",
      name_key: personKey("Camat Sintetis"),
    };
    const wabup = {
      id: randomUUID(),
      scope_code: district,
      name: "Wakil Bupati Sintetis",
      name_key: personKey("Wakil Bupati Sintetis"),
    };
    await tx.tpps.insertPerson(camat);
    await tx.tpps.insertPerson(wabup);
    const year = Number(opts.today.slice(0, 4));
    const districtTeam = randomUUID();
    const kecTeam = randomUUID();
    await tx.tpps.insertTeam({
      id: districtTeam,
      region_code: district,
      level: "district",
      name: "TPPS Kabupaten (demo)",
      decree_number: `188.45/1/406.013/${year}`,
      decree_date: `${year}-01-15`,
      period_from: `${year}-01-01`,
      period_to: `${year + 1}-12-31`,
    });
    await tx.tpps.insertTeam({
      id: kecTeam,
      region_code: kecamatan,
      level: "subdistrict",
      name: "TPPS Kecamatan (demo)",
      decree_number: `188/2/406.${kecamatan.slice(6)}/${year}`,
      decree_date: `${year}-02-01`,
      period_from: `${year}-02-01`,
      period_to: null,
    });
    const seat = (
      team: string,
      person: string,
      role: "ketua" | "bidang" | "sekretaris",
      agency: string,
      bidang: string | null = null,
    ) =>
      tx.tpps.insertMember({
        id: randomUUID(),
        team_id: team,
        person_id: person,
        role,
        agency,
        bidang,
        position_title: null,
      });
    await seat(districtTeam, wabup.id, "ketua", "Pemerintah Kabupaten");
    await seat(districtTeam, camat.id, "bidang", "Kecamatan", "Pelayanan Intervensi");
    await seat(kecTeam, camat.id, "ketua", "Kecamatan");

    // one past mini lokakarya with its checklist and two recommendations (one open, one done)
    const meetingId = randomUUID();
    const heldOn = addDays(opts.today, -30);
    await tx.minilok.insertMeeting({
      id: meetingId,
      district_code: district,
      subdistrict_code: kecamatan,
      held_on: heldOn,
      place: "Aula Kecamatan (demo)",
      review_from: addMonths(addDays(heldOn, 1), -3),
      review_to: addDays(heldOn, 1),
      semester,
      participants: JSON.stringify([
        { name: "Camat Sintetis", agency: "Kecamatan", role: "Pimpinan rapat" },
        { name: "Kepala Puskesmas Sintetis", agency: "Puskesmas", role: null },
        { name: "PLKB Sintetis", agency: "Dinas PPKB", role: null },
      ]),
      notes: null,
      checklist_version: DEFAULT_MINILOK_CHECKLIST.version,
      checklist_source: DEFAULT_MINILOK_CHECKLIST.source,
      checklist_confidence: DEFAULT_MINILOK_CHECKLIST.confidence,
      created_by: null,
    });
    await tx.minilok.replaceChecklist(
      meetingId,
      DEFAULT_MINILOK_CHECKLIST.items.map((item, i) => ({
        meeting_id: meetingId,
        position: i + 1,
        code: item.code,
        item_group: item.group,
        label: item.label,
        met: i % 3 !== 2,
        note: null,
      })),
    );
    for (const [action, owner, due, status] of [
      ["Kunjungi semua sasaran yang belum didampingi", "Koordinator TPK", addDays(heldOn, 21), "belum"],
      ["Verifikasi ulang data keluarga berisiko", "PLKB", addDays(heldOn, 14), "selesai"],
    ] as const)
      await tx.minilok.insertRecommendation({
        id: randomUUID(),
        meeting_id: meetingId,
        subdistrict_code: kecamatan,
        village_code: null,
        action,
        owner,
        due_on: due,
        status,
        status_note: null,
        closed_on: status === "selesai" ? addDays(heldOn, 10) : null,
      });
  });
  return { families, targets, visits };
}
