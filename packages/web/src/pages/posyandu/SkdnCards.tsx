import type { SkdnFigures } from "@tumbuh/core/api";
import { useTranslation } from "react-i18next";
import { StatCard } from "../../components/StatCard.tsx";
import { formatCount, formatPercent } from "../../lib/format.ts";

/** The SKDN of one unit and month: S, K, D, N and the indicators D/S, N/D, K/S, with T, O, B, 2T, BGM. */
export function SkdnCards({ f }: { f: SkdnFigures }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null) => formatCount(v, i18n.language);
  // SKDN indicators are shares (0–1); the figures elsewhere are percents.
  const pct = (v: number | null) => formatPercent(v === null ? null : v * 100, i18n.language);
  return (
    <>
      <div className="stat-grid">
        <StatCard testId="skdn-s" label={t("skdn.S")} value={n(f.s)} />
        <StatCard testId="skdn-k" label={t("skdn.K")} value={f.k === null ? t("skdn.notRecorded") : n(f.k)} />
        <StatCard
          testId="skdn-d"
          label={t("skdn.D")}
          value={n(f.d)}
          detail={t("skdn.dsDetail", { rate: pct(f.ds) })}
          tone={f.ds === null ? "neutral" : f.ds < 0.85 ? "alert" : "ok"}
        />
        <StatCard
          testId="skdn-n"
          label={t("skdn.N")}
          value={n(f.n)}
          detail={t("skdn.ndDetail", { rate: pct(f.nd) })}
          tone={f.nd === null ? "neutral" : f.nd < 0.8 ? "alert" : "ok"}
        />
      </div>
      <p className="hint" data-testid="skdn-identity">
        {t("skdn.identity", { d: n(f.d), n: n(f.n), t: n(f.t), o: n(f.o), b: n(f.b) })}{" "}
        {f.consistent ? null : <strong>{t("skdn.inconsistent")}</strong>}{" "}
        {t("skdn.referral", { twoT: n(f.twoT), bgm: n(f.bgm) })}
      </p>
    </>
  );
}
