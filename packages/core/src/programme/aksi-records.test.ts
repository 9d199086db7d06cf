import { describe, expect, it } from "vitest";
import type { AksiRecordKind } from "./aksi.ts";
import { AKSI_2022 } from "./aksi-2022.ts";
import { AKSI_2025 } from "./aksi-2025.ts";
import { outputsFulfilledByRecords, withRecordedOutputs } from "./aksi-records.ts";
import { aksiProgress } from "./progress.ts";

const held = (...kinds: AksiRecordKind[]) => new Set<AksiRecordKind>(kinds);

describe("outputs fulfilled by records held", () => {
  it("names, per configuration, the output each record fulfils", () => {
    // record held → output(s) fulfilled, worked from aksi-2022.ts and aksi-2025.ts
    const table: [AksiRecordKind, string[], string[]][] = [
      ["lokus", ["1.rekomendasi-lokus"], ["U1.rekomendasi-lokus"]],
      ["rencana", ["2.rancangan-rencana"], ["U2.rencana-kegiatan"]],
      ["rembuk", ["3.komitmen"], []],
      ["regulasi", ["4.perbup"], ["P1.regulasi"]],
      ["kpm", ["5.kpm-terlatih"], []],
      ["scorecard", ["5.scorecard-desa"], []],
      ["reviu", ["8.laporan-reviu"], ["U4.laporan-monev"]],
      ["publikasi", ["7.publikasi"], ["P2.publikasi"]],
    ];
    for (const [kind, in2022, in2025] of table) {
      expect(outputsFulfilledByRecords(AKSI_2022, held(kind)).map((r) => r.outputCode)).toEqual(in2022);
      expect(outputsFulfilledByRecords(AKSI_2025, held(kind)).map((r) => r.outputCode)).toEqual(in2025);
    }
    expect(outputsFulfilledByRecords(AKSI_2022, held())).toEqual([]);
  });

  it("moves progress for a whole 2025 cycle walked in Tumbuh", () => {
    // lokus, plan, rembuk, scorecard and review recorded; nothing marked by hand.
    const entries = withRecordedOutputs(
      AKSI_2025,
      [],
      held("lokus", "rencana", "rembuk", "scorecard", "reviu"),
    );
    const p = aksiProgress(AKSI_2025, entries);
    // aksi: outputs present / required, progress % (80 × present/required; status belum adds nothing)
    const table = [
      ["U1", 1, 4, 20],
      ["U2", 1, 3, 26.667],
      ["U3", 0, 1, 0],
      ["U4", 1, 2, 40],
      ["P1", 0, 1, 0],
      ["P2", 0, 1, 0],
    ] as const;
    table.forEach(([code, present, required, pct], i) => {
      expect([p.rows[i].aksiCode, p.rows[i].outputsPresent, p.rows[i].outputsRequired]).toEqual([
        code,
        present,
        required,
      ]);
      expect(p.rows[i].progressPct).toBeCloseTo(pct, 3);
    });
    // (20 + 26.667 + 40) ÷ 6 = 14.444; with the commentary published P2 adds 80: 166.667 ÷ 6 = 27.778
    expect(p.progressPct).toBeCloseTo(14.444, 3);
    const published = withRecordedOutputs(AKSI_2025, [], held("lokus", "rencana", "reviu", "publikasi"));
    expect(aksiProgress(AKSI_2025, published).progressPct).toBeCloseTo(27.778, 3);
  });

  it("adds to what is marked by hand without counting an output twice, and keeps the status", () => {
    const entries = withRecordedOutputs(
      AKSI_2022,
      [{ aksiCode: "1", status: "selesai", outputsPresent: ["1.data-sasaran", "1.rekomendasi-lokus"] }],
      held("lokus", "kpm"),
    );
    expect(entries).toEqual([
      { aksiCode: "1", status: "selesai", outputsPresent: ["1.data-sasaran", "1.rekomendasi-lokus"] },
      { aksiCode: "5", status: "belum", outputsPresent: ["5.kpm-terlatih"] },
    ]);
    const p = aksiProgress(AKSI_2022, entries);
    // aksi 1: 80 × 2/4 + 10 = 50; aksi 5: 80 × 1/2 = 40; (50 + 40) ÷ 8 = 11.25
    expect(p.rows[0].progressPct).toBeCloseTo(50, 3);
    expect(p.rows[4].progressPct).toBeCloseTo(40, 3);
    expect(p.progressPct).toBeCloseTo(11.25, 3);
  });
});
