/**
 * The measurements the direct path writes, a batch at a time: collected in columns (typed arrays
 * and a table of village codes), then scored and encoded as binary COPY rows in
 * MEASUREMENT_COLUMNS order (db/repositories/import-columns.ts) by `encodeMeasurements`, with
 * what @tumbuh/growth's storedMeasurementAt gives each row. Pure: no I/O.
 */

import { FLAG_BMI, FLAG_LEN, FLAG_WEI, FLAG_WFL } from "@tumbuh/core";
import {
  type AnthroBatchOutput,
  anthroZScoresBatch,
  emptyStoredMeasurement,
  storedMeasurementAt,
} from "@tumbuh/growth";
import { PgBinaryRows, uuid7Into } from "../db/pg-binary.ts";
import { IMPORT_SOURCE, MEASUREMENT_COLUMNS } from "../db/repositories/import-columns.ts";
import {
  type AnthroInputColumns,
  collectFlags,
  flaggedAt,
  MEASURE_TEXT,
  type MeasurementValues,
  setAnthroRow,
} from "./anthro-columns.ts";
import type { DistrictFacts } from "./district-facts.ts";
import type { FlaggedMeasurement } from "./report.ts";

/** A batch of measurements in columns; row i's child and posyandu ids are bytes 16·i to 16·i + 16. */
export interface MeasurementColumns extends AnthroInputColumns {
  count: number;
  /** Measurement date as days since 1970-01-01. */
  measuredDays: Int32Array;
  childIds: Uint8Array;
  posyanduIds: Uint8Array;
  hasPosyandu: Uint8Array;
  /** Index into `villages`; the district is a village code's first five characters. */
  village: Int32Array;
  villages: string[];
  /** The import's id (16 bytes), stored on every row. */
  importId: Uint8Array;
  /** The file row and the child's name of each measurement, for the report's flags. */
  rowNo: Int32Array;
  /** The child's index among its district's figure rows (DistrictFacts), -1 when not kept. */
  childFact: Int32Array;
  names: string[];
}

/** Fills MeasurementColumns row by row; `take` hands them over and starts a new batch. */
export class MeasurementBatch {
  private c: MeasurementColumns;
  private villageIndex = new Map<string, number>();

  constructor(
    readonly capacity: number,
    private readonly importId: Uint8Array,
  ) {
    this.c = this.fresh();
  }

  private fresh(): MeasurementColumns {
    const n = this.capacity;
    return {
      count: 0,
      sex: new Uint8Array(n),
      ageDays: new Float64Array(n),
      weight: new Float64Array(n),
      lenhei: new Float64Array(n),
      measure: new Uint8Array(n),
      oedema: new Uint8Array(n),
      headc: new Float64Array(n),
      armc: new Float64Array(n),
      measuredDays: new Int32Array(n),
      childIds: new Uint8Array(16 * n),
      posyanduIds: new Uint8Array(16 * n),
      hasPosyandu: new Uint8Array(n),
      village: new Int32Array(n),
      villages: [],
      importId: this.importId,
      rowNo: new Int32Array(n),
      childFact: new Int32Array(n),
      names: [],
    };
  }

  get count(): number {
    return this.c.count;
  }

  /**
   * Adds a measurement of a child of `sex` (1 boy, 2 girl) taken in the village on the day (days
   * since 1970-01-01), read from row `rowNo` of the file for the child `name` (`childFact`: its
   * index among the district's figure rows, -1 when not kept).
   */
  add(
    rowNo: number,
    name: string,
    villageCode: string,
    childId: Uint8Array,
    childFact: number,
    posyanduId: Uint8Array | undefined,
    measuredDays: number,
    sex: number,
    m: MeasurementValues,
  ): void {
    const c = this.c;
    // Typed arrays drop writes past their end without a word: refuse instead.
    if (c.count >= this.capacity)
      throw new Error(`measurement batch full (${this.capacity} rows): take it first`);
    const i = c.count++;
    c.rowNo[i] = rowNo;
    c.childFact[i] = childFact;
    c.names[i] = name;
    let v = this.villageIndex.get(villageCode);
    if (v === undefined) {
      v = c.villages.length;
      c.villages.push(villageCode);
      this.villageIndex.set(villageCode, v);
    }
    c.village[i] = v;
    c.measuredDays[i] = measuredDays;
    setAnthroRow(c, i, sex, m);
    const at = 16 * i;
    for (let k = 0; k < 16; k++) c.childIds[at + k] = childId[k];
    if (posyanduId !== undefined) {
      c.hasPosyandu[i] = 1;
      for (let k = 0; k < 16; k++) c.posyanduIds[at + k] = posyanduId[k];
    }
  }

