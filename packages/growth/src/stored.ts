/**
 * What Tumbuh stores for a child measurement: the z-scores of six indicators, the WHO flags of
 * the four that have a Permenkes 2/2020 category, and those categories. One rule joins them:
 * a z-score flagged implausible has no category — it is kept and shown, never classified (and
 * left out of prevalence). Every writer of measurements (posyandu entry, the file import, the
 * z-score preview, `tumbuh zscore`) goes through this module.
 */
import type { AnthroBatchOutput } from "./batch.ts";
import {
  type BbuCode,
  type GiziCode,
  statusBbtb,
  statusBbu,
  statusImtu,
  statusTbu,
  type TbuCode,
} from "./categories.ts";
import { type AnthroInput, type AnthroResult, anthroZScores } from "./zscores.ts";

/** A measurement as Tumbuh takes it (missing values undefined; measurements ≤ 0 count as missing). */
export type MeasurementInput = Pick<
  AnthroInput,
  "sex" | "ageDays" | "weight" | "lenhei" | "measure" | "oedema" | "headc" | "armc"
>;

/**
 * The stored values, named as the columns of the `measurements` table: a missing z-score or
 * category is null; a flag is false when its z-score is missing.
 */
export interface StoredMeasurement {
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  zbmi: number | null;
  zhc: number | null;
  zac: number | null;
  flen: boolean;
  fwei: boolean;
  fwfl: boolean;
  fbmi: boolean;
  status_tbu: TbuCode | null;
  status_bbu: BbuCode | null;
  status_bbtb: GiziCode | null;
  status_imtu: GiziCode | null;
}

/** The names of StoredMeasurement's fields, in the order the `measurements` table lists them. */
export const STORED_MEASUREMENT_FIELDS = [
  "zlen",
  "zwei",
  "zwfl",
  "zbmi",
  "zhc",
  "zac",
  "flen",
  "fwei",
  "fwfl",
  "fbmi",
  "status_tbu",
  "status_bbu",
  "status_bbtb",
  "status_imtu",
] as const satisfies readonly (keyof StoredMeasurement)[];

/**
 * The rule: the z-score a category is given for — none when the z-score is missing or its WHO
 * flag marks it implausible.
 */
export function classifiableZ(
  z: number | null | undefined,
  flagged: boolean | number | undefined,
): number | undefined {
  return flagged || z === null || z === undefined || Number.isNaN(z) ? undefined : z;
}

/** A stored measurement with nothing in it (a scratch object for `storedMeasurementAt`). */
export function emptyStoredMeasurement(): StoredMeasurement {
  return {
    zlen: null,
    zwei: null,
    zwfl: null,
    zbmi: null,
    zhc: null,
    zac: null,
    flen: false,
    fwei: false,
    fwfl: false,
    fbmi: false,
    status_tbu: null,
    status_bbu: null,
    status_bbtb: null,
    status_imtu: null,
  };
}

/** What is stored for a measurement: its z-scores, flags and the categories of its plausible z-scores. */
export function storedMeasurement(input: MeasurementInput): StoredMeasurement {
  return storedFromZScores(anthroZScores(input));
}

/** What is stored for the z-scores `anthroZScores` gave (for callers that also need its other results). */
export function storedFromZScores(r: AnthroResult): StoredMeasurement {
  return fill(
    emptyStoredMeasurement(),
    r.zlen,
    r.flen === true,
    r.zwei,
    r.fwei === true,
    r.zwfl,
    r.fwfl === true,
    r.zbmi,
    r.fbmi === true,
    r.zhc,
    r.zac,
  );
}

/**
 * What is stored for row `i` of a batch scored by `anthroZScoresBatch`, written into `into` (one
 * object reused row after row: a batch allocates nothing per row) and returned.
 */
export function storedMeasurementAt(
  out: AnthroBatchOutput,
  i: number,
  into: StoredMeasurement,
): StoredMeasurement {
  return fill(
    into,
    out.zlen[i],
    out.flen[i] === 1,
    out.zwei[i],
    out.fwei[i] === 1,
    out.zwfl[i],
    out.fwfl[i] === 1,
    out.zbmi[i],
    out.fbmi[i] === 1,
    out.zhc[i],
    out.zac[i],
  );
}

const zOrNull = (z: number | undefined): number | null => (z === undefined || Number.isNaN(z) ? null : z);

function fill(
  into: StoredMeasurement,
  zlen: number | undefined,
  flen: boolean,
  zwei: number | undefined,
  fwei: boolean,
  zwfl: number | undefined,
  fwfl: boolean,
  zbmi: number | undefined,
  fbmi: boolean,
  zhc: number | undefined,
  zac: number | undefined,
): StoredMeasurement {
  into.zlen = zOrNull(zlen);
  into.zwei = zOrNull(zwei);
  into.zwfl = zOrNull(zwfl);
  into.zbmi = zOrNull(zbmi);
  into.zhc = zOrNull(zhc);
  into.zac = zOrNull(zac);
  into.flen = flen;
  into.fwei = fwei;
  into.fwfl = fwfl;
  into.fbmi = fbmi;
  into.status_tbu = statusTbu(classifiableZ(zlen, flen))?.code ?? null;
  into.status_bbu = statusBbu(classifiableZ(zwei, fwei))?.code ?? null;
  into.status_bbtb = statusBbtb(classifiableZ(zwfl, fwfl))?.code ?? null;
  into.status_imtu = statusImtu(classifiableZ(zbmi, fbmi))?.code ?? null;
  return into;
}
