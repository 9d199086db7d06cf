/**
 * The aksi konvergensi a district (and, from 2025, a kecamatan) carries out each year, as versioned
 * configuration: the 2022 technical guidance (8 aksi) and the 2025 regrouping ("transformasi aksi
 * konvergensi": aksi utama and aksi pendukung). Each aksi names its PIC, its required outputs
 * (documents, data, decisions) and the month it is due, with the source and how sure it is.
 * A national admin may add a configuration for a year; `aksiConfigForYear` tells which applies.
 */
import { z } from "zod";
import { AKSI_2022 } from "./aksi-2022.ts";
import { AKSI_2025 } from "./aksi-2025.ts";
import { Confidence, configIssue, reportDuplicates } from "./config.ts";

/** What an aksi must produce: a document, data, or a decision (keputusan). */
export const AksiOutputKind = z.enum(["dokumen", "data", "keputusan"]);
export type AksiOutputKind = z.infer<typeof AksiOutputKind>;

/**
 * A record Tumbuh keeps that fulfils an output by its presence for the cycle's district and year:
 * the lokus decision, a planned activity with budget, a rembuk (its berita acara is generated from
 * it), a Perbup/Perwali, a KPM, a desa scorecard quarter, the annual review, the published commentary.
 */
export const AksiRecordKind = z.enum([
  "lokus",
  "rencana",
  "rembuk",
  "regulasi",
  "kpm",
  "scorecard",
  "reviu",
  "publikasi",
]);
export type AksiRecordKind = z.infer<typeof AksiRecordKind>;

export const AksiOutput = z.object({
  /** Unique within the configuration, e.g. `1.rekomendasi-lokus`. */
  code: z.string().min(1),
  kind: AksiOutputKind,
  name: z.string().min(1),
  confidence: Confidence,
  /** The record that fulfils this output when Tumbuh holds it; absent: only evidence or a mark counts. */
  fulfilledBy: AksiRecordKind.optional(),
});
export type AksiOutput = z.infer<typeof AksiOutput>;

/** The levels of government that carry out an aksi. */
export const AksiLevel = z.enum(["kabupaten_kota", "kecamatan"]);
export type AksiLevel = z.infer<typeof AksiLevel>;

export const AksiDefinition = z.object({
  /** `1` … `8` in 2022; `U1` … `U4` (aksi utama) and `P1`, `P2` (aksi pendukung) in 2025. */
  code: z.string().min(1),
  name: z.string().min(1),
  /** `utama` or `pendukung` from 2025; null in the 2022 guidance, which does not group the aksi. */
  group: z.enum(["utama", "pendukung"]).nullable(),
  levels: z.array(AksiLevel).min(1),
  /** The responsible agencies (PIC), first the lead. */
  pic: z.array(z.string().min(1)).min(1),
  outputs: z.array(AksiOutput),
  /** Month (1–12) of the year by which the aksi is due; null when the source gives none. */
  dueMonth: z.number().int().min(1).max(12).nullable(),
  /** The timing as the source words it. */
  timing: z.string(),
  /** How sure the name, group and PIC are. */
  confidence: Confidence,
  dueMonthConfidence: Confidence,
  source: z.string().min(1),
});
export type AksiDefinition = z.infer<typeof AksiDefinition>;

/** A version of the aksi list, applying from `validFrom` until the next version (or `validUntil`). */
export const AksiConfig = z
  .object({
    version: z.string().min(1),
    title: z.string().min(1),
    validFrom: z.number().int().min(2018).max(2100),
    validUntil: z.number().int().min(2018).max(2100).nullable(),
    sources: z.array(z.string().min(1)).min(1),
    notes: z.array(z.string()),
    aksi: z.array(AksiDefinition).min(1),
  })
  .superRefine((c, ctx) => {
    reportDuplicates(
      ctx,
      c.aksi.map((a) => a.code),
      ["aksi"],
      "aksi code",
    );
    reportDuplicates(
      ctx,
      c.aksi.flatMap((a) => a.outputs.map((o) => o.code)),
      ["aksi"],
      "output code",
    );
    if (c.validUntil !== null && c.validUntil < c.validFrom)
      ctx.addIssue(
        configIssue(
          ["validUntil"],
          `found ${c.validUntil}, expected a year not before validFrom ${c.validFrom}`,
          "aksi.configValidUntil",
          { validUntil: c.validUntil, validFrom: c.validFrom },
        ),
      );
  });
export type AksiConfig = z.infer<typeof AksiConfig>;

/** The built-in versions, oldest first. */
export const AKSI_CONFIGS: readonly AksiConfig[] = [AKSI_2022, AKSI_2025];

/**
 * The configuration that applies to `year`: among those with `validFrom ≤ year` (and `validUntil`
 * unset or ≥ year), the one with the latest `validFrom`; on equal `validFrom` the one listed last,
 * so a national admin's configuration appended after the built-ins replaces them for that year.
 * Null before the first version (the 2018 guidance is not modelled).
 */
export function aksiConfigForYear(
  year: number,
  configs: readonly AksiConfig[] = AKSI_CONFIGS,
): AksiConfig | null {
  let best: AksiConfig | null = null;
  for (const c of configs) {
    if (c.validFrom > year || (c.validUntil !== null && c.validUntil < year)) continue;
    if (best === null || c.validFrom >= best.validFrom) best = c;
  }
  return best;
}
