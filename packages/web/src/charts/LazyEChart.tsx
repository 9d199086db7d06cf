import { type ComponentProps, lazy, Suspense } from "react";
import type { EChart as EChartComponent } from "./EChart.tsx";

/** ECharts (about 190 kB gzipped) loads after a page's figures and tables, not before them. */
const EChart = lazy(() => import("./EChart.tsx").then((m) => ({ default: m.EChart })));

type Props = ComponentProps<typeof EChartComponent>;

/**
 * A chart that reserves its height at once (no jump when it arrives) and draws once the
 * charting library has loaded; the page around it is usable before.
 */
export function LazyEChart(props: Props) {
  const placeholder = (
    <div
      className="chart chart-loading"
      role="img"
      aria-label={props.label}
      aria-busy="true"
      style={{ height: props.height ?? 320 }}
      data-testid={props.testId}
    />
  );
  return (
    <Suspense fallback={placeholder}>
      <EChart {...props} />
    </Suspense>
  );
}
