import { useTranslation } from "react-i18next";
import type { Dashboard } from "../../api/types.ts";
import { type Column, SortableTable } from "../../components/SortableTable.tsx";
import { formatCount, formatPercent } from "../../lib/format.ts";
import { href } from "../../routing/router.ts";

type Row = Dashboard["children"][number];

/** Figures of each child region (or posyandu), sortable; region names drill down. */
export function ChildRegionTable({
  rows,
  caption,
  linkPath,
  period,
}: {
  rows: Row[];
  caption: string;
  linkPath: string;
  period: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pct = (v: number | null) => formatPercent(v, lang);
  const columns: Column<Row>[] = [
    {
      key: "name",
      label: t("table.region"),
      value: (r) => r.name,
      // villages have no shapes below them: from the map, a village opens its dashboard (posyandu)
      render: (r) =>
        r.level === "posyandu" ? (
          <a href={href(`/posyandu/${r.code}`)}>{r.name}</a>
        ) : (
          <a href={href(r.level === "village" ? "/" : linkPath, { region: r.code, period })}>{r.name}</a>
        ),
    },
    {
      key: "measured",
      label: t("indicators.measured"),
      numeric: true,
      value: (r) => r.measured,
      render: (r) => formatCount(r.measured, lang),
    },
    {
      key: "stuntingRate",
      label: t("indicators.stunting"),
      numeric: true,
      value: (r) => r.stuntingRate,
      render: (r) => pct(r.stuntingRate),
    },
    {
      key: "stunted",
      label: t("table.stuntedCount"),
      numeric: true,
      value: (r) => r.stunted,
      render: (r) => formatCount(r.stunted, lang),
    },
    {
      key: "wastingRate",
      label: t("indicators.wasting"),
      numeric: true,
      value: (r) => r.wastingRate,
      render: (r) => pct(r.wastingRate),
    },
    {
      key: "underweightRate",
      label: t("indicators.underweight"),
      numeric: true,
      value: (r) => r.underweightRate,
      render: (r) => pct(r.underweightRate),
    },
    {
      key: "overweightRate",
      label: t("indicators.overweight"),
      numeric: true,
      value: (r) => r.overweightRate,
      render: (r) => pct(r.overweightRate),
    },
    {
      key: "coverageRate",
      label: t("indicators.coverage"),
      numeric: true,
      value: (r) => r.coverageRate,
      render: (r) => pct(r.coverageRate),
    },
    {
      key: "newStunting",
      label: t("indicators.newStunting"),
      numeric: true,
      value: (r) => r.newStunting,
      render: (r) => formatCount(r.newStunting, lang),
    },
  ];
  return (
    <SortableTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.code}
      initialSort={{ key: "stuntingRate", direction: "desc" }}
      testId="child-region-table"
    />
  );
}
