/**
 * `tumbuh zscore` as a stream: CSV text in, the same rows with WHO z-scores, flags and Permenkes
 * categories appended out. Rows are scored in batches through the growth engine's columnar API, so
 * memory stays flat whatever the file size.
 */
import { Transform, type TransformCallback } from "node:stream";
import { type AnthroBatchOutput, emptyStoredMeasurement, storedMeasurementAt } from "@tumbuh/growth";
import { ByteWriter, putBytes, putFixed } from "./byte-writer.ts";
import { csvField } from "./csv-io.ts";
import type { AgeUnit } from "./row.ts";
import { BATCH_SIZE, ScoringReader } from "./scoring-reader.ts";

/** The columns appended to every row, with anthro's names. */
const OUTPUT_COLUMNS = [
  "age_days",
  "clenhei",
  "cbmi",
  "c9mo_flag",
  "zlen",
  "flen",
  "zwei",
  "fwei",
  "zwfl",
  "fwfl",
  "zbmi",
  "fbmi",
  "zhc",
  "fhc",
  "zac",
  "fac",
  "zts",
  "fts",
  "zss",
  "fss",
  "status_tbu",
  "status_bbu",
  "status_bbtb",
  "status_imtu",
] as const;

const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");
const COMMA = 44;
const NEWLINE = 10;
const EMPTY_RESULT = latin1(`${",".repeat(OUTPUT_COLUMNS.length - 1)}\n`);

/** z-scores are rounded to 2 decimals: their text for −40.00 … +40.00 is looked up, not formatted. */
const Z_RANGE = 4000;
const Z_BYTES = Array.from({ length: 2 * Z_RANGE + 1 }, (_, k) => latin1(String((k - Z_RANGE) / 100)));
const DAY_BYTES = Array.from({ length: 2200 }, (_, d) => latin1(String(d)));
const STATUS_BYTES = new Map<string, Buffer>();
/** Places written for clenhei and cbmi: the precision the WHO anthro package prints. */
const DECIMALS = 8;

/** Bytes one scored row can take after its input columns, at most (long numbers fall back to text). */
const ROW_RESULT_BYTES = 512;
const ZERO = 48;
const ONE = 49;

function putZ(buf: Buffer, pos: number, z: number): number {
  if (Number.isNaN(z)) return pos;
  const k = Math.round(z * 100) + Z_RANGE;
  if (k >= 0 && k < Z_BYTES.length) return putBytes(buf, pos, Z_BYTES[k]);
  return pos + buf.write(String(z), pos, "latin1");
}

function putNumber(buf: Buffer, pos: number, v: number): number {
  if (Number.isNaN(v)) return pos;
  if (Number.isInteger(v) && v >= 0 && v < DAY_BYTES.length) return putBytes(buf, pos, DAY_BYTES[v]);
  if (Math.abs(v) < 1e7) return putFixed(buf, pos, v, DECIMALS);
  return pos + buf.write(String(v), pos, "latin1");
}

/** Writes z, a comma, its flag (when z is present) and a comma. */
function putZAndFlag(buf: Buffer, pos: number, z: number, flag: number): number {
  let p = putZ(buf, pos, z);
  buf[p++] = COMMA;
  if (!Number.isNaN(z)) buf[p++] = flag ? ONE : ZERO;
  buf[p++] = COMMA;
  return p;
}

/** Writes a category code (nothing for none). */
function putStatus(buf: Buffer, pos: number, code: string | null): number {
  if (code === null) return pos;
  let bytes = STATUS_BYTES.get(code);
  if (!bytes) {
    bytes = latin1(code);
    STATUS_BYTES.set(code, bytes);
  }
  return putBytes(buf, pos, bytes);
}

/** The categories of a row as Tumbuh stores them (none for a missing or flagged z-score); reused row after row. */
const stored = emptyStoredMeasurement();

/** Writes the appended cells of scored row `i`, from the leading comma to the line break. */
function writeScoredRow(w: ByteWriter, o: AnthroBatchOutput, i: number): void {
  const buf = w.reserve(ROW_RESULT_BYTES);
  let p = w.length;
  buf[p++] = COMMA;
  p = putNumber(buf, p, o.ageDays[i]);
  buf[p++] = COMMA;
  p = putNumber(buf, p, o.clenhei[i]);
  buf[p++] = COMMA;
  p = putNumber(buf, p, o.cbmi[i]);
  buf[p++] = COMMA;
  buf[p++] = o.c9moFlag[i] ? ONE : ZERO;
  buf[p++] = COMMA;
  p = putZAndFlag(buf, p, o.zlen[i], o.flen[i]);
  p = putZAndFlag(buf, p, o.zwei[i], o.fwei[i]);
  p = putZAndFlag(buf, p, o.zwfl[i], o.fwfl[i]);
  p = putZAndFlag(buf, p, o.zbmi[i], o.fbmi[i]);
  p = putZAndFlag(buf, p, o.zhc[i], o.fhc[i]);
  p = putZAndFlag(buf, p, o.zac[i], o.fac[i]);
  p = putZAndFlag(buf, p, o.zts[i], o.fts[i]);
  p = putZAndFlag(buf, p, o.zss[i], o.fss[i]);
  const s = storedMeasurementAt(o, i, stored);
  p = putStatus(buf, p, s.status_tbu);
  buf[p++] = COMMA;
  p = putStatus(buf, p, s.status_bbu);
  buf[p++] = COMMA;
  p = putStatus(buf, p, s.status_bbtb);
  buf[p++] = COMMA;
  p = putStatus(buf, p, s.status_imtu);
  buf[p++] = NEWLINE;
  w.advance(p);
}

