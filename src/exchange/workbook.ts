/**
 * Reads an uploaded file into sheets of raw cells keyed by column key, as the template lays
 * them out: an .xlsx workbook (every sheet but 说明) or one .csv file (one sheet, named by the
 * caller). Header problems (unknown, duplicate or missing required columns, unknown sheets)
 * are reported here; cell contents are judged later (validate.ts).
 */
import ExcelJS from "exceljs";
import { parseCsv } from "./csv.js";
import type { ImportProblem } from "./report.js";
import { headerKey, INSTRUCTIONS_SHEET, SHEET_BY_NAME, SHEET_NAMES, type SheetSpec } from "./sheets.js";

export type ImportFormat = "xlsx" | "csv";
export const IMPORT_FORMATS: readonly ImportFormat[] = ["xlsx", "csv"];

/** A cell as read: Excel date cells arrive as Date, numbers as number, the rest as text. */
export type Cell = string | number | boolean | Date | null;

export interface RawRow {
  /** The row number the spreadsheet shows. */
  row: number;
  cells: Map<string, Cell>;
}

export interface RawSheet {
  spec: SheetSpec;
  rows: RawRow[];
}

export interface ReadResult {
  sheets: RawSheet[];
  problems: ImportProblem[];
}

/** A grid of cells with their spreadsheet row numbers; the first row is the header. */
type Grid = Array<{ row: number; cells: Cell[] }>;

function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return value.error;
  // Formulas count by their cached result: the importer computes nothing.
  if ("formula" in value || "sharedFormula" in value) return plainCell(value.result);
  if ("hyperlink" in value) return plainCell(value.text as ExcelJS.CellValue);
  return null;
}

const isEmpty = (cell: Cell) => cell === null || (typeof cell === "string" && cell.trim() === "");

/** Maps a grid onto a sheet's columns; header problems leave the sheet out. */
function sheetFromGrid(spec: SheetSpec, grid: Grid, problems: ImportProblem[]): RawSheet | null {
  const [header, ...data] = grid;
  const before = problems.length;
  const keys = new Map<number, string>();
  header?.cells.forEach((cell, index) => {
    if (isEmpty(cell)) return;
    const key = headerKey(String(cell));
    if (!spec.columns.some((column) => column.key === key)) {
      problems.push({
        sheet: spec.name,
        row: header.row,
        column: String(cell),
        message: `unknown column "${String(cell)}" (see the 说明 sheet of the template)`,
      });
    } else if ([...keys.values()].includes(key)) {
      problems.push({ sheet: spec.name, row: header.row, column: key, message: `column ${key} appears twice` });
    } else keys.set(index, key);
  });
  for (const column of spec.columns) {
    if (column.required && ![...keys.values()].includes(column.key)) {
      problems.push({
        sheet: spec.name,
        row: header?.row ?? 1,
        column: column.key,
        message: `required column ${column.label} ${column.key} is missing`,
      });
    }
  }
  if (problems.length > before) return null;
  const rows = data
    .filter(({ cells }) => cells.some((cell) => !isEmpty(cell)))
    .map(({ row, cells }) => ({ row, cells: new Map([...keys].map(([index, key]) => [key, cells[index] ?? null])) }));
  return { spec, rows };
}

function specOf(sheetName: string, problems: ImportProblem[]): SheetSpec | null {
  const spec = SHEET_BY_NAME.get(headerKey(sheetName));
  if (!spec) {
    problems.push({
      sheet: sheetName,
      row: null,
      column: null,
      message: `unknown sheet "${sheetName}"; sheets are ${SHEET_NAMES.join(", ")}`,
    });
  }
  return spec ?? null;
}

async function readXlsx(body: Buffer, problems: ImportProblem[]): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; the bytes of the upload are exactly that.
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  } catch {
    problems.push({ sheet: null, row: null, column: null, message: "the file is not an .xlsx workbook" });
    return [];
  }
  const sheets: RawSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.name === INSTRUCTIONS_SHEET) continue;
    const spec = specOf(worksheet.name, problems);
    if (!spec) continue;
    if (sheets.some((sheet) => sheet.spec === spec)) {
      problems.push({
        sheet: worksheet.name,
        row: null,
        column: null,
        message: `a second ${spec.name} sheet; put all its rows in one sheet`,
      });
      continue;
    }
    const grid: Grid = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      // row.values is 1-based: index 0 is always empty.
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      grid.push({ row: number, cells: values.map(plainCell) });
    });
    const sheet = sheetFromGrid(spec, grid, problems);
    if (sheet) sheets.push(sheet);
  }
  return sheets;
}

function readCsv(body: Buffer, sheetName: string, problems: ImportProblem[]): RawSheet[] {
  const spec = specOf(sheetName, problems);
  if (!spec) return [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    problems.push({
      sheet: spec.name,
      row: null,
      column: null,
      message: "the file is not UTF-8 text; save it from Excel as “CSV UTF-8”",
    });
    return [];
  }
  const grid = parseCsv(text).map((cells, index) => ({ row: index + 1, cells: cells as Cell[] }));
  const sheet = sheetFromGrid(spec, grid, problems);
  return sheet ? [sheet] : [];
}

/** The sheet a .csv file holds, by its name: "党组织 PartyOrganization.csv" → "PartyOrganization". */
export function csvSheetName(fileName: string): string {
  return headerKey(fileName.replace(/^.*[\\/]/, "").replace(/\.csv$/i, ""));
}

/** The sheets of a file; for CSV, `sheetName` names its one sheet (e.g. "PartyOrganization"). */
export async function readWorkbook(body: Buffer, format: ImportFormat, sheetName?: string): Promise<ReadResult> {
  const problems: ImportProblem[] = [];
  const sheets = format === "xlsx" ? await readXlsx(body, problems) : readCsv(body, sheetName ?? "", problems);
  if (problems.length === 0 && sheets.every((sheet) => sheet.rows.length === 0)) {
    problems.push({ sheet: null, row: null, column: null, message: "the file holds no data rows" });
  }
  return { sheets, problems };
}