  /** The batch's columns, or null when empty; a new batch starts. */
  take(): MeasurementColumns | null {
    if (this.c.count === 0) return null;
    const c = this.c;
    this.c = this.fresh();
    this.villageIndex = new Map();
    return c;
  }
}

const nan = (z: number | null) => (z === null ? Number.NaN : z);

/**
 * Scores a batch (z-scores, WHO flags, Permenkes categories) and encodes it as binary COPY data
 * in MEASUREMENT_COLUMNS order, each row with a new time-ordered id. `out` is scratch space of at
 * least `c.count` rows. Rows of a child kept among its district's figure rows are added to
 * `facts` as stored. Returns the data, how many rows carry a WHO flag and the flags.
 */
export function encodeMeasurements(
  c: MeasurementColumns,
  out: AnthroBatchOutput,
  facts?: DistrictFacts,
): { data: Buffer; flagged: number; flags: FlaggedMeasurement[] } {
  const count = c.count;
  const z = anthroZScoresBatch(
    {
      sex: c.sex,
      ageDays: c.ageDays,
      weight: c.weight,
      lenhei: c.lenhei,
      measure: c.measure,
      oedema: c.oedema,
      headc: c.headc,
      armc: c.armc,
    },
    { count, output: out, indicators: ["len", "wei", "wfl", "bmi", "hc", "ac"] },
  );
  const districts = c.villages.map((v) => v.slice(0, 5));
  // About 340 bytes a row (29 field headers, ids, twelve doubles): room for all without growing.
  const w = new PgBinaryRows(count * 360 + 64);
  const id = Buffer.allocUnsafe(16);
  const s = emptyStoredMeasurement();
  let flagged = 0;
  const flags: FlaggedMeasurement[] = [];
  for (let i = 0; i < count; i++) {
    storedMeasurementAt(z, i, s);
    if (flaggedAt(z, i)) {
      flagged++;
      collectFlags(z, c, i, c.rowNo[i], c.names[i], flags);
    }
    uuid7Into(id);
    const v = c.village[i];
    if (facts && c.childFact[i] >= 0) {
      const b = facts.of(districts[v]);
      if (b)
        // Measured where the child is registered: the direct path hands a child over to staging otherwise.
        b.addMeasurementAtChild(c.childFact[i], {
          day: c.measuredDays[i],
          ageDays: c.ageDays[i],
          weight: c.weight[i],
          lenhei: c.lenhei[i],
          measure: c.measure[i],
          oedema: c.oedema[i] === 1,
          hasKms: -1,
          zlen: nan(s.zlen),
          zwei: nan(s.zwei),
          zwfl: nan(s.zwfl),
          zbmi: nan(s.zbmi),
          flags:
            (s.flen ? FLAG_LEN : 0) |
            (s.fwei ? FLAG_WEI : 0) |
            (s.fwfl ? FLAG_WFL : 0) |
            (s.fbmi ? FLAG_BMI : 0),
        });
    }
    w.row(MEASUREMENT_COLUMNS.length)
      .text(districts[v])
      .uuid(id)
      .uuid(c.childIds, 16 * i)
      .text(c.villages[v])
      .uuid(c.hasPosyandu[i] === 1 ? c.posyanduIds : undefined, 16 * i)
      .date(c.measuredDays[i])
      .int4(c.ageDays[i])
      .float8(c.weight[i])
      .float8(c.lenhei[i])
      .text(MEASURE_TEXT[c.measure[i]])
      .bool(c.oedema[i] === 1)
      .float8(c.headc[i])
      .float8(c.armc[i])
      .float8(s.zlen)
      .float8(s.zwei)
      .float8(s.zwfl)
      .float8(s.zbmi)
      .float8(s.zhc)
      .float8(s.zac)
      .bool(s.flen)
      .bool(s.fwei)
      .bool(s.fwfl)
      .bool(s.fbmi)
      .text(s.status_tbu)
      .text(s.status_bbu)
      .text(s.status_bbtb)
      .text(s.status_imtu)
      .text(IMPORT_SOURCE)
      .uuid(c.importId);
  }
  return { data: w.take() as Buffer, flagged, flags };
}
