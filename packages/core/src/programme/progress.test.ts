import { describe, expect, it } from "vitest";
import type { AksiConfig } from "./aksi.ts";
import { AKSI_2022 } from "./aksi-2022.ts";
import { type AksiProgressEntry, aksiProgress, DEFAULT_PROGRESS_RULE, progressBand } from "./progress.ts";

const outputs = (aksi: string) => AKSI_2022.aksi.find((a) => a.code === aksi)!.outputs.map((o) => o.code);

describe("Pantau Aksi progress", () => {
  // Required outputs in the 2022 configuration: aksi 1: 4, 2: 2, 3: 3, 4: 1, 5: 2, 6: 3, 7: 2, 8: 2.
  it("counts outputs for 80 %, selesai 10 %, direviu 10 %, each aksi weighing the same", () => {
    const entries: AksiProgressEntry[] = [
      { aksiCode: "1", status: "direviu", outputsPresent: outputs("1") },
      { aksiCode: "2", status: "selesai", outputsPresent: outputs("2").slice(0, 1) },
      { aksiCode: "3", status: "proses", outputsPresent: outputs("3").slice(0, 2) },
      { aksiCode: "4", status: "belum", outputsPresent: [] },
    ];
    const p = aksiProgress(AKSI_2022, entries);
    // aksi: status, outputs present/required, progress % worked by hand
    const table = [
      ["1", "direviu", 4, 4, 100], // 80 + 10 + 10
      ["2", "selesai", 1, 2, 50], // 80 × 1/2 + 10
      ["3", "proses", 2, 3, 53.333], // 80 × 2/3
      ["4", "belum", 0, 1, 0],
      ["5", "belum", 0, 2, 0], // no entry: belum
      ["6", "belum", 0, 3, 0],
      ["7", "belum", 0, 2, 0],
      ["8", "belum", 0, 2, 0],
    ] as const;
    table.forEach(([code, status, present, required, pct], i) => {
      const row = p.rows[i];
      expect([row.aksiCode, row.status, row.outputsPresent, row.outputsRequired]).toEqual([
        code,
        status,
        present,
        required,
      ]);
      expect(row.progressPct).toBeCloseTo(pct, 3);
    });
    // (100 + 50 + 53.333 + 0 × 5) ÷ 8 = 25.417
    expect(p.progressPct).toBeCloseTo(25.417, 3);
    expect(progressBand(p.progressPct)).toBe("hijau");
    expect(p.rows[1].warnings).toEqual(["status selesai but 1 required output(s) missing"]);
    // missing: aksi 2's second output; aksi 3's third output and both steps; …
    expect(p.missing.filter((m) => m.aksiCode === "2").map((m) => m.output?.code ?? m.what)).toEqual([
      "2.tagging-apbd",
      "direviu",
    ]);
    expect(p.missing.filter((m) => m.aksiCode === "3").map((m) => m.output?.code ?? m.what)).toEqual([
      "3.publikasi-ansit",
      "selesai",
      "direviu",
    ]);
    expect(p.missing.filter((m) => m.aksiCode === "1")).toEqual([]);
  });

  it("warns about contradictions and unknown codes without counting them", () => {
    const p = aksiProgress(AKSI_2022, [
      { aksiCode: "1", status: "belum", outputsPresent: ["1.data-sasaran", "7.publikasi"] },
      { aksiCode: "9", status: "selesai", outputsPresent: [] },
    ]);
    // aksi 1: 80 × 1/4 = 20; the rest 0 → 20 ÷ 8 = 2.5
    expect(p.rows[0].progressPct).toBe(20);
    expect(p.progressPct).toBe(2.5);
    expect(progressBand(p.progressPct)).toBe("merah");
    expect(p.rows[0].warnings).toEqual([
      "output '7.publikasi' is not a required output of aksi 1",
      "status belum but 1 required output(s) present",
    ]);
    expect(p.unknownAksi).toEqual(["9"]);
  });

  it("uses configured shares and aksi weights", () => {
    const config: AksiConfig = { ...AKSI_2022, aksi: AKSI_2022.aksi.slice(0, 2) };
    const rule = { outputsShare: 50, selesaiShare: 25, direviuShare: 25, aksiWeights: { "1": 3 } };
    const p = aksiProgress(
      config,
      [
        { aksiCode: "1", status: "selesai", outputsPresent: outputs("1").slice(0, 2) },
        { aksiCode: "2", status: "direviu", outputsPresent: outputs("2") },
      ],
      rule,
    );
    // aksi 1: 50 × 2/4 + 25 = 50, weight 3; aksi 2: 50 + 25 + 25 = 100, weight 1 → (150 + 100) ÷ 4 = 62.5
    expect(p.rows.map((r) => r.progressPct)).toEqual([50, 100]);
    expect(p.progressPct).toBe(62.5);
  });

  it("gives an aksi that requires no output its output share", () => {
    const config: AksiConfig = { ...AKSI_2022, aksi: [{ ...AKSI_2022.aksi[0], outputs: [] }] };
    expect(aksiProgress(config, [{ aksiCode: "1", status: "proses", outputsPresent: [] }]).progressPct).toBe(
      80,
    );
  });

  it("refuses shares that do not add up to 100", () => {
    expect(() => aksiProgress(AKSI_2022, [], { ...DEFAULT_PROGRESS_RULE, direviuShare: 20 })).toThrow(
      /add up to 110, expected 100/,
    );
  });

  it.each([
    [100, "hijau"],
    [25.01, "hijau"],
    [25, "kuning"],
    [13, "kuning"],
    [12.99, "merah"],
    [0, "merah"],
    [null, null],
  ])("with Kemendagri's bands, %s percent is %s", (pct, band) => {
    expect(progressBand(pct)).toBe(band);
  });

  it.each([
    [50.5, "hijau"],
    [50, "kuning"],
    [20, "kuning"],
    [19.9, "merah"],
  ])("with bands > 50 / < 20, %s percent is %s", (pct, band) => {
    expect(progressBand(pct, { hijauAbove: 50, merahBelow: 20 })).toBe(band);
  });
});
