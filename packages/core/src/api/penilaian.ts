/**
 * Penilaian kinerja requests beyond opening, panel, grades and publication (in aksi.ts): the list
 * of assessments, the instrument editor, the province's number and prevalence values.
 */
import { z } from "zod";
import { RegionCode } from "./common.ts";

export const PenilaianListQuery = z.object({ province: RegionCode.optional() });

export const PenilaianInstrumentBody = z.object({
  /** A PenilaianInstrument (core/programme); checked by the service, errors name the field. */
  instrument: z.unknown(),
  version: z.number().int(),
});

export const PenilaianValueBody = z.object({
  districtCode: RegionCode,
  itemCode: z.string().min(1),
  /** For a number item: 0–100, null clears it. */
  value: z.number().nullable().optional(),
  /** For a prevalence item: the prevalences (%) before and after, from the same survey. */
  before: z.number().min(0).max(100).nullable().optional(),
  after: z.number().min(0).max(100).nullable().optional(),
  source: z.string().min(1).max(500),
});

export const PenilaianPrintQuery = z.object({ lang: z.enum(["id", "en"]).default("id") });
