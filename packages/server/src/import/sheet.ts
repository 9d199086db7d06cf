/** A sheet of an imported file as the readers give it (read.ts for CSV, xlsx-read.ts for XLSX). */

export type Cell = string | number | Date | null;

export interface SheetRow {
  rowNo: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  header: string[];
  /** The rows one at a time. */
  rows: AsyncIterable<SheetRow>;
  /** The same rows in batches (a chunk of the file each): read either `rows` or `chunks`. */
  chunks: AsyncIterable<SheetRow[]>;
  /**
   * Tells the reader which columns will be read: cells of other columns may come empty from
   * then on (a CSV reader then makes no strings for them). With `shared`, a row whose first
   * `shared` cells are written as in the row before may get that row's very strings for them
   * (CsvLines.select). Optional to call.
   */
  select(columns: readonly number[], shared?: number): void;
}

/** A sheet whose rows can be read one by one or a batch at a time (not both). */
export function sheetOf(
  name: string,
  header: string[],
  chunks: AsyncIterable<SheetRow[]>,
  select: (columns: readonly number[], shared?: number) => void = () => {},
): Sheet {
  async function* rows(): AsyncGenerator<SheetRow> {
    for await (const batch of chunks) yield* batch;
  }
  return { name, header, chunks, rows: rows(), select };
}
