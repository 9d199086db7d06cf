import { growthAlerts } from "@tumbuh/core";
import { useTranslation } from "react-i18next";
import type { Child, Measurement } from "../../api/types.ts";
import { formatPeriod } from "../../lib/format.ts";
import { localToday } from "../../lib/today.ts";

/**
 * The growth alerts of a child's record (core faltering.ts, default KBM): T at the latest weighing,
 * 2T, below the red line (BGM), each since when; nothing when none holds.
 */
export function GrowthAlerts({ child, measurements }: { child: Child; measurements: Measurement[] }) {
  const { t, i18n } = useTranslation();
  const today = localToday();
  const weighings = measurements
    .filter((m) => m.weight !== null && m.weight > 0 && m.date <= today)
    .map((m) => ({ date: m.date, weight: m.weight as number, oedema: m.oedema }));
  const { alerts } = growthAlerts(
    { sex: child.sex, birthDate: child.birthDate, weighings },
    today.slice(0, 7),
  );
  if (alerts.length === 0) return null;
  return (
    <p className="notice" role="status" data-testid="growth-alerts">
      {t("posyandu.recordAlerts")}{" "}
      {alerts.map((a) => (
        <span key={a.rule} className="chip bad">
          {t(`posyandu.alert.${a.rule === "2T" ? "twoT" : a.rule}`, {
            since: formatPeriod(a.since, i18n.language),
          })}
        </span>
      ))}{" "}
      {t(alerts.some((a) => a.rule !== "T") ? "posyandu.referAdvice" : "posyandu.counselAdvice")}
    </p>
  );
}
