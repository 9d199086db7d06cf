/**
 * The monthly posyandu report "F II Gizi" (laporan bulanan gizi): for each posyandu its SKDN of the
 * month (S, K, D, N, T, O, B, 2T, BGM and K/S, D/S, N/D) beside its nutrition status (children
 * measured, stunting, wasting, underweight among the valid z-scores), rolled up per puskesmas, and
 * a total. Pure assembly from the stored roll-up counts: nothing is decided here that SKDN or the
 * prevalence roll-ups have not decided.
 *
 * Rules chosen where the format is not fixed by a source we could read (the official form's layout
 * was not found, workflows.md "Items NOT found"):
 * - A posyandu belongs to the puskesmas it was registered under; posyandu with no puskesmas are
 *   grouped by their kecamatan instead (the group says so: kind "subdistrict").
 * - Groups are ordered by name, posyandu within a group by village then name.
 * - Subtotals and the total are sums of the posyandu rows; their rates are computed from the sums
 *   (never averages of rates), so every level agrees with the rows it sums.
 */
import { addSkdnCounts, emptySkdnCounts, type SkdnCounts, skdnRates } from "./skdn-counts.ts";

/** The nutrition-status counts of a unit and month (distinct children, each by its latest valid measurement). */
export interface NutritionCounts {
  measured: number;
  hazValid: number;
  stunted: number;
  severelyStunted: number;
  whzValid: number;
  wasted: number;
  severelyWasted: number;
  wazValid: number;
  underweight: number;
}

const NUTRITION_KEYS = [
  "measured",
  "hazValid",
  "stunted",
  "severelyStunted",
  "whzValid",
  "wasted",
  "severelyWasted",
  "wazValid",
  "underweight",
] as const satisfies ReadonlyArray<keyof NutritionCounts>;

function emptyNutrition(): NutritionCounts {
  return Object.fromEntries(NUTRITION_KEYS.map((k) => [k, 0])) as unknown as NutritionCounts;
}

/** One posyandu as the report reads it. */
export interface F2GiziPosyanduInput {
  id: string;
  name: string;
  villageCode: string;
  villageName: string;
  subdistrictCode: string;
  subdistrictName: string;
  puskesmasId: string | null;
  puskesmasName: string | null;
  /** The month's SKDN counts (undefined: no row, all zero). */
  skdn?: SkdnCounts;
  /** The month's nutrition counts (undefined: nobody measured). */
  nutrition?: NutritionCounts;
}

/** A row of the report: counts and the rates computed from them (shares 0–1, null on a zero denominator). */
export interface F2GiziRow {
  skdn: SkdnCounts;
  nutrition: NutritionCounts;
  ks: number | null;
  ds: number | null;
  nd: number | null;
  stuntingRate: number | null;
  wastingRate: number | null;
  underweightRate: number | null;
  /** D = N + T + O + B holds. */
  consistent: boolean;
}

export interface F2GiziPosyanduRow extends F2GiziRow {
  id: string;
  name: string;
  villageCode: string;
  villageName: string;
}

/** A puskesmas (or, for posyandu without one, a kecamatan) with its posyandu and subtotal. */
export interface F2GiziGroup {
  kind: "puskesmas" | "subdistrict";
  /** Puskesmas id, or kecamatan code. */
  code: string;
  name: string;
  posyandu: F2GiziPosyanduRow[];
  subtotal: F2GiziRow;
}

export interface F2GiziReport {
  period: string;
  groups: F2GiziGroup[];
  total: F2GiziRow;
}

const share = (a: number | null, b: number) => (a === null || b === 0 ? null : a / b);

/** The rates of a row of counts. */
export function f2giziRow(skdn: SkdnCounts, nutrition: NutritionCounts): F2GiziRow {
  const r = skdnRates(skdn);
  return {
    skdn,
    nutrition,
    ks: r.ks,
    ds: r.ds,
    nd: r.nd,
    stuntingRate: share(nutrition.stunted, nutrition.hazValid),
    wastingRate: share(nutrition.wasted, nutrition.whzValid),
    underweightRate: share(nutrition.underweight, nutrition.wazValid),
    consistent: r.consistent,
  };
}

function sumRows(rows: readonly F2GiziRow[]): F2GiziRow {
  const skdn = emptySkdnCounts();
  const nutrition = emptyNutrition();
  for (const r of rows) {
    addSkdnCounts(skdn, r.skdn);
    for (const k of NUTRITION_KEYS) nutrition[k] += r.nutrition[k];
  }
  return f2giziRow(skdn, nutrition);
}

