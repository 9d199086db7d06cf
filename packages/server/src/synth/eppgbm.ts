/**
 * Synthetic e-PPGBM data: children of a district's real villages followed monthly at their
 * posyandu, with growth drawn from the WHO standards (length/height from a child's own
 * height-for-age z that drifts slowly, weight from its weight-for-length/height z), stunting
 * near 20 %, and a few messy rows like real exports have. Deterministic for a seed.
 */
import { anthroZScores, lmsRow, measureAtSd, type Sex } from "@tumbuh/growth";
import { BOYS, FLOWERS, GIRLS, MONTHS_ID, MOTHERS, SECOND } from "./names.ts";
import { Random } from "./random.ts";

/** The flat e-PPGBM export's columns (sheet RECORDS), in order and spelling. */
export const EPPGBM_FLAT_COLUMNS = [
  "NIK",
  "Nama",
  "JK",
  "Tgl Lahir",
  "BB Lahir",
  "TB Lahir",
  "Nama Ortu",
  "Prov",
  "Kab/Kota",
  "Kec",
  "Pukesmas",
  "Desa/Kel",
  "Posyandu",
  "RT",
  "RW",
  "Alamat",
  "Usia Saat Ukur",
  "Tanggal Pengukuran",
  "Bulan Pengukuran",
  "Status Bulan",
  "status tahun",
  "Berat",
  "Tinggi",
  "Cara Ukur",
  "LiLA",
  "BB/U",
  "ZS BB/U",
  "TB/U",
  "ZS TB/U",
  "BB/TB",
  "ZS BB/TB",
  "Naik Berat Badan",
  "PMT Diterima (kg)",
  "Jml Vit A",
  "KPSP",
  "KIA",
  "Detail Status",
  "status desa",
] as const;

interface SynthPlace {
  code: string;
  name: string;
}

export interface SynthDistrict {
  province: SynthPlace;
  district: SynthPlace;
  /** Subdistricts with their villages (village codes carry the kind in their first digit). */
  subdistricts: (SynthPlace & { villages: SynthPlace[] })[];
}

export interface SynthOptions {
  children: number;
  seed: number;
  /** Last month followed, 'YYYY-MM' (default 2025-08, so both bulan timbang fall inside). */
  endMonth?: string;
  /** Months followed (default 12). */
  months?: number;
  /** Share of rows made messy (default 0.004). */
  messyRate?: number;
}

const DAY_MS = 86_400_000;

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function dmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
function dec(x: number, digits: number, comma: boolean): string {
  const s = x.toFixed(digits);
  return comma ? s.replace(".", ",") : s;
}

/** e-PPGBM's "2 Tahun - 3 Bulan - 5 Hari" age text. */
function ageText(birthIso: string, atIso: string): string {
  const b = new Date(`${birthIso}T00:00:00Z`);
  const a = new Date(`${atIso}T00:00:00Z`);
  let months = (a.getUTCFullYear() - b.getUTCFullYear()) * 12 + a.getUTCMonth() - b.getUTCMonth();
  let days = a.getUTCDate() - b.getUTCDate();
  if (days < 0) {
    months--;
    days += new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 0)).getUTCDate();
  }
  return `${Math.floor(months / 12)} Tahun - ${months % 12} Bulan - ${days} Hari`;
}

const TBU_LABEL = (z: number | undefined) =>
  z === undefined ? "" : z < -3 ? "Sangat Pendek" : z < -2 ? "Pendek" : z <= 3 ? "Normal" : "Tinggi";
const BBU_LABEL = (z: number | undefined) =>
  z === undefined
    ? ""
    : z < -3
      ? "Berat Badan Sangat Kurang"
      : z < -2
        ? "Berat Badan Kurang"
        : z <= 1
          ? "Berat Badan Normal"
          : "Risiko Berat Badan Lebih";
const BBTB_LABEL = (z: number | undefined) =>
  z === undefined
    ? ""
    : z < -3
      ? "Gizi Buruk"
      : z < -2
        ? "Gizi Kurang"
        : z <= 1
          ? "Gizi Baik"
          : z <= 2
            ? "Berisiko Gizi Lebih"
            : z <= 3
              ? "Gizi Lebih"
              : "Obesitas";

interface Posyandu {
  name: string;
  day: number;
  puskesmas: string;
  subdistrict: SynthPlace;
  village: SynthPlace;
}

