import { describe, expect, it } from "vitest";
import { levelLabel, MEASUREMENT_COLUMNS, measurementRow, statusLabel } from "./export-tables.ts";

describe("labels", () => {
  it("writes codes as words", () => {
    expect(levelLabel("subdistrict")).toBe("Kecamatan");
    expect(statusLabel("gizi_baik")).toBe("Gizi baik");
    expect(statusLabel("sangat_pendek")).toBe("Sangat pendek");
    expect(statusLabel(null)).toBeNull();
  });
  it("puts a measurement under the headers with names and labels, no ids", () => {
    const row = measurementRow({
      child_name: "Siti",
      sex: 2,
      birth_date: "2023-05-01",
      village_code: "35.03.01.2001",
      village_name: "Besuki",
      posyandu_name: "Mawar 1",
      measured_on: "2025-08-05",
      age_days: 827,
      weight: 10.2,
      height: 84.5,
      measure: "h",
      zlen: -1.62,
      zwei: -1.1,
      zwfl: -0.3,
      status_tbu: "normal",
      status_bbu: "normal",
      status_bbtb: "gizi_baik",
      source: "eppgbm_import",
    });
    expect(row).toHaveLength(MEASUREMENT_COLUMNS.length);
    expect(row).toEqual([
      "Siti",
      "P",
      "2023-05-01",
      "35.03.01.2001",
      "Besuki",
      "Mawar 1",
      "2025-08-05",
      827,
      10.2,
      84.5,
      "Berdiri (TB)",
      -1.62,
      -1.1,
      -0.3,
      "Normal",
      "Normal",
      "Gizi baik",
      "Impor e-PPGBM",
    ]);
  });
});
