import { useEffect, useRef } from "react";
import { echarts } from "./echarts.ts";

/** Option object passed to ECharts' setOption. */
export type ChartOption = Parameters<echarts.ECharts["setOption"]>[0];

interface Props {
  option: ChartOption;
  /** Short description for screen readers; the data are also in a table on the page. */
  label: string;
  height?: number;
  testId?: string;
  onClickName?: (name: string, data: unknown) => void;
}

/** An ECharts chart that follows its container's width and is replaced when `option` changes. */
export function EChart({ option, label, height = 320, testId, onClickName }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClickName);
  clickRef.current = onClickName;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chartRef.current = chart;
    chart.on("click", (p) => clickRef.current?.(String(p.name ?? ""), p.data));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={ref} className="chart" role="img" aria-label={label} style={{ height }} data-testid={testId} />
  );
}
