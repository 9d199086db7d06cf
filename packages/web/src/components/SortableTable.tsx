import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { nextSort, type SortState, sortRows } from "../lib/sort.ts";
import { TableScroll } from "./TableScroll.tsx";

export interface Column<T> {
  key: string;
  label: string;
  /** Numeric columns align right and sort worst-first on the first click. */
  numeric?: boolean;
  value: (row: T) => string | number | null | undefined;
  render?: (row: T) => ReactNode;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: SortState<string>;
  testId?: string;
}

/** A table whose column headers sort the rows (keyboard-operable buttons, aria-sort announced). */
export function SortableTable<T>({ caption, columns, rows, rowKey, initialSort, testId }: Props<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState<string>>(
    initialSort ?? { key: columns[0].key, direction: "asc" },
  );
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const sorted = sortRows(rows, sort, (row, key) => byKey.get(key)?.value(row));
  return (
    <TableScroll>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? "num" : undefined}
                  aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort(nextSort(sort, c.key, !!c.numeric))}
                    title={t("table.sortBy", { column: c.label })}
                  >
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t("table.empty")}</td>
            </tr>
          ) : (
            sorted.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c, i) => {
                  const content = c.render ? c.render(row) : (c.value(row) ?? "–");
                  return i === 0 ? (
                    <th key={c.key} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={c.key} className={c.numeric ? "num" : undefined}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
