import { useTranslation } from "react-i18next";
import type { ZPreview } from "../../api/types.ts";
import { StatusChip } from "../../components/StatusChip.tsx";
import { formatZ } from "../../lib/status.ts";

/** The z-scores and categories of the values being typed, as the server computes them. */
export function ZPreviewView({ preview }: { preview: ZPreview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const item = (
    label: string,
    z: number | null,
    flag: boolean | null,
    ind: "tbu" | "bbu" | "bbtb",
    code: string | null,
  ) => (
    <span>
      <span className="label">{label}</span> {formatZ(z, lang)}{" "}
      <StatusChip indicator={ind} code={code} flagged={flag} />
    </span>
  );
  return (
    <div className="zscores" aria-live="polite" data-testid="zpreview">
      <span>
        <span className="label">{t("session.age")}</span>{" "}
        {preview.ageMonths === null ? "–" : t("child.months", { n: Math.floor(preview.ageMonths) })}
      </span>
      {item("TB/U", preview.zlen, preview.flen, "tbu", preview.status.tbu?.code ?? null)}
      {item("BB/U", preview.zwei, preview.fwei, "bbu", preview.status.bbu?.code ?? null)}
      {item("BB/TB", preview.zwfl, preview.fwfl, "bbtb", preview.status.bbtb?.code ?? null)}
    </div>
  );
}
