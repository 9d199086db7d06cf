import { useTranslation } from "react-i18next";
import type { PublicFigures } from "../../api/types.ts";
import { type Column, SortableTable } from "../../components/SortableTable.tsx";
import { formatCount, formatPercent } from "../../lib/format.ts";
import { displayCount, displayRate } from "../../lib/suppression.ts";

type Row = PublicFigures & { code: string; name: string };

/** Published figures per region; suppressed small counts show as "< 5" and their rates as "*". */
export function PublicTable<T extends Row>({
  rows,
  caption,
  testId,
  extra,
}: {
  rows: T[];
  caption: string;
  testId: string;
  extra?: Column<T>[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const count = (r: T, k: "measured" | "stunted" | "wasted" | "underweight" | "overweight") =>
    // Only the cells the API hid are marked; a row's other counts are published as they are.
    displayCount({ value: r[k], suppressed: r.suppressed && r[k] === null }, (n) => formatCount(n, lang));
  const rate = (r: T, k: "stuntingRate" | "wastingRate" | "underweightRate" | "overweightRate") =>
    displayRate(r[k], r.suppressed && r[k] === null, (v) => formatPercent(v, lang));
  const columns: Column<T>[] = [
    { key: "name", label: t("table.region"), value: (r) => r.name },
    ...(extra ?? []),
    {
      key: "measured",
      label: t("indicators.measured"),
      numeric: true,
      value: (r) => r.measured,
      render: (r) => count(r, "measured"),
    },
    {
      key: "stunted",
      label: t("table.stuntedCount"),
      numeric: true,
      value: (r) => r.stunted,
      render: (r) => count(r, "stunted"),
    },
    {
      key: "stuntingRate",
      label: t("indicators.stunting"),
      numeric: true,
      value: (r) => r.stuntingRate,
      render: (r) => rate(r, "stuntingRate"),
    },
    {
      key: "wastingRate",
      label: t("indicators.wasting"),
      numeric: true,
      value: (r) => r.wastingRate,
      render: (r) => rate(r, "wastingRate"),
    },
    {
      key: "underweightRate",
      label: t("indicators.underweight"),
      numeric: true,
      value: (r) => r.underweightRate,
      render: (r) => rate(r, "underweightRate"),
    },
    {
      key: "overweightRate",
      label: t("indicators.overweight"),
      numeric: true,
      value: (r) => r.overweightRate,
      render: (r) => rate(r, "overweightRate"),
    },
  ];
  return (
    <SortableTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.code}
      initialSort={{ key: "stuntingRate", direction: "desc" }}
      testId={testId}
    />
  );
}

/** The published table as cells for CSV/XLSX: suppressed values stay empty, with a column saying so. */
export function publicExport(rows: Row[], t: (k: string) => string) {
  return {
    headers: [
      t("table.code"),
      t("table.region"),
      t("indicators.measured"),
      t("table.stuntedCount"),
      `${t("indicators.stunting")} (%)`,
      `${t("indicators.wasting")} (%)`,
      `${t("indicators.underweight")} (%)`,
      `${t("indicators.overweight")} (%)`,
      t("public.suppressedColumn"),
    ],
    rows: rows.map((r) => [
      r.code,
      r.name,
      r.measured,
      r.stunted,
      r.stuntingRate,
      r.wastingRate,
      r.underweightRate,
      r.overweightRate,
      r.suppressed ? t("common.yes") : t("common.no"),
    ]),
  };
}