function nikFor(rng: Random, subdistrictCode: string, birthIso: string, sex: Sex, serial: number): string {
  const area = subdistrictCode.replace(/\./g, "");
  const day = Number(birthIso.slice(8, 10)) + (sex === 2 ? 40 : 0);
  const ddmmyy = `${String(day).padStart(2, "0")}${birthIso.slice(5, 7)}${birthIso.slice(2, 4)}`;
  return `${area}${ddmmyy}${String((serial + rng.int(0, 99)) % 10000).padStart(4, "0")}`;
}

/**
 * Yields the rows of a flat e-PPGBM file (cells as text, in EPPGBM_FLAT_COLUMNS order) for
 * `children` synthetic children of the district, month by month. `decimalComma` writes
 * numbers the Indonesian way.
 */
export function* generateEppgbmRows(
  place: SynthDistrict,
  opts: SynthOptions & { decimalComma?: boolean },
): Generator<string[]> {
  const rng = new Random(opts.seed);
  const months = opts.months ?? 12;
  const [endY, endM] = (opts.endMonth ?? "2025-08").split("-").map(Number);
  const startMs = Date.UTC(endY, endM - months, 1);
  const messyRate = opts.messyRate ?? 0.004;
  const comma = opts.decimalComma ?? false;

  // Posyandu: 2–5 per village, one puskesmas per subdistrict (two in large ones).
  const posyandu: Posyandu[] = [];
  for (const sd of place.subdistricts) {
    const pkm = [`PUSKESMAS ${sd.name.toUpperCase()}`];
    if (sd.villages.length > 15) pkm.push(`PUSKESMAS ${sd.name.toUpperCase()} II`);
    sd.villages.forEach((v, i) => {
      const n = rng.int(2, 5);
      const start = rng.int(0, FLOWERS.length - 1);
      for (let k = 0; k < n; k++) {
        const flower = FLOWERS[(start + k) % FLOWERS.length];
        posyandu.push({
          name: `${flower} ${k + 1}`,
          day: rng.int(3, 24),
          puskesmas: pkm[i % pkm.length],
          subdistrict: sd,
          village: v,
        });
      }
    });
  }
  if (posyandu.length === 0) throw new Error(`district ${place.district.code} has no villages`);

  for (let c = 0; c < opts.children; c++) {
    const pos = rng.pick(posyandu);
    const sex: Sex = rng.next() < 0.51 ? 1 : 2;
    // Born up to 50 months before the start, or during the first half of the period.
    const birthMs = startMs - rng.int(-180, 50 * 30) * DAY_MS;
    const birthIso = isoOf(birthMs);
    const first = rng.pick(sex === 1 ? BOYS : GIRLS);
    const name = rng.next() < 0.75 ? `${first} ${rng.pick(SECOND)}` : first;
    const mother = rng.pick(MOTHERS);
    const nik = rng.next() < 0.88 ? nikFor(rng, pos.subdistrict.code, birthIso, sex, c) : "";
    const hazBase = rng.normal(-0.95, 1.05);
    const whzBase = rng.normal(-0.3, 0.95);
    const birthWeight = Math.max(1.6, rng.normal(3.05, 0.45));
    const birthLength = Math.max(42, rng.normal(48.5, 2));
    const rt = String(rng.int(1, 12)).padStart(3, "0");
    const rw = String(rng.int(1, 6)).padStart(3, "0");
    const address = `DUSUN ${rng.pick(FLOWERS).toUpperCase()} RT ${rt} RW ${rw}`;
    let haz = hazBase;
    let lastWeight: number | undefined;

    for (let m = 0; m < months; m++) {
      const monthStart = Date.UTC(endY, endM - months + m, 1);
      const month = new Date(monthStart).getUTCMonth() + 1;
      const attend = month === 2 || month === 8 ? 0.95 : 0.82;
      haz += rng.normal(-0.015, 0.06);
      if (rng.next() > attend) continue;
      const dateMs = monthStart + (pos.day - 1 + rng.int(0, 2)) * DAY_MS;
      const ageDays = Math.round((dateMs - birthMs) / DAY_MS);
      if (ageDays < 0 || ageDays > 1856) continue;
      const dateIso = isoOf(dateMs);
      const day = Math.min(1856, ageDays);
      const lenRow = lmsRow("len", sex, Math.min(day, 1856));
      if (!lenRow) continue;
      const standing = ageDays >= 731;
      let measure: "l" | "h" = standing ? "h" : "l";
      if (rng.next() < 0.03) measure = standing ? "l" : "h";
      const trueLen = measureAtSd(lenRow.l, lenRow.m, lenRow.s, haz + rng.normal(0, 0.05));
      // The table is length before 731 days and height after: a lying measurement is 0.7 cm longer.
      let lenhei =
        trueLen + (measure === "l" && standing ? 0.7 : 0) - (measure === "h" && !standing ? 0.7 : 0);
      const wTable = standing ? "wfh" : "wfl";
      const key = Math.round(trueLen * 10);
      const wRow = lmsRow(
        wTable,
        sex,
        Math.min(Math.max(key, wTable === "wfl" ? 450 : 650), wTable === "wfl" ? 1100 : 1200),
      );
      if (!wRow) continue;
      let weight = measureAtSd(wRow.l, wRow.m, wRow.s, whzBase + rng.normal(0, 0.3));
      lenhei = Math.round(lenhei * 10) / 10;
      weight = Math.round(weight * 10) / 10;
      const z = anthroZScores({ sex, ageDays, weight, lenhei, measure });
      const naik = lastWeight === undefined ? "B" : weight > lastWeight ? "N" : "T";
      lastWeight = weight;
      const armc = ageDays >= 180 ? Math.round(rng.normal(14.2, 1.1) * 10) / 10 : undefined;
      const row = [
        nik,
        name.toUpperCase(),
        sex === 1 ? "L" : "P",
        dmy(birthIso),
        dec(birthWeight, 1, comma),
        dec(birthLength, 1, comma),
        mother.toUpperCase(),
        place.province.name.toUpperCase(),
        place.district.name.toUpperCase(),
        pos.subdistrict.name.toUpperCase(),
        pos.puskesmas,
        pos.village.name.toUpperCase(),
        pos.name.toUpperCase(),
        rt,
        rw,
        address,
        ageText(birthIso, dateIso),
        dmy(dateIso),
        MONTHS_ID[month - 1],
        String(month),
        dateIso.slice(0, 4),
        dec(weight, 1, comma),
        dec(lenhei, 1, comma),
        measure === "l" ? "Telentang" : "Berdiri",
        armc === undefined ? "" : dec(armc, 1, comma),
        BBU_LABEL(z.zwei),
        z.zwei === undefined ? "" : dec(z.zwei, 2, comma),
        TBU_LABEL(z.zlen),
        z.zlen === undefined ? "" : dec(z.zlen, 2, comma),
        BBTB_LABEL(z.zwfl),
        z.zwfl === undefined ? "" : dec(z.zwfl, 2, comma),
        naik,
        rng.next() < 0.1 ? dec(rng.int(1, 6) * 0.5, 1, comma) : "0",
        month === 2 || month === 8 ? (ageDays >= 180 ? "1" : "0") : "0",
        ageDays % 3 === 0 ? "Sesuai" : "",
        rng.next() < 0.8 ? "Ya" : "Tidak",
        TBU_LABEL(z.zlen),
        pos.village.code.charAt(9) === "1" ? "Kelurahan" : "Desa",
      ];
      if (rng.next() < messyRate) makeMessy(rng, row);
      yield row;
    }
  }
}

