/** The parts of Apache ECharts a choropleth needs (map series, colour classes), added to the shared ones. */
import { MapChart } from "echarts/charts";
import { VisualMapPiecewiseComponent } from "echarts/components";
import { echarts } from "./echarts.ts";

echarts.use([MapChart, VisualMapPiecewiseComponent]);

export { echarts };
