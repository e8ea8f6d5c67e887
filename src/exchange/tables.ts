/**
 * A table (named columns, rows of values) written as an .xlsx sheet or a .csv file: the one
 * place that decides how exports and the template look. Headers read "中文 key"; code-like
 * columns are text cells so Excel keeps 12-digit codes and leading zeros as written.
 */
import ExcelJS from "exceljs";
import { formatCsv } from "./csv.js";

export interface TableColumn {
  key: string;
  header: string;
  width?: number;
  /** An Excel number format ("0.0%"), or "@" for text. */
  format?: string;
}

export interface Table {
  /** The sheet name. */
  name: string;
  columns: TableColumn[];
  rows: Array<Record<string, unknown>>;
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

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "qingdao-org-graph";
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.columns = table.columns.map((column) => ({
      key: column.key,
      width: column.width ?? Math.max(12, [...column.header].length * 1.6),
      style: column.format ? { numFmt: column.format } : {},
    }));
    for (const note of table.notes ?? []) sheet.addRow([note]);
    const header = sheet.addRow(table.columns.map((column) => column.header));
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    sheet.views = [{ state: "frozen", ySplit: header.number }];
    for (const row of table.rows) sheet.addRow(table.columns.map((column) => cellValue(row[column.key])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function toCsv(table: Table): Buffer {
  const rows = [table.columns.map((column) => column.header), ...table.rows.map((row) => table.columns.map((column) => cellValue(row[column.key])))];
  return Buffer.from(formatCsv(rows), "utf8");
}
