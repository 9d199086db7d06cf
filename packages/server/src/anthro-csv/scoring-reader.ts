/**
 * The read-and-score loop shared by `tumbuh zscore` and `tumbuh prevalence`: CSV text in any chunking →
 * header check → rows read into batch columns → WHO z-scores through the columnar API, one batch at a
 * time, so memory stays flat.
 */
import { type AnthroBatchOutput, anthroZScoresBatch, createAnthroBatchOutput } from "@tumbuh/growth";
import { type ColumnMap, checkUsable, mapColumns } from "./columns.ts";
import { sniffDelimiter } from "./csv-io.ts";
import { CsvLines } from "./csv-lines.ts";
import { type AgeUnit, createBatchInput, type FullBatchInput, RowReader } from "./row.ts";

export const BATCH_SIZE = 4096;

export interface ScoringReaderOptions {
  ageUnit: AgeUnit;
  /** Called once with the header; may return an error message to stop (e.g. a missing weights column). */
  onHeader?: (header: string[], map: ColumnMap, delimiter: "," | ";") => string | undefined;
  /** Called for each data row before scoring, with its slot in the batch and its problems (if any). */
  onRow: (fields: string[], raw: string, slot: number, errors: string[] | undefined) => void;
  /** Called when a batch is scored: slots 0…count−1 of `output` hold the rows given to onRow. */
  onBatch: (output: AnthroBatchOutput, count: number, input: FullBatchInput) => void;
}

/** Feeds CSV text through the header check, the row reader and the batch scorer. */
export class ScoringReader {
  private lines: CsvLines | undefined;
  private reader: RowReader | undefined;
  private readonly input = createBatchInput(BATCH_SIZE);
  private readonly output = createAnthroBatchOutput(BATCH_SIZE);
  private filled = 0;
  private headerSeen = false;
  /** Why reading stopped (an unusable header), if it did. */
  problem: string | undefined;
  /** Data rows read so far. */
  rows = 0;

  constructor(private readonly options: ScoringReaderOptions) {}

  private readonly onRecord = (fields: string[], raw: string): void => {
    if (this.problem !== undefined) return;
    if (!this.reader) {
      this.headerSeen = true;
      const header = fields.map((h) => h.trim());
      const map = mapColumns(header);
      this.problem = checkUsable(header, map) ?? this.options.onHeader?.(header, map, this.delimiter);
      if (this.problem === undefined) this.reader = new RowReader(header, map, this.options.ageUnit);
      return;
    }
    this.rows++;
    const errors = this.reader.read(fields, this.input, this.filled);
    this.options.onRow(fields, raw, this.filled, errors);
    this.filled++;
    if (this.filled === BATCH_SIZE) this.score();
  };

  private delimiter: "," | ";" = ",";

  private score(): void {
    anthroZScoresBatch(this.input, { output: this.output, count: this.filled });
    this.options.onBatch(this.output, this.filled, this.input);
    this.filled = 0;
  }

  /** Adds a chunk of text. Returns the problem that stopped reading, if any. */
  feed(chunk: string): string | undefined {
    let text = chunk;
    if (!this.lines) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const firstLineEnd = text.indexOf("\n");
      this.delimiter = sniffDelimiter(firstLineEnd < 0 ? text : text.slice(0, firstLineEnd));
      this.lines = new CsvLines(this.delimiter);
    }
    this.lines.feed(text, false, this.onRecord);
    return this.problem;
  }

  /** Ends the input: reads the last record and scores the last batch. Returns a problem, if any. */
  end(): string | undefined {
    this.lines?.feed("", true, this.onRecord);
    if (this.problem === undefined && !this.headerSeen) this.problem = checkUsable([], {});
    if (this.problem === undefined && this.filled) this.score();
    return this.problem;
  }
}
