/** The plain-text table `tumbuh prevalence --region` prints: a region's figures and those below it. */
import { isBulanTimbang } from "@tumbuh/core";
import type { Figures, Region } from "@tumbuh/core/api";
import type { RegionReport } from "../services/prevalence.ts";

function fmtRate(r: number | null): string {
  return r === null ? "-" : `${r.toFixed(1)}%`;
}

/** Text table lines for rows of figures, columns aligned. */
function figuresTable(rows: Array<Pick<Region, "code" | "name"> & Figures>): string {
  const header = [
    "code",
    "name",
    "measured",
    "valid HAZ",
    "stunted",
    "stunting",
    "severe",
    "wasting",
    "underweight",
    "overweight",
    "new stunting",
    "target",
    "coverage",
  ];
  const body = rows.map((r) => [
    r.code,
    r.name,
    String(r.measured),
    String(r.validHaz),
    String(r.stunted),
    fmtRate(r.stuntingRate),
    fmtRate(r.severeStuntingRate),
    fmtRate(r.wastingRate),
    fmtRate(r.underweightRate),
    fmtRate(r.overweightRate),
    String(r.newStunting),
    r.target === null ? "-" : String(r.target),
    fmtRate(r.coverageRate),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return `${[line(header), ...body.map(line)].join("\n")}\n`;
}

/** A region's report as text: a title line with the period and source, its row, then the units below it. */
export function regionReportText(r: RegionReport, sourceLabel: string): string {
  const title = `${r.region.name} (${r.region.code}), ${r.period}${isBulanTimbang(r.period) ? " (bulan timbang)" : ""} — source: ${sourceLabel}\n`;
  let text = title + figuresTable([{ code: r.region.code, name: r.region.name, ...r.summary }]);
  if (r.children.length > 0) {
    text += `\n${r.children[0].level === "posyandu" ? "posyandu" : "regions below"}:\n`;
    text += figuresTable(r.children);
  }
  return text;
}
