/**
 * Penilaian kinerja requests beyond opening, panel, grades and publication (in aksi.ts): the list
 * of assessments, the instrument editor, the province's number and prevalence values.
 */
import { z } from "zod";
import type { PenilaianResult } from "../programme/penilaian.ts";
import type { PenilaianInstrument } from "../programme/penilaian-instrument.ts";
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

/** The caller's part in an assessment: the province that runs it, or a seat on its panel. */
export type PkSeat = "pengelola" | "ketua" | "anggota";

export interface AssessmentSummary {
  id: string;
  provinceCode: string;
  provinceName: string;
  year: number;
  status: "draft" | "published";
  decreeNumber: string | null;
  districtCount: number;
  seat: PkSeat | null;
}

export interface PkGradeView {
  districtCode: string;
  itemCode: string;
  panelistId: string;
  username: string;
  grade: string | null;
  note: string;
}

export interface PkValueView {
  districtCode: string;
  itemCode: string;
  value: number | null;
  before: number | null;
  after: number | null;
  source: string;
}

export interface AssessmentView {
  id: string;
  /** The caller's part: the province manages, the chair sees every grade, a member only their own. */
  seat: PkSeat;
  provinceCode: string;
  provinceName: string;
  year: number;
  status: "draft" | "published";
  decreeNumber: string | null;
  version: number;
  instrument: PenilaianInstrument;
  panel: { userId: string; role: "ketua" | "anggota"; username: string; displayName: string }[];
  districts: { code: string; name: string; recommendation: string }[];
  publishedAt: string | null;
}

/** What a district or the public sees of a published assessment. */
export interface PublishedView {
  provinceCode: string;
  year: number;
  decreeNumber: string | null;
  ranking: { code: string; name: string; total: number | null; rank: number | null; awards: string[] }[];
  /** The caller's own district in full (scores per component and item, recommendation), if any. */
  own: (PenilaianResult["districts"][number] & { recommendation: string }) | null;
}
