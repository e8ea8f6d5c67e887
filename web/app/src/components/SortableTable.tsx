/**
 * A table sortable by any of its columns, the one every sortable table of the explorer is built
 * with: a header sorts by its column, a second click reverses; figures start largest first,
 * names from the start of the alphabet. Values that cannot be measured (null) sort last either way.
 */
import { Fragment, useState, type ReactNode } from "react";

type Value = string | number | null;

interface Sorting<K extends string> {
  key: K | null;
  descending: boolean;
}

function useSort<T, K extends string>(rows: readonly T[], value: (row: T, key: K) => Value) {
  const [sorting, setSorting] = useState<Sorting<K>>({ key: null, descending: false });
  const { key, descending } = sorting;
  const sorted =
    key === null
      ? rows
      : [...rows].sort((a, b) => {
          const [x, y] = [value(a, key), value(b, key)];
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          const order =
            typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
          return descending ? -order : order;
        });
  const first = rows[0];
  const sortBy = (next: K) =>
    setSorting({
      key: next,
      descending: next === key ? !descending : first !== undefined && typeof value(first, next) === "number",
    });
  return { sorted, sorting, sortBy };
}

/** A header cell that sorts its table; `aria-sort` tells which way. */
function SortHeader<K extends string>({
  column,
  sorting,
  sortBy,
  children,
}: {
  column: K;
  sorting: Sorting<K>;
  sortBy: (key: K) => void;
  children: ReactNode;
}) {
  const active = sorting.key === column;
  return (
    <th aria-sort={active ? (sorting.descending ? "descending" : "ascending") : "none"} data-sort={column}>
      <button type="button" className="sort" onClick={() => sortBy(column)}>
        {children}
        <span className="sort-mark">{active ? (sorting.descending ? " ▼" : " ▲") : " ⇅"}</span>
      </button>
    </th>
  );
}

/**
 * `rows` under `columns`: `value` is what a column sorts by, `header` its heading, `cell` a row's
 * `<td>` in it. Each row is marked `data-{rowData}` with its key; `footer` (rows of a `<tfoot>`)
 * stays below, unsorted.
 */
export function SortableTable<T, K extends string>({
  testId,
  rows,
  columns,
  value,
  header,
  cell,
  rowKey,
  rowData,
  footer,
}: {
  testId: string;
  rows: readonly T[];
  columns: readonly K[];
  value: (row: T, column: K) => Value;
  header: (column: K) => ReactNode;
  cell: (row: T, column: K) => ReactNode;
  rowKey: (row: T) => string;
  rowData: string;
  footer?: ReactNode;
}) {
  const { sorted, sorting, sortBy } = useSort(rows, value);
  return (
    <div className="table-scroll">
      <table className="grid" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <SortHeader key={column} column={column} sorting={sorting} sortBy={sortBy}>
                {header(column)}
              </SortHeader>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} {...{ [`data-${rowData}`]: rowKey(row) }}>
              {columns.map((column) => (
                <Fragment key={column}>{cell(row, column)}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}