const byName = (a: string, b: string) => a.localeCompare(b, "id");

/** Assembles the report of `period` from its posyandu (see the module comment for the rules). */
export function f2giziReport(period: string, posyandu: readonly F2GiziPosyanduInput[]): F2GiziReport {
  const groups = new Map<string, F2GiziGroup>();
  for (const p of posyandu) {
    const kind = p.puskesmasId ? "puskesmas" : "subdistrict";
    const code = p.puskesmasId ?? p.subdistrictCode;
    const key = `${kind}|${code}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        kind,
        code,
        name: (p.puskesmasId ? p.puskesmasName : p.subdistrictName) ?? code,
        posyandu: [],
        subtotal: f2giziRow(emptySkdnCounts(), emptyNutrition()),
      };
      groups.set(key, g);
    }
    const skdn = addSkdnCounts(emptySkdnCounts(), p.skdn ?? emptySkdnCounts());
    const nutrition = { ...emptyNutrition(), ...p.nutrition };
    g.posyandu.push({
      id: p.id,
      name: p.name,
      villageCode: p.villageCode,
      villageName: p.villageName,
      ...f2giziRow(skdn, nutrition),
    });
  }
  const list = [...groups.values()].sort((a, b) => byName(a.name, b.name) || byName(a.code, b.code));
  for (const g of list) {
    g.posyandu.sort((a, b) => byName(a.villageName, b.villageName) || byName(a.name, b.name));
    g.subtotal = sumRows(g.posyandu);
  }
  return { period, groups: list, total: sumRows(list.map((g) => g.subtotal)) };
}

/** A cell of the report's table: text, a count, a share (0–1, shown as a percent) or nothing. */
export type F2GiziCell = string | number | null;

/** The report's column headers (Indonesian, as the printed form and the spreadsheet show them). */
export const F2GIZI_HEADERS = [
  "Puskesmas / kecamatan",
  "Desa/kelurahan",
  "Posyandu",
  "S",
  "K",
  "D",
  "N",
  "T",
  "O",
  "B",
  "2T",
  "BGM",
  "K/S (%)",
  "D/S (%)",
  "N/D (%)",
  "Diukur",
  "Stunting",
  "Stunting (%)",
  "Wasting",
  "Wasting (%)",
  "BB kurang",
  "BB kurang (%)",
] as const;

/** A share as a percent with one decimal (null stays null). */
function pct(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 10;
}

function cells(first: string, village: string, name: string, r: F2GiziRow): F2GiziCell[] {
  const s = r.skdn;
  const n = r.nutrition;
  return [
    first,
    village,
    name,
    s.s,
    // K unknown for all of S: not recorded
    s.s > 0 && s.kUnknown === s.s ? null : s.k,
    s.d,
    s.n,
    s.t,
    s.o,
    s.b,
    s.twoT,
    s.bgm,
    pct(r.ks),
    pct(r.ds),
    pct(r.nd),
    n.measured,
    n.stunted,
    pct(r.stuntingRate),
    n.wasted,
    pct(r.wastingRate),
    n.underweight,
    pct(r.underweightRate),
  ];
}

/**
 * The report as one table (headers F2GIZI_HEADERS): each posyandu, then its group's subtotal row
 * ("Jumlah <group>"), and the total last ("Jumlah seluruhnya"). Percents have one decimal.
 */
export function f2giziTable(report: F2GiziReport): {
  headers: string[];
  rows: F2GiziCell[][];
  kinds: Array<"posyandu" | "subtotal" | "total">;
} {
  const rows: F2GiziCell[][] = [];
  const kinds: Array<"posyandu" | "subtotal" | "total"> = [];
  for (const g of report.groups) {
    const label = g.kind === "puskesmas" ? g.name : `Kec. ${g.name} (tanpa puskesmas)`;
    for (const p of g.posyandu) {
      rows.push(cells(label, p.villageName, p.name, p));
      kinds.push("posyandu");
    }
    rows.push(cells(`Jumlah ${label}`, "", "", g.subtotal));
    kinds.push("subtotal");
  }
  rows.push(cells("Jumlah seluruhnya", "", "", report.total));
  kinds.push("total");
  return { headers: [...F2GIZI_HEADERS], rows, kinds };
}
