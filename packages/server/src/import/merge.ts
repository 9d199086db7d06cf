/**
 * The merge step of an import: the staged rows merged into the tables by set-based SQL
 * (db/repositories/import-merge.ts), its counts joined with the direct path's into the report.
 */
import type { Session } from "../db/connection.ts";
import { mergeStaged } from "../db/repositories/import-merge.ts";
import { attachNiks } from "../db/repositories/import-write.ts";
import { duplicateMessage, type ImportReport } from "./report.ts";
import type { StagedWork } from "./writer.ts";

/**
 * Settles what the file left: NIKs given late to children written directly, then (when rows
 * were staged) the merge. Fills the report's counts of children and measurements.
 */
export async function mergeStage(
  s: Session,
  report: ImportReport,
  importId: string,
  staged: StagedWork,
): Promise<void> {
  if (staged.nikAttached) await attachNiks(s, staged.nikAttached);
  if (staged.rows === 0) return;
  const r = await mergeStaged(s, {
    importId,
    identityMatches: staged.identityMatches,
    handedOver: staged.handedOver,
  });
  for (const d of r.likelyDuplicates) {
    const m =
      d.kind === "inFile"
        ? duplicateMessage("row.sameChildInFile", { row: Number(d.other) })
        : d.kind === "otherNik"
          ? duplicateMessage("row.sameChildOtherNik", {})
          : duplicateMessage("row.sameChildOtherVillage", { village: d.other });
    report.likelyDuplicates.push({ rowNo: d.rowNo, name: d.name, birthDate: d.birthDate, ...m });
  }
  report.likelyDuplicates.sort((a, b) => a.rowNo - b.rowNo);
  report.childrenCreated += r.childrenCreated;
  report.childrenUpdated = r.childrenUpdated;
  report.childrenUnchanged = r.childrenUnchanged;
  // Rows of children written directly count in the direct path's figures: only their new dates here.
  const others = r.measurementsMerged - r.measurementsMergedDirect;
  const addedOthers = r.measurementsAdded - r.measurementsAddedDirect;
  report.measurementsAdded += r.measurementsAdded;
  report.measurementsUpdated = r.measurementsChanged;
  report.measurementsUnchanged = others - addedOthers - report.measurementsUpdated;
  report.rowsRepeated += staged.measured - staged.handedOverMeasured - others;
}