export interface ZScoreStreamOptions {
  ageUnit: AgeUnit;
  /** Called once per bad row with its spreadsheet row number (the header is row 1). */
  onRowError: (row: number, message: string) => void;
}

/** Counts kept while streaming, for the closing summary. */
export interface ZScoreStats {
  rows: number;
  badRows: number;
}

/**
 * The scorer without the stream around it: text in, scored CSV bytes out. Used by the stream below and by
 * the worker threads of the parallel path (which leave the header line out of their pieces' output).
 */
export class ZScoreCore {
  readonly stats: ZScoreStats = { rows: 0, badRows: 0 };
  private delimiter: "," | ";" = ",";
  private width = 0;
  private readonly passThrough: string[] = new Array(BATCH_SIZE);
  private readonly bad = new Uint8Array(BATCH_SIZE);
  private readonly writer = new ByteWriter();
  private readonly scoring: ScoringReader;

  constructor(options: ZScoreStreamOptions & { writeHeader?: boolean }) {
    const { stats, passThrough, bad, writer } = this;
    this.scoring = new ScoringReader({
      ageUnit: options.ageUnit,
      onHeader: (header, _map, d) => {
        this.delimiter = d;
        this.width = header.length;
        if (options.writeHeader !== false) writer.text(`${outputHeader(header)}\n`);
        return undefined;
      },
      onRow: (fields, raw, slot, errors) => {
        stats.rows++;
        passThrough[slot] = this.inputText(fields, raw);
        bad[slot] = errors ? 1 : 0;
        if (errors) {
          stats.badRows++;
          options.onRowError(stats.rows + 1, errors.join("; "));
        }
      },
      onBatch: (output, count) => {
        for (let i = 0; i < count; i++) {
          writer.text(passThrough[i]);
          if (bad[i]) {
            writer.byte(COMMA);
            writer.bytes(EMPTY_RESULT);
          } else {
            writeScoredRow(writer, output, i);
          }
        }
      },
    });
  }

  /** Text of a row's input columns, aligned to the header's width. */
  private inputText(fields: string[], raw: string): string {
    const { delimiter, width } = this;
    if (delimiter === "," && fields.length === width) return raw;
    if (delimiter === "," && fields.length < width) return raw + ",".repeat(width - fields.length);
    const cells = fields.length > width ? fields.slice(0, width) : fields;
    const text = cells.map(csvField).join(",");
    return cells.length < width ? text + ",".repeat(width - cells.length) : text;
  }

  private take(): Buffer | undefined {
    return this.writer.length ? this.writer.take() : undefined;
  }

  /** Adds text; returns the output completed so far. Throws on an unusable header. */
  feed(text: string): Buffer | undefined {
    const problem = this.scoring.feed(text);
    if (problem !== undefined) throw new Error(problem);
    return this.take();
  }

  /** Ends the input; returns the rest of the output. Throws on an unusable or missing header. */
  end(): Buffer | undefined {
    const problem = this.scoring.end();
    if (problem !== undefined) throw new Error(problem);
    return this.take();
  }
}

/** The output header: the input's columns, then anthro's result columns. */
export function outputHeader(header: readonly string[]): string {
  return [...header.map(csvField), ...OUTPUT_COLUMNS].join(",");
}

/** Creates the transform: CSV text in (any chunking), scored CSV bytes out, header first. */
export function createZScoreStream(options: ZScoreStreamOptions): { stream: Transform; stats: ZScoreStats } {
  const core = new ZScoreCore(options);
  const stream = new Transform({
    decodeStrings: false,
    transform(chunk: string | Buffer, _enc, done: TransformCallback) {
      try {
        done(null, core.feed(typeof chunk === "string" ? chunk : chunk.toString("utf8")));
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        done(null, core.end());
      } catch (err) {
        done(err as Error);
      }
    },
  });
  return { stream, stats: core.stats };
}
