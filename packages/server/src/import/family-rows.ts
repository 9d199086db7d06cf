/**
 * The rows of a family-data export (Pendataan Keluarga / verval KRS, CSV or XLSX) read as target
 * families: the columns found by their usual names, each cell checked, and every problem a
 * rejection in Indonesian naming the row and the column as the file calls it. Pure: no I/O.
 *
 * The official PK export's column layout was not available (shared/domain notes); the names below
 * are the ones the programme's forms use, matched without regard to case, spaces or punctuation,
 * and the template the import page offers uses them. Children: "Nama Anak 1", "Tgl Lahir Anak 1",
 * "NIK Anak 1", … up to 12.
 */
import { normalizeHeader, parseDate, type UserMessage, userMessage } from "@tumbuh/core";
import type { FamilyBody } from "@tumbuh/core/api";
import { LATRINES, type Latrine, WATER_SOURCES, type WaterSource } from "@tumbuh/core/programme";
import type { Cell } from "./sheet.ts";

type FamilyField =
  | "villageCode"
  | "semester"
  | "dataSource"
  | "headName"
  | "motherName"
  | "motherBirthDate"
  | "pregnant"
  | "waterSource"
  | "latrine"
  | "rt"
  | "rw"
  | "address";

/** Column names as users see them in rejections, and the names each is known by. */
const COLUMNS: Record<FamilyField, { label: string; names: string[] }> = {
  villageCode: {
    label: "Kode Desa",
    names: ["kodedesa", "kodedesakel", "kodedesakelurahan", "kodewilayah", "kddesa"],
  },
  semester: { label: "Semester", names: ["semester", "periode"] },
  dataSource: { label: "Sumber Data", names: ["sumberdata", "sumber"] },
  headName: {
    label: "Nama Kepala Keluarga",
    names: ["namakepalakeluarga", "kepalakeluarga", "namakk", "namakrt"],
  },
  motherName: { label: "Nama Istri", names: ["namaistri", "namaibu", "istri"] },
  motherBirthDate: {
    label: "Tgl Lahir Istri",
    names: ["tgllahiristri", "tanggallahiristri", "tgllahiribu", "tanggallahiribu", "tgllhristri"],
  },
  pregnant: { label: "Hamil", names: ["hamil", "istrihamil", "statushamil", "sedanghamil"] },
  waterSource: { label: "Sumber Air Minum", names: ["sumberairminum", "airminum", "sumberair"] },
  latrine: { label: "Jamban", names: ["jamban", "fasilitasbab", "kepemilikanjamban", "jambansehat"] },
  rt: { label: "RT", names: ["rt"] },
  rw: { label: "RW", names: ["rw"] },
  address: { label: "Alamat", names: ["alamat"] },
};

const MAX_CHILDREN = 12;

const WATER_NAMES: Record<string, WaterSource> = {
  kemasan: "kemasan_isi_ulang",
  isiulang: "kemasan_isi_ulang",
  airkemasan: "kemasan_isi_ulang",
  airisiulang: "kemasan_isi_ulang",
  airkemasanisiulang: "kemasan_isi_ulang",
  ledeng: "ledeng",
  pam: "ledeng",
  ledengpam: "ledeng",
  perpipaan: "ledeng",
  sumurbor: "sumur_bor",
  sumurborpompa: "sumur_bor",
  sumurterlindung: "sumur_terlindungi",
  sumurtidakterlindung: "sumur_tidak_terlindungi",
  mataairterlindung: "mata_air_terlindungi",
  mataairtidakterlindung: "mata_air_tidak_terlindungi",
  hujan: "air_hujan",
  sungai: "air_permukaan",
  danau: "air_permukaan",
  airsungaidanau: "air_permukaan",
  sungaidanau: "air_permukaan",
  lain: "lainnya",
};
for (const w of WATER_SOURCES) WATER_NAMES[normalizeHeader(w)] = w;

const LATRINE_NAMES: Record<string, Latrine> = {
  septik: "jamban_septik",
  septictank: "jamban_septik",
  jambandenganseptictank: "jamban_septik",
  jambansehat: "jamban_septik",
  layak: "jamban_septik",
  tanpaseptik: "jamban_tanpa_septik",
  jambantanpaseptictank: "jamban_tanpa_septik",
  cubluk: "jamban_tanpa_septik",
  tidaklayak: "jamban_tanpa_septik",
  tidakada: "tidak_ada",
  tidakpunya: "tidak_ada",
  babsembarangan: "tidak_ada",
};
for (const l of LATRINES) LATRINE_NAMES[normalizeHeader(l)] = l;

export interface FamilyRejection {
  rowNo: number;
  /** The column as users know it (e.g. "Tgl Lahir Istri", "Tgl Lahir Anak 2"). */
  field: string;
  value: string | null;
  /** In Indonesian (API clients, logs). */
  reason: string;
  /** The same as a catalogue message, for the user in their language. */
  userMessage: UserMessage;
}