/** Column index by name, for the messy-row mutations. */
const col = (name: (typeof EPPGBM_FLAT_COLUMNS)[number]) => EPPGBM_FLAT_COLUMNS.indexOf(name);

/** Mutations seen in real exports: the first three are rejected on import, the others imported (some flagged). */
function makeMessy(rng: Random, row: string[]): void {
  switch (rng.int(0, 6)) {
    case 0:
      row[col("Tanggal Pengukuran")] = "";
      break;
    case 1:
      row[col("Berat")] = `${row[col("Berat")]}..`;
      break;
    case 2:
      row[col("Desa/Kel")] = "DESA TIDAK DIKENAL";
      break;
    case 3: // height typed without the decimal point: implausible, flagged
      row[col("Tinggi")] = row[col("Tinggi")].replace(/[.,]/, "");
      break;
    case 4: // ISO date and lower-case name with stray spaces: imported as is
      row[col("Tanggal Pengukuran")] = row[col("Tanggal Pengukuran")].split("/").reverse().join("-");
      row[col("Nama")] = `  ${row[col("Nama")].toLowerCase()} `;
      break;
    case 5:
      row[col("JK")] = row[col("JK")] === "L" ? "Laki-laki" : "Perempuan";
      break;
    default:
      row[col("Cara Ukur")] = row[col("Cara Ukur")].toUpperCase();
  }
}
