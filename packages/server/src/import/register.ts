/**
 * The child register of a two-sheet e-PPGBM workbook (a child sheet, and a monitoring sheet of
 * measurements naming the child by NIK or name): read first, in full, so each monitoring row can
 * be completed with its child's birth date, sex and place.
 */
import { parseIdentifier, text } from "./cells.ts";
import { type RawRecord, type RowProblem, rowProblem } from "./checked-row.ts";
import { mapColumns, sheetKind } from "./columns.ts";
import { IMPORT_LIMITS, type ImportLimits, tooManyRows } from "./limits.ts";
import type { ImportMemo } from "./memo.ts";
import { readSheets } from "./read.ts";
import { fieldCells, recordOf } from "./records.ts";

interface RegisterEntry {
  rec: RawRecord;
  rowNo: number;
}

export class ChildRegister {
  private readonly byNik = new Map<string, RegisterEntry>();
  private readonly byName = new Map<string, RegisterEntry[]>();
  /** True when the file has a child sheet. */
  present = false;

  private constructor(private readonly memo: ImportMemo) {}

  /** The child sheets of the file at `path` (none for a flat file). */
  static async read(
    path: string,
    memo: ImportMemo,
    limits: ImportLimits = IMPORT_LIMITS,
  ): Promise<ChildRegister> {
    const register = new ChildRegister(memo);
    let rows = 0;
    for await (const sheet of readSheets(path, limits)) {
      const map = mapColumns(sheet.header);
      if (sheetKind(map) !== "children") continue;
      register.present = true;
      const fields = fieldCells(map);
      for await (const row of sheet.rows) {
        if (++rows > limits.rows) throw tooManyRows(limits.rows, rows);
        register.add(recordOf(fields, row.cells), row.rowNo);
      }
    }
    return register;
  }

  private add(rec: RawRecord, rowNo: number): void {
    const entry = { rec, rowNo };
    const nik = parseIdentifier(rec.nik);
    if (nik.ok && nik.value) this.byNik.set(nik.value, entry);
    const name = text(rec.name);
    if (name) {
      const k = this.memo.personKey(name);
      const list = this.byName.get(k);
      if (list) list.push(entry);
      else this.byName.set(k, [entry]);
    }
  }

  /**
   * A monitoring row completed with its child's register row (the monitoring row's own non-empty
   * cells win), or why the child cannot be found.
   */
  complete(rec: RawRecord): { rec: RawRecord } | { problem: RowProblem } {
    const found = this.find(rec);
    if ("problem" in found) return found;
    return {
      rec: {
        ...found.entry.rec,
        ...Object.fromEntries(Object.entries(rec).filter(([, v]) => v !== null && v !== "")),
      },
    };
  }

  private find(rec: RawRecord): { entry: RegisterEntry } | { problem: RowProblem } {
    const nik = parseIdentifier(rec.nik);
    if (nik.ok && nik.value) {
      const e = this.byNik.get(nik.value);
      if (e) return { entry: e };
    }
    const name = text(rec.name);
    if (!name) return { problem: rowProblem("NIK", "row.registerNoKey") };
    const list = this.byName.get(this.memo.personKey(name)) ?? [];
    if (list.length === 1) return { entry: list[0] };
    if (list.length === 0) return { problem: rowProblem("Nama", "row.registerNotFound", name) };
    return {
      problem: rowProblem("Nama", "row.registerAmbiguous", name, {
        rows: list.map((l) => l.rowNo).join(", "),
      }),
    };
  }
}
