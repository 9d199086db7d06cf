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
    // Resized on the next frame, never while React is replacing the option or after disposal:
    // a resize in between made ECharts read the coordinate system of a half-set map option.
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!chart.isDisposed() && chart.getOption()) chart.resize();
      });
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
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
