/** How nutrition-status categories (Permenkes 2/2020 codes) are shown: their tone and translation key. */

export type StatusIndicator = "tbu" | "bbu" | "bbtb" | "imtu";
export type Tone = "bad" | "warn" | "good";

const tones: Record<string, Tone> = {
  // TB/U
  sangat_pendek: "bad",
  pendek: "bad",
  tinggi: "good",
  // BB/U
  sangat_kurang: "bad",
  kurang: "bad",
  risiko_lebih: "warn",
  // BB/TB and IMT/U
  gizi_buruk: "bad",
  gizi_kurang: "bad",
  gizi_baik: "good",
  berisiko_gizi_lebih: "warn",
  gizi_lebih: "warn",
  obesitas: "bad",
  normal: "good",
};

/** Colour tone of a status code: red for stunting/wasting/underweight and obesity, amber for overweight risk, green otherwise. */
export function statusTone(code: string | null | undefined): Tone | null {
  if (!code) return null;
  return tones[code] ?? null;
}

/** Translation key of a status code for an indicator ("status.tbu.pendek"). */
export function statusKey(indicator: StatusIndicator, code: string): string {
  return `status.${indicator}.${code}`;
}

/** A z-score as text with its sign, or an en dash: 1.5 → "+1.50", −2 → "−2.00". */
export function formatZ(z: number | null | undefined, lang: string): string {
  if (z === null || z === undefined || !Number.isFinite(z)) return "–";
  const abs = Math.abs(z).toLocaleString(lang === "en" ? "en-GB" : "id-ID", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${z > 0 ? "+" : z < 0 ? "−" : ""}${abs}`;
}