/** Where each field's and child's cells are in the header row; the columns the file lacks. */
export interface FamilyColumns {
  fields: Partial<Record<FamilyField, number>>;
  children: { n: number; name?: number; birthDate?: number; nik?: number }[];
  missing: string[];
}

/** Finds the columns of a header row; `missing` lists the required ones it lacks (by label). */
export function familyColumns(header: readonly string[], opts: { semesterGiven: boolean }): FamilyColumns {
  const norm = header.map(normalizeHeader);
  const fields: FamilyColumns["fields"] = {};
  for (const [field, col] of Object.entries(COLUMNS) as [FamilyField, (typeof COLUMNS)[FamilyField]][]) {
    const i = norm.findIndex((h) => col.names.includes(h));
    if (i >= 0) fields[field] = i;
  }
  const children: FamilyColumns["children"] = [];
  for (let n = 1; n <= MAX_CHILDREN; n++) {
    const find = (names: string[]) => {
      const i = norm.findIndex((h) => names.includes(h));
      return i >= 0 ? i : undefined;
    };
    const c = {
      n,
      name: find([`namaanak${n}`, `anak${n}`, `namaanakke${n}`]),
      birthDate: find([`tgllahiranak${n}`, `tanggallahiranak${n}`, `tgllahiranakke${n}`]),
      nik: find([`nikanak${n}`, `nikanakke${n}`]),
    };
    if (c.name !== undefined) children.push(c);
  }
  const required: FamilyField[] = ["villageCode", "headName"];
  if (!opts.semesterGiven) required.push("semester");
  return {
    fields,
    children,
    missing: required.filter((f) => fields[f] === undefined).map((f) => COLUMNS[f].label),
  };
}

function text(cell: Cell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const t = String(cell).replace(/\s+/g, " ").trim();
  return t === "" || t === "-" ? undefined : t;
}

/** A checked row: the family as the form would send it (NIKs used once to find child records). */
export type FamilyRowResult = { ok: true; family: FamilyBody } | { ok: false; rejections: FamilyRejection[] };

/**
 * Checks one row against `today` (YYYY-MM-DD): required cells, dates that exist and are not in the
 * future, a 16-digit NIK, known water and latrine answers, a yes/no pregnancy.
 */
