/**
 * The figure rows (core district-figures.ts) of the districts an import writes from nothing: a
 * district with no children in the database before the file, whose children are all new and
 * written directly (direct.ts). Kept while the rows are written, so the district's prevalence,
 * SKDN and quality figures are computed without reading back what was just written; the refresh
 * uses them only when the database holds exactly as many children and measurements for the
 * district (rollup-refresh.ts), and loads the district otherwise.
 */
import { FigureInputBuilder } from "@tumbuh/core";
import { uuidText } from "../db/pg-binary.ts";
import type { Facility } from "./facilities.ts";
import type { NewChild } from "./new-child.ts";

/** Measurements kept at most (about 70 bytes each); past it nothing is kept and the refresh loads. */
const MAX_MEASUREMENTS = 3_000_000;

export class DistrictFacts {
  private readonly builders = new Map<string, FigureInputBuilder>();
  private readonly posyanduIds = new Map<Facility, string>();
  private kept = 0;
  private dropped = false;

  constructor(private readonly maxMeasurements = MAX_MEASUREMENTS) {}

  /** Keeps the rows of a district that has no children in the database. */
  open(district: string): void {
    if (!this.dropped && !this.builders.has(district))
      this.builders.set(district, new FigureInputBuilder(district));
  }

  /** The district's rows for one more measurement, or undefined when not kept (or no longer: past the limit). */
  of(district: string): FigureInputBuilder | undefined {
    if (this.dropped) return undefined;
    if (++this.kept > this.maxMeasurements) {
      this.dropped = true;
      this.builders.clear();
      return undefined;
    }
    return this.builders.get(district);
  }

  /** Adds a new child written directly; its index among the district's rows, -1 when not kept. */
  addChild(district: string, c: NewChild): number {
    const b = this.builders.get(district);
    if (!b) return -1;
    const row = c.row;
    let posyandu: string | null = null;
    if (c.posyandu) {
      // A few thousand posyandu among a file's children: each id written as text once.
      posyandu = this.posyanduIds.get(c.posyandu) ?? uuidText(c.posyandu.id);
      this.posyanduIds.set(c.posyandu, posyandu);
    }
    return b.addChild({
      id: uuidText(c.id),
      sex: row.sex,
      // ISO, as checked (check.ts).
      birthDate: row.birthDate,
      village: row.villageCode,
      posyandu,
      hasKms: null,
      hasNik: c.nik !== undefined,
      nameKey: row.nameKey,
    });
  }

  /** Records the NIK a later row gave a child kept at `index`. */
  setHasNik(district: string, index: number): void {
    if (index >= 0) this.builders.get(district)?.setHasNik(index);
  }

  /** The rows kept of each district (the refresh checks them against the database's counts, and takes them over). */
  known(): Map<string, FigureInputBuilder> {
    return new Map(this.builders);
  }
}
