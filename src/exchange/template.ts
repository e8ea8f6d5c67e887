/**
 * The import template (.xlsx): a 说明 sheet listing every sheet's columns with their types,
 * allowed values and relationships, then one sheet per entity type with its header row and
 * one example row. The examples form a small consistent set (a village, its Party branch …)
 * under `exampleTown`, so the template imports as it is.
 */
import { SHEETS, exampleRows, headerOf, INSTRUCTIONS_SHEET, type ColumnType } from "./sheets.js";
import { toXlsx, type Table } from "./tables.js";

/** The town the default template's example village hangs under (日庄镇, Laixi). */
export const DEFAULT_EXAMPLE_TOWN = "370285104000";

function describe(type: ColumnType): { type: string; allowed: string } {
  switch (type.kind) {
    case "text":
      return { type: "文本 text", allowed: `≤ ${type.maxLength} 字符, 无换行/制表符` };
    case "key":
      return { type: "编号 id", allowed: "≤ 100 字符, 无空格" };
    case "regionCode":
      return { type: "区划代码 region code", allowed: "12 位数字; 网格: 村代码-G01" };
    case "creditCode":
      return { type: "统一社会信用代码 credit code", allowed: "18 位, 末位校验码 (GB 32100-2015)" };
    case "enum":
      return { type: "枚举 enum", allowed: type.values.join(", ") };
    case "integer":
      return { type: "整数 integer", allowed: `${type.min} – ${type.max}` };
    case "number":
      return { type: "数字 number", allowed: `${type.min} – ${type.max}` };
    case "boolean":
      return { type: "是否 boolean", allowed: "true/false, 是/否, 1/0" };
    case "date":
      return { type: "日期 date", allowed: "yyyy-mm-dd 或 Excel 日期单元格" };
    case "list":
      return { type: "列表 list", allowed: `以 ; 分隔, ≤ ${type.maxItems} 项, 每项 ≤ ${type.maxLength} 字符` };
  }
}

const TEXT_KINDS = new Set<ColumnType["kind"]>(["text", "key", "regionCode", "creditCode", "enum", "list", "date"]);

const NOTES = [
  "导入模板 · Import template: one sheet per entity type; the header row reads “中文 key”, and only the English key counts.",
  "每行按主键合并 (Region: code, 其余: id): importing the same file twice changes nothing. 空单元格 = 不修改 (an empty cell leaves the stored value alone).",
  "引用列 (reference columns) name a row of this file or a node already in the graph; a filled one replaces that relationship.",
  "全部或全无 (all or nothing): one bad row and nothing is written; the report lists sheet, row, column and message. Delete the example rows before use.",
];

export function templateTables(exampleTown: string = DEFAULT_EXAMPLE_TOWN): Table[] {
  const examples = exampleRows(exampleTown);
  const instructions: Table = {
    name: INSTRUCTIONS_SHEET,
    notes: NOTES,
    columns: [
      { key: "sheet", header: "工作表 sheet", width: 24 },
      { key: "column", header: "列 column", width: 24 },
      { key: "label", header: "中文 label", width: 20 },
      { key: "type", header: "类型 type", width: 24 },
      { key: "required", header: "必填 required", width: 12 },
      { key: "allowed", header: "取值 allowed", width: 60 },
      { key: "relationship", header: "关系 relationship", width: 48 },
      { key: "note", header: "说明 note", width: 40 },
    ],
    rows: SHEETS.flatMap((sheet) =>
      sheet.columns.map((column) => ({
        sheet: `${sheet.label} ${sheet.name}`,
        column: column.key,
        label: column.label,
        ...describe(column.type),
        required: column.required ? "是 yes" : "",
        relationship:
          column.relationship ??
          (column.onRelationshipOf ? `property of ${column.onRelationshipOf}'s relationship` : ""),
        note: column.note ?? "",
      })),
    ),
  };
  const sheets = SHEETS.map((sheet): Table => ({
    name: sheet.name,
    columns: sheet.columns.map((column) => ({
      key: column.key,
      header: headerOf(column),
      format: TEXT_KINDS.has(column.type.kind) ? "@" : undefined,
    })),
    rows: [examples[sheet.name]],
  }));
  return [instructions, ...sheets];
}

export function buildTemplate(exampleTown?: string): Promise<Buffer> {
  return toXlsx(templateTables(exampleTown));
}