export function checkFamilyRow(
  cells: readonly Cell[],
  rowNo: number,
  cols: FamilyColumns,
  opts: { today: string; semester?: string },
): FamilyRowResult {
  const rejections: FamilyRejection[] = [];
  const cell = (f: FamilyField) =>
    cols.fields[f] === undefined ? undefined : cells[cols.fields[f] as number];
  const reject = (field: string, value: Cell | undefined, reason: string, message: UserMessage) =>
    rejections.push({ rowNo, field, value: text(value) ?? null, reason, userMessage: message });
  const date = (label: string, c: Cell | undefined): string | null => {
    const d = parseDate(c ?? null);
    if (!d.ok) {
      reject(
        label,
        c,
        "bukan tanggal yang ada; yang diharapkan hh/bb/tttt (mis. 05/03/1998) atau tttt-bb-hh",
        userMessage("row.notDate", { field: label, value: text(c) ?? "" }),
      );
      return null;
    }
    if (d.value && d.value > opts.today) {
      reject(
        label,
        c,
        `tanggal ${d.value} belum tiba (hari ini ${opts.today})`,
        userMessage("row.dateInFuture", { field: label, value: d.value, today: opts.today }),
      );
      return null;
    }
    return d.value ?? null;
  };

  const village = text(cell("villageCode"));
  if (!village)
    reject(
      COLUMNS.villageCode.label,
      undefined,
      "kosong; yang diharapkan kode desa seperti 35.03.01.2001",
      userMessage("row.empty", { field: COLUMNS.villageCode.label }),
    );
  else if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(village))
    reject(
      COLUMNS.villageCode.label,
      village,
      "bukan kode desa; yang diharapkan bentuk 35.03.01.2001",
      userMessage("family.rowNotVillageCode", { field: COLUMNS.villageCode.label, value: village }),
    );
  const semester = text(cell("semester")) ?? opts.semester;
  if (!semester)
    reject(
      COLUMNS.semester.label,
      undefined,
      "kosong; yang diharapkan semester seperti 2025-S2",
      userMessage("row.empty", { field: COLUMNS.semester.label }),
    );
  else if (!/^\d{4}-S[12]$/.test(semester.toUpperCase()))
    reject(
      COLUMNS.semester.label,
      semester,
      "bukan semester; yang diharapkan bentuk 2025-S1 atau 2025-S2",
      userMessage("family.rowNotSemester", { field: COLUMNS.semester.label, value: semester }),
    );
  const head = text(cell("headName"));
  if (!head)
    reject(
      COLUMNS.headName.label,
      undefined,
      "kosong; nama kepala keluarga wajib diisi",
      userMessage("row.empty", { field: COLUMNS.headName.label }),
    );
  const source = (text(cell("dataSource")) ?? "pk").toLowerCase();
  if (!["pk", "verval", "tpk", "manual"].includes(source))
    reject(
      COLUMNS.dataSource.label,
      source,
      "tidak dikenal; yang diharapkan pk, verval, tpk atau manual",
      userMessage("family.rowUnknownSource", { field: COLUMNS.dataSource.label, value: source }),
    );
  const motherBirthDate = date(COLUMNS.motherBirthDate.label, cell("motherBirthDate"));

  let pregnant: boolean | null = null;
  const preg = text(cell("pregnant"));
  if (preg !== undefined) {
    const p = normalizeHeader(preg);
    if (["ya", "y", "1", "hamil", "yes"].includes(p)) pregnant = true;
    else if (["tidak", "t", "0", "tidakhamil", "no", "bukan"].includes(p)) pregnant = false;
    else
      reject(
        COLUMNS.pregnant.label,
        preg,
        "tidak dikenal; yang diharapkan Ya atau Tidak",
        userMessage("family.rowNotYesNo", { field: COLUMNS.pregnant.label, value: preg }),
      );
  }
  let waterSource: WaterSource | null = null;
  const water = text(cell("waterSource"));
  if (water !== undefined) {
    waterSource = WATER_NAMES[normalizeHeader(water)] ?? null;
    if (!waterSource)
      reject(
        COLUMNS.waterSource.label,
        water,
        "tidak dikenal; yang diharapkan mis. kemasan/isi ulang, ledeng/PAM, sumur bor, sumur terlindung, sumur tidak terlindung, mata air terlindung, air hujan, sungai/danau, lainnya",
        userMessage("family.rowUnknownWater", { field: COLUMNS.waterSource.label, value: water }),
      );
  }
  let latrine: Latrine | null = null;
  const jamban = text(cell("latrine"));
  if (jamban !== undefined) {
    latrine = LATRINE_NAMES[normalizeHeader(jamban)] ?? null;
    if (!latrine)
      reject(
        COLUMNS.latrine.label,
        jamban,
        "tidak dikenal; yang diharapkan jamban septik, jamban tanpa septik atau tidak ada",
        userMessage("family.rowUnknownLatrine", { field: COLUMNS.latrine.label, value: jamban }),
      );
  }

  const children: NonNullable<FamilyBody["children"]> = [];
  for (const c of cols.children) {
    const name = text(c.name === undefined ? undefined : cells[c.name]);
    const birthCell = c.birthDate === undefined ? undefined : cells[c.birthDate];
    const nikCell = c.nik === undefined ? undefined : cells[c.nik];
    if (!name) {
      if (text(birthCell) || text(nikCell))
        reject(
          `Nama Anak ${c.n}`,
          undefined,
          "kosong, padahal tanggal lahir atau NIK anak ini diisi",
          userMessage("family.rowChildNameEmpty", { field: `Nama Anak ${c.n}` }),
        );
      continue;
    }
    const birthDate = date(`Tgl Lahir Anak ${c.n}`, birthCell);
    const nik = text(nikCell)?.replace(/^'/, "");
    if (nik !== undefined && !/^\d{16}$/.test(nik))
      reject(
        `NIK Anak ${c.n}`,
        "(disembunyikan)",
        "bukan NIK; yang diharapkan 16 angka",
        userMessage("family.rowNotNik", {
          field: `NIK Anak ${c.n}`,
          digits: (nik.match(/\d/g) ?? []).length,
        }),
      );
    if (motherBirthDate && birthDate && birthDate <= motherBirthDate)
      reject(
        `Tgl Lahir Anak ${c.n}`,
        birthCell,
        `lahir sebelum ibunya (${motherBirthDate})`,
        userMessage("family.rowChildBeforeMother", {
          field: `Tgl Lahir Anak ${c.n}`,
          value: birthDate,
          motherBirthDate,
        }),
      );
    children.push({ name, birthDate, ...(nik && /^\d{16}$/.test(nik) ? { nik } : {}) });
  }
  if (rejections.length) return { ok: false, rejections };
  return {
    ok: true,
    family: {
      villageCode: village as string,
      semester: (semester as string).toUpperCase(),
      dataSource: source as FamilyBody["dataSource"],
      headName: head as string,
      motherName: text(cell("motherName")) ?? null,
      motherBirthDate,
      pregnant,
      waterSource,
      latrine,
      rt: text(cell("rt")) ?? null,
      rw: text(cell("rw")) ?? null,
      address: text(cell("address")) ?? null,
      // no child column at all: children not recorded (unknown), not none
      children: cols.children.length ? children : null,
    },
  };
}
