/**
 * What an import answers: either the file went in (counts per sheet) or it did not, and the
 * row-level report says why. `row` is the row number as the spreadsheet shows it (the header
 * is row 1); `column` is the column's English key. Both are null when a problem concerns a
 * whole sheet or file.
 */
import type { SheetName } from "./sheets.js";

export interface ImportProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/** The report lists at most this many problems (and counts them all): enough to fix a file by. */
export const MAX_REPORTED_PROBLEMS = 1_000;

export type ImportResult =
  | { imported: boolean; dryRun: boolean; rows: number; counts: Partial<Record<SheetName, number>> }
  | { imported: false; errorCount: number; errors: ImportProblem[] };

export function failed(problems: ImportProblem[]): ImportResult {
  return { imported: false, errorCount: problems.length, errors: problems.slice(0, MAX_REPORTED_PROBLEMS) };
}
