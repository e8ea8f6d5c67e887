/**
 * Click-to-sort for tables: a header sorts by its column, a second click reverses. Values that
 * cannot be measured (null) sort last either way.
 */
import { useState, type ReactNode } from "react";

type Value = string | number | null;

export interface Sorting<K extends string> {
  key: K | null;
  descending: boolean;
}

export function useSort<T, K extends string>(
  rows: T[],
  value: (row: T, key: K) => Value,
  initial: Sorting<K> = { key: null, descending: false },
) {
  const [sorting, setSorting] = useState<Sorting<K>>(initial);
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
  // Figures start largest first, names from the start of the alphabet.
  const first = rows[0];
  const sortBy = (next: K) =>
    setSorting({
      key: next,
      descending: next === key ? !descending : first !== undefined && typeof value(first, next) === "number",
    });
  return { sorted, sorting, sortBy };
}

/** A header cell that sorts its table; `aria-sort` tells which way. */
export function SortHeader<K extends string>({
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
