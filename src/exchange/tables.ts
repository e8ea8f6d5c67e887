/**
 * A table (named columns, rows of values) written as an .xlsx sheet or a .csv file: the one
 * place that decides how exports and the template look. In .xlsx, title rows (what, region,
 * day, filter) come first, then the header, which reads "中文 key" and carries the auto-filter;
 * columns are as wide as their widest value, a Chinese character counting twice; code-like
 * columns are text cells so Excel keeps 12-digit codes and leading zeros as written, and date
 * columns are date cells Excel sorts and filters as dates. A .csv holds the header and the rows
 * only, so that any program reads it.
 */
import ExcelJS from "exceljs";
import { formatCsv } from "./csv.js";

export interface TableColumn {
  key: string;
  header: string;
  width?: number;
  /** An Excel number format ("0.0%"), "@" for text, or DATE for yyyy-mm-dd values written as dates. */
  format?: string;
}

/** The format of a date column: its yyyy-mm-dd values become Excel date cells shown so. */
export const DATE = "yyyy-mm-dd";

/** One title row: a label, then its value (with `date`, a yyyy-mm-dd value written as a date cell). */
export interface TitleLine {
  label: string;
  value: string;
  date?: boolean;
}

export interface Table {
  /** The sheet name. */
  name: string;
  columns: TableColumn[];
  rows: Array<Record<string, unknown>>;
  /** The export's title rows above the header (.xlsx only): a heading, then what it holds. */
  title?: { heading: string; lines: TitleLine[] };
  /** Lines shown above the header (the template's instructions). */
  notes?: string[];
}

export type ExportFormat = "xlsx" | "csv";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["xlsx", "csv"];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** Lists go into one cell, separated as the importer splits them. */
const cellValue = (value: unknown) => (Array.isArray(value) ? value.join("; ") : (value ?? null));
/** Excel date cells are midnight UTC of the day shown (as the importer reads them back). */
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);
const xlsxValue = (column: TableColumn, value: unknown) =>
  column.format === DATE && typeof value === "string" ? dateCell(value) : cellValue(value);

/** Han, kana, hangul and full-width forms take two columns in Excel, as on screen. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const displayWidth = (text: string) => [...text].reduce((width, char) => width + (WIDE.test(char) ? 2 : 1), 0);

/** Wide enough for the header and the longest value (a note spans the row, so it does not count), within reason. */
function columnWidth(column: TableColumn, rows: Table["rows"]): number {
  if (column.width) return column.width;
  const widest = rows.reduce(
    (max, row) => Math.max(max, displayWidth(String(cellValue(row[column.key]) ?? ""))),
    displayWidth(column.header),
  );
  return Math.min(60, Math.max(10, widest + 2));
}

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "qingdao-org-graph";
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.columns = table.columns.map((column) => ({
      key: column.key,
      width: columnWidth(column, table.rows),
      style: column.format ? { numFmt: column.format } : {},
    }));
    if (table.title) {
      const heading = sheet.addRow([table.title.heading]);
      heading.font = { bold: true, size: 14 };
      for (const line of table.title.lines) {
        const row = sheet.addRow([line.label, line.date ? dateCell(line.value) : line.value]);
        row.getCell(1).font = { bold: true };
        // Title values are not column data: left-aligned text or a date, whatever the column below holds.
        row.getCell(2).numFmt = line.date ? DATE : "General";
        row.getCell(2).alignment = { horizontal: "left" };
      }
      sheet.addRow([]);
    }
    for (const note of table.notes ?? []) sheet.addRow([note]);
    const header = sheet.addRow(table.columns.map((column) => column.header));
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    sheet.views = [{ state: "frozen", ySplit: header.number }];
    // Excel users filter and sort from the header row.
    sheet.autoFilter = {
      from: { row: header.number, column: 1 },
      to: { row: header.number, column: table.columns.length },
    };
    for (const row of table.rows) sheet.addRow(table.columns.map((column) => xlsxValue(column, row[column.key])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function toCsv(table: Table): Buffer {
  const rows = [
    table.columns.map((column) => column.header),
    ...table.rows.map((row) => table.columns.map((column) => cellValue(row[column.key]))),
  ];
  return Buffer.from(formatCsv(rows), "utf8");
}
