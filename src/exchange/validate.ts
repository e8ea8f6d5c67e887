/**
 * Checks every row of a file on its own and against the rest of the file, before the graph is
 * asked anything: cell types, required cells, rules across a row's columns, keys and credit
 * codes unique within the file, and a region's code under its parent's prefix.
 * What needs the graph (references, keys already taken, scope) is references.ts's job.
 */
import { regionCodeProblem } from "../domain/region-code.js";
import { parseCell } from "./cells.js";
import type { ImportProblem } from "./report.js";
import type { SheetName } from "./sheets.js";
import type { RawSheet } from "./workbook.js";

export interface ParsedRow {
  sheet: SheetName;
  row: number;
  /** The row's key: Region.code or the id. */
  key: string;
  /** Typed values of the non-empty cells, by column key. */
  values: Record<string, unknown>;
}

export type Progress = (done: number, total: number) => void;

function parseRow(sheet: RawSheet, raw: RawSheet["rows"][number], problems: ImportProblem[]): ParsedRow | null {
  const { spec } = sheet;
  const before = problems.length;
  const problem = (column: string, message: string) =>
    problems.push({ sheet: spec.name, row: raw.row, column, message });
  const values: Record<string, unknown> = {};
  for (const column of spec.columns) {
    const outcome = parseCell(raw.cells.get(column.key) ?? null, column.type);
    if ("error" in outcome) problem(column.key, outcome.error);
    else if (outcome.value !== undefined) values[column.key] = outcome.value;
    else if (column.required) problem(column.key, `${column.label} ${column.key} is required`);
  }
  if (problems.length > before) return null;
  const broken = spec.rowRule?.(values);
  if (broken) {
    problem(broken.column, broken.message);
    return null;
  }
  if (spec.name === "Region" && typeof values.parentCode === "string") {
    const prefix = regionCodeProblem(values.code as string, values.parentCode);
    if (prefix) {
      problem("code", prefix);
      return null;
    }
  }
  const key = spec.keyColumn ? (values[spec.keyColumn] as string) : spec.naturalKey!(values);
  return { sheet: spec.name, row: raw.row, key, values };
}

/** Reports the second and later rows of a sheet holding the same value in `column`. */
function unique(rows: ParsedRow[], column: string, what: string, problems: ImportProblem[]): void {
  const first = new Map<unknown, number>();
  for (const row of rows) {
    const value = row.values[column];
    if (value === undefined) continue;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, row.row);
    else
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column,
        message: `${what} ${String(value)} is already on row ${seen} of this sheet`,
      });
  }
}

/** The rows that passed, and the problems of those that did not. */
export function validateRows(
  sheets: RawSheet[],
  onProgress: Progress = () => {},
): { rows: ParsedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const rows: ParsedRow[] = [];
  const total = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  let done = 0;
  for (const sheet of sheets) {
    const parsed: ParsedRow[] = [];
    for (const raw of sheet.rows) {
      const row = parseRow(sheet, raw, problems);
      if (row) parsed.push(row);
      onProgress((done += 1), total);
    }
    // Rows keyed by what they describe (an event's organization, kind and date) are one node when equal.
    if (sheet.spec.keyColumn) unique(parsed, sheet.spec.keyColumn, "key", problems);
    if (sheet.spec.columns.some((column) => column.key === "creditCode"))
      unique(parsed, "creditCode", "credit code", problems);
    rows.push(...parsed);
  }
  return { rows, problems };
}
