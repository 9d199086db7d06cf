/**
 * The staging path's rows: each checked row becomes a CSV line for the staging table, its cells
 * encoded column by column in the order of STAGE_COLUMNS (db/repositories/import-columns.ts),
 * and what is stored for its measurement (@tumbuh/growth storedMeasurementAt) appended when the
 * batch is scored together.
 */
import { emptyStoredMeasurement, type StoredMeasurement, storedMeasurementAt } from "@tumbuh/growth";
import { STAGE_ROW_COLUMNS, STORED_COLUMNS, type StageRowColumn } from "../db/repositories/import-columns.ts";
import {
  AnthroColumns,
  collectFlags,
  flaggedAt,
  type MeasurementValues,
  setAnthroRow,
} from "./anthro-columns.ts";
import type { CheckedRow } from "./checked-row.ts";
import type { ImportMemo } from "./memo.ts";
import type { FlaggedMeasurement } from "./report.ts";

/** A text cell for the staging CSV: quoted when it holds a quote, comma or line break. */
function q(v: string | undefined): string {
  if (v === undefined) return "";
  return v === "" ? '""' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A number cell for the staging CSV (empty when missing). */
function n(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "" : String(v);
}

/** The cell of each row column of the staging table. */
const ROW_CELLS: Record<StageRowColumn, (r: CheckedRow, memo: ImportMemo) => string> = {
  row_no: (r) => String(r.rowNo),
  district_code: (r) => r.districtCode,
  child_key: (r) => q(r.childKey),
  village_code: (r) => r.villageCode,
  posyandu_key: (r, memo) => (r.posyandu ? q(memo.placeKey(r.posyandu)) : ""),
  nik_hash: (r) => r.nik?.hash ?? "",
  kk_hash: (r) => r.kk?.hash ?? "",
  mother_nik_hash: (r) => r.motherNik?.hash ?? "",
  name: (r) => q(r.name),
  name_key: (r) => q(r.nameKey),
  sex: (r) => String(r.sex),
  birth_date: (r) => r.birthDate,
  birth_weight: (r) => n(r.birthWeight),
  birth_length: (r) => n(r.birthLength),
  mother_name: (r) => q(r.motherName),
  rt: (r) => q(r.rt),
  rw: (r) => q(r.rw),
  address: (r) => q(r.address),
  measured_on: (r) => r.measuredOn ?? "",
  age_days: (r) => n(r.ageDays),
  weight: (r) => n(r.weight),
  lenhei: (r) => n(r.lenhei),
  measure: (r) => r.measure ?? "",
  oedema: (r) => (r.oedema ? "t" : "f"),
  headc: (r) => n(r.headc),
  armc: (r) => n(r.armc),
};
const ROW_ENCODERS = STAGE_ROW_COLUMNS.map((c) => ROW_CELLS[c.name]);

/** The row columns of a checked row's staging line (the stored values follow when it is scored). */
function stageLine(row: CheckedRow, memo: ImportMemo): string {
  let line = ROW_ENCODERS[0](row, memo);
  for (let k = 1; k < ROW_ENCODERS.length; k++) line += `,${ROW_ENCODERS[k](row, memo)}`;
  return line;
}

/** The stored columns of a staging line, each after a comma. */
function storedCells(s: StoredMeasurement): string {
  let cells = "";
  for (let k = 0; k < STORED_COLUMNS.length; k++) {
    const v = s[STORED_COLUMNS[k].name];
    cells += v === null ? "," : typeof v === "boolean" ? (v ? ",t" : ",f") : `,${v}`;
  }
  return cells;
}

/**
 * Staged rows waiting for their z-scores: each row's cells as CSV text and its anthropometry in
 * typed columns, scored together by anthroZScoresBatch when the batch is taken.
 */
export class StageBatch {
  private lines: string[] = [];
  /** The file row and child's name of each line, for the report's flags. */
  private rowNos: number[] = [];
  private names: string[] = [];
  /** Per district and identity (the key of a child without NIK): the key of its last row with a NIK. */
  private readonly nikChildByIdentity = new Map<string, string>();
  /** Keys of the children staged without NIK, per district. */
  private readonly identitiesWithoutNik = new Set<string>();
  /** Totals over every row added so far (measured, with and without a NIK). */
  readonly counts = { measured: 0, withNik: 0, withoutNik: 0 };
  private readonly anthro: AnthroColumns;
  private readonly stored = emptyStoredMeasurement();

  constructor(
    readonly capacity: number,
    private readonly memo: ImportMemo,
  ) {
    this.anthro = new AnthroColumns(capacity);
  }

  get size(): number {
    return this.lines.length;
  }

  /** Adds a checked row (its identity, its staging line and its measurement). */
  addRow(row: CheckedRow): void {
    this.noteIdentity(row.districtCode, row.identityKey, row.nik ? row.childKey : undefined);
    this.rowNos.push(row.rowNo);
    this.names.push(row.name);
    this.add(stageLine(row, this.memo), row.sex, row, row.measuredOn !== undefined, row.nik !== undefined);
  }

  /** Notes a staged child's identity key, with its NIK child key when the row has a NIK. */
  private noteIdentity(districtCode: string, identityKey: string, nikChildKey: string | undefined): void {
    const k = `${districtCode}|${identityKey}`;
    if (nikChildKey) this.nikChildByIdentity.set(k, nikChildKey);
    else this.identitiesWithoutNik.add(k);
  }

  /**
   * A child written without NIK on some rows and with it on others is one child: for each key of
   * rows without NIK whose identity (name, birth date, sex, village) also came with a NIK, the key
   * of the last such row, as CSV lines (district_code, child_key, nik_child_key).
   */
  takeIdentityMatches(): string {
    const lines: string[] = [];
    for (const k of this.identitiesWithoutNik) {
      const nikKey = this.nikChildByIdentity.get(k);
      if (nikKey === undefined) continue;
      const bar = k.indexOf("|");
      lines.push(`${k.slice(0, bar)},${q(k.slice(bar + 1))},${nikKey}\n`);
    }
    return lines.join("");
  }

  /** Adds a row with its staging line; a row that is not `measured` gets no z-scores. */
  private add(line: string, sex: number, m: MeasurementValues, measured: boolean, hasNik: boolean): void {
    const i = this.lines.length;
    if (hasNik) this.counts.withNik++;
    else this.counts.withoutNik++;
    if (measured) this.counts.measured++;
    this.lines.push(line);
    setAnthroRow(this.anthro, i, measured ? sex : 0, m);
  }

  /**
   * Scores the rows and returns them as staging CSV (STAGE_COLUMNS order) with the number of
   * measurements flagged implausible and their flags; the batch is empty afterwards.
   */
  take(): { csv: string; flagged: number; flags: FlaggedMeasurement[] } {
    const count = this.lines.length;
    const z = this.anthro.score(count);
    let flagged = 0;
    const flags: FlaggedMeasurement[] = [];
    const parts: string[] = new Array(count);
    for (let i = 0; i < count; i++) {
      // A row without a measurement (sex 0) scores nothing: its stored values are all empty.
      if (this.anthro.sex[i] !== 0 && flaggedAt(z, i)) {
        flagged++;
        collectFlags(z, this.anthro, i, this.rowNos[i], this.names[i], flags);
      }
      parts[i] = `${this.lines[i]}${storedCells(storedMeasurementAt(z, i, this.stored))}\n`;
    }
    this.lines = [];
    this.rowNos = [];
    this.names = [];
    return { csv: parts.join(""), flagged, flags };
  }
}
