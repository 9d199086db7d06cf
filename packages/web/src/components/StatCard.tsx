import type { ReactNode } from "react";

/** One headline figure: a label, a big value, and the counts behind it. */
export function StatCard({
  label,
  value,
  detail,
  tone,
  testId,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  tone?: "alert" | "ok" | "neutral";
  testId?: string;
}) {
  return (
    <div className={`stat-card ${tone ?? "neutral"}`} data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value">{value}</div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
    </div>
  );
}
