/**
 * The exchange template: which sheets a workbook may hold, their columns, and what each cell
 * becomes in the graph. This table is the contract of import, of the template workbook and of
 * its 说明 (instructions) sheet, so the three cannot disagree.
 *
 * A sheet is one entity type (DOMAIN.md's label), keyed by `code` (Region) or `id` (the rest);
 * OrgLifeEvent rows are keyed by what makes an event one event: organization, kind and date.
 * A column is a node property, unless it `references` another sheet: then its value is that
 * row's key (in the same file or already in the graph) and becomes `relationship`.
 * Headers read "中文 key" (e.g. `名称 name`); only the key after the last space counts.
 */
import { withCheckCharacter } from "../domain/credit-code.js";
import { today } from "../domain/dates.js";
import { ORG_LIFE_EVENT_KINDS } from "../domain/org-life.js";
import { REGION_LEVELS } from "../domain/region-levels.js";

export const SHEET_NAMES = [
  "Region",
  "PartyOrganization",
  "TwoNewOrganization",
  "Cooperative",
  "Institution",
  "Person",
  "OrgLifeEvent",
] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

/** The instructions sheet of the template; an import skips it. */
export const INSTRUCTIONS_SHEET = "说明";

/** Longest name, longest other text, longest id: beyond them a cell is a mistake, not data. */
export const MAX_NAME = 200;
const MAX_TEXT = 100;

export type ColumnType =
  | { kind: "text"; maxLength: number }
  | { kind: "key" }
  | { kind: "regionCode" }
  | { kind: "creditCode" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "integer"; min: number; max: number }
  | { kind: "number"; min: number; max: number }
  | { kind: "boolean" }
  | { kind: "date" }
  | { kind: "list"; maxItems: number; maxLength: number };

export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  required?: boolean;
  /** The value is the key of a row of this sheet (file or graph); not stored as a property. */
  references?: SheetName;
  /** What a reference becomes, as written in DOMAIN.md (for the instructions). */
  relationship?: string;
  /** Stored on the relationship of the column named here instead of on the node. */
  onRelationshipOf?: string;
  /** latitude/longitude: together they make the WGS-84 `location` point. */
  location?: "latitude" | "longitude";
  note?: string;
}

export interface SheetSpec {
  name: SheetName;
  label: string;
  /** The column holding each row's key; null for a sheet whose rows are keyed by `naturalKey`. */
  keyColumn: "code" | "id" | null;
  /**
   * The key of a row of a sheet without key column: rows (of the file or the graph) with the same
   * key are one node, the later row's filled cells winning.
   */
  naturalKey?: (values: Record<string, unknown>) => string;
  /** Written only in the relationships pass (the node is merged together with the relationship it hangs on). */
  linksOnly?: boolean;
  columns: Column[];
  /** A rule across columns of one row: the column at fault and why, or null. */
  rowRule?: (values: Record<string, unknown>) => { column: string; message: string } | null;
}

const enumOf = (...values: string[]): ColumnType => ({ kind: "enum", values });
const NAME: ColumnType = { kind: "text", maxLength: MAX_NAME };
const TEXT: ColumnType = { kind: "text", maxLength: MAX_TEXT };
const COUNT: ColumnType = { kind: "integer", min: 0, max: 100_000_000 };
const AMOUNT: ColumnType = { kind: "number", min: 0, max: 1e9 };
const id = (label: string): Column => ({ key: "id", label, type: { kind: "key" }, required: true });
const name = (label = "名称"): Column => ({ key: "name", label, type: NAME, required: true });
const regionRef = (key: string, label: string, relationship: string, required = true): Column => ({
  key,
  label,
  type: { kind: "regionCode" },
  required,
  references: "Region",
  relationship,
});
const orgRef = (key: string, label: string, relationship: string, sheet: SheetName = "PartyOrganization"): Column => ({
  key,
  label,
  type: { kind: "key" },
  references: sheet,
  relationship,
});

export const SHEETS: readonly SheetSpec[] = [
  {
    name: "Region",
    label: "行政区划",
    keyColumn: "code",
    columns: [
      {
        key: "code",
        label: "代码",
        type: { kind: "regionCode" },
        required: true,
        note: "12 位统计用区划代码; 网格为村代码 + -G + 两位数字",
      },
      name(),
      { key: "level", label: "级别", type: enumOf(...REGION_LEVELS), required: true },
      { key: "status", label: "状态", type: enumOf("ACTIVE", "MERGED"), note: "空: 新建为 ACTIVE, 已有的不变" },
      {
        ...regionRef("parentCode", "上级代码", "(Region)-[:PART_OF]->(Region)", false),
        note: "须以上级代码的有效前缀开头",
      },
      { key: "population", label: "人口", type: COUNT },
      { key: "households", label: "户数", type: COUNT },
      { key: "collectiveIncome", label: "村集体经济收入(万元)", type: AMOUNT },
      { key: "isNewVillage", label: "是否新村", type: { kind: "boolean" } },
      { key: "industries", label: "产业", type: { kind: "list", maxItems: 20, maxLength: 50 }, note: "以 ; 分隔" },
      { key: "latitude", label: "纬度", type: { kind: "number", min: -90, max: 90 }, location: "latitude" },
      { key: "longitude", label: "经度", type: { kind: "number", min: -180, max: 180 }, location: "longitude" },
      { key: "validFrom", label: "生效日期", type: { kind: "date" } },
      { key: "validTo", label: "失效日期", type: { kind: "date" } },
    ],
    rowRule: (v) => {
      if ((v.latitude === undefined) !== (v.longitude === undefined)) {
        return {
          column: v.latitude === undefined ? "latitude" : "longitude",
          message: "latitude and longitude go together: give both or neither",
        };
      }
      if (typeof v.code === "string" && v.code.includes("-G") && v.level !== "GRID") {
        return { column: "level", message: `${v.code} is a grid code, so level must be GRID` };
      }
      if (typeof v.validFrom === "string" && typeof v.validTo === "string" && v.validTo < v.validFrom) {
        return { column: "validTo", message: `validTo ${v.validTo} is before validFrom ${v.validFrom}` };
      }
      return null;
    },
  },
  {
    name: "PartyOrganization",
    label: "党组织",
    keyColumn: "id",
    columns: [
      id("编号"),
      name(),
      {
        key: "kind",
        label: "组织形式",
        type: enumOf("COMMITTEE", "WORKING_COMMITTEE", "GENERAL_BRANCH", "BRANCH", "JOINT_BRANCH", "PARTY_GROUP"),
        required: true,
      },
      {
        key: "category",
        label: "类别",
        type: enumOf(
          "TOWN",
          "VILLAGE",
          "GRID",
          "TWO_NEW_COMPREHENSIVE",
          "TWO_NEW",
          "COOPERATIVE",
          "INDUSTRY_CHAIN",
          "ASSOCIATION",
          "AGRI_PARK",
          "INSTITUTION",
          "FUNCTIONAL",
          "COMMUNITY",
        ),
        required: true,
      },
      { key: "status", label: "状态", type: enumOf("ACTIVE", "DISSOLVED"), note: "空: 新建为 ACTIVE, 已有的不变" },
      { key: "foundedOn", label: "成立日期", type: { kind: "date" } },
      { key: "isWeak", label: "软弱涣散", type: { kind: "boolean" } },
      regionRef("regionCode", "所在区划", "(PartyOrganization)-[:BASED_IN]->(Region)"),
      orgRef("superiorId", "上级党组织", "(PartyOrganization)-[:SUBORDINATE_TO]->(PartyOrganization)"),
    ],
  },
  {
    name: "TwoNewOrganization",
    label: "两新组织",
    keyColumn: "id",
    columns: [
      id("编号"),
      name(),
      { key: "type", label: "类型", type: enumOf("ENTERPRISE", "SOCIAL_ORGANIZATION"), required: true },
      {
        key: "creditCode",
        label: "统一社会信用代码",
        type: { kind: "creditCode" },
        required: true,
        note: "18 位, GB 32100-2015 校验码",
      },
      { key: "employees", label: "从业人员", type: COUNT },
      { key: "industry", label: "行业", type: TEXT },
      { key: "foundedOn", label: "成立日期", type: { kind: "date" } },
      regionRef("regionCode", "所在区划", "(TwoNewOrganization)-[:LOCATED_IN]->(Region)"),
      orgRef("coveredById", "覆盖党组织", "(PartyOrganization)-[:COVERS {mode}]->(TwoNewOrganization)"),
      {
        key: "coverMode",
        label: "覆盖方式",
        type: enumOf("OWN", "JOINT", "AFFILIATED"),
        onRelationshipOf: "coveredById",
        note: "有覆盖党组织时必填",
      },
    ],
    rowRule: (v) =>
      (v.coveredById === undefined) === (v.coverMode === undefined)
        ? null
        : { column: "coverMode", message: "coveredById and coverMode go together: give both or neither" },
  },
  {
    name: "Cooperative",
    label: "合作社",
    keyColumn: "id",
    columns: [
      id("编号"),
      name(),
      { key: "kind", label: "类型", type: enumOf("PROFESSIONAL", "UNION", "COLLECTIVE"), required: true },
      { key: "creditCode", label: "统一社会信用代码", type: { kind: "creditCode" } },
      { key: "industry", label: "产业", type: TEXT },
      { key: "memberHouseholds", label: "成员户数", type: COUNT },
      { key: "landAreaMu", label: "土地面积(亩)", type: AMOUNT },
      { key: "annualRevenue", label: "年收入(万元)", type: AMOUNT },
      regionRef("regionCode", "所在区划", "(Cooperative)-[:LOCATED_IN]->(Region)"),
      orgRef("ledById", "领办党组织", "(PartyOrganization)-[:LEADS]->(Cooperative)"),
      orgRef("unionId", "所属联合社", "(Cooperative)-[:MEMBER_OF]->(Cooperative {kind: UNION})", "Cooperative"),
    ],
  },
  {
    name: "Institution",
    label: "机关企事业单位",
    keyColumn: "id",
    columns: [
      id("编号"),
      name(),
      {
        key: "kind",
        label: "类型",
        type: enumOf(
          "PLATFORM_COMPANY",
          "GOVERNMENT_AGENCY",
          "PUBLIC_INSTITUTION",
          "SOE",
          "UNIVERSITY",
          "URBAN_COMMUNITY",
          "FINANCIAL",
        ),
        required: true,
      },
      regionRef("regionCode", "所在区划", "(Institution)-[:LOCATED_IN]->(Region)"),
      orgRef("partyOrganizationId", "本单位党组织", "(Institution)-[:HAS_PARTY_ORG]->(PartyOrganization)"),
    ],
  },
  {
    name: "Person",
    label: "人员",
    keyColumn: "id",
    columns: [
      id("编号"),
      name("姓名"),
      { key: "gender", label: "性别", type: enumOf("MALE", "FEMALE") },
      { key: "birthYear", label: "出生年份", type: { kind: "integer", min: 1900, max: 2100 } },
      { key: "partyStatus", label: "政治面貌", type: enumOf("FORMAL", "PROBATIONARY", "NONE"), required: true },
      { key: "joinedPartyOn", label: "入党日期", type: { kind: "date" } },
      { key: "points", label: "积分", type: { kind: "integer", min: 0, max: 1_000_000 } },
      { key: "memberCategory", label: "党员类别", type: TEXT },
      orgRef("organizationId", "所在党组织", "(Person)-[:MEMBER_OF]->(PartyOrganization)"),
      regionRef("residenceCode", "居住区划", "(Person)-[:LIVES_IN]->(Region)", false),
    ],
    rowRule: (v) =>
      v.partyStatus === "NONE" && v.joinedPartyOn !== undefined
        ? { column: "joinedPartyOn", message: "a person with partyStatus NONE has no joinedPartyOn" }
        : null,
  },
  {
    name: "OrgLifeEvent",
    label: "组织生活",
    keyColumn: null,
    naturalKey: (v) => `${String(v.organizationId)}|${String(v.kind)}|${String(v.heldOn)}`,
    linksOnly: true,
    columns: [
      {
        ...orgRef("organizationId", "党组织", "(OrgLifeEvent)-[:HELD_BY]->(PartyOrganization)"),
        required: true,
        note: "同一党组织、类型、日期为同一次活动 (the same organization, kind and date is one event)",
      },
      {
        key: "kind",
        label: "类型",
        type: { kind: "enum", values: ORG_LIFE_EVENT_KINDS },
        required: true,
        note: "党员大会 MEMBER_CONGRESS, 支部委员会 COMMITTEE_MEETING, 党小组会 GROUP_MEETING, 党课 PARTY_LECTURE, 主题党日 THEME_DAY, 组织生活会 LIFE_MEETING, 民主评议党员 MEMBER_REVIEW",
      },
      { key: "heldOn", label: "日期", type: { kind: "date" }, required: true, note: "不晚于今天 (not after today)" },
      { key: "attendees", label: "参加人数", type: COUNT },
      { key: "topic", label: "主题", type: { kind: "text", maxLength: 2000 } },
    ],
    rowRule: (v) =>
      typeof v.heldOn === "string" && v.heldOn > today()
        ? { column: "heldOn", message: `heldOn ${v.heldOn} is after today (${today()})` }
        : null,
  },
];

export const SHEET_BY_NAME = new Map<string, SheetSpec>(SHEETS.map((sheet) => [sheet.name, sheet]));

/** The key of a header ("名称 name" → "name"; "name" → "name"). */
export function headerKey(header: string): string {
  const parts = header.trim().split(/\s+/);
  return parts[parts.length - 1] ?? "";
}

export const headerOf = (column: Column) => `${column.label} ${column.key}`;

/**
 * One example row per sheet, a coherent set around a new village under `townCode` (the
 * template's default is a Laixi town): every reference resolves within the examples or to the
 * town, so the examples import as they are. Its code ends in 999, which no official list uses, so
 * that importing the examples never renames a real village.
 */
export function exampleRows(townCode: string): Record<SheetName, Record<string, unknown>> {
  const village = `${townCode.slice(0, 9)}999`;
  const division = townCode.slice(0, 6);
  return {
    Region: {
      code: village,
      name: "示例村",
      level: "VILLAGE",
      status: "ACTIVE",
      parentCode: townCode,
      population: 860,
      households: 310,
      collectiveIncome: 12.5,
      isNewVillage: false,
      industries: ["蔬菜", "乡村旅游"],
      latitude: 36.86,
      longitude: 120.5,
      validFrom: "2020-01-01",
    },
    PartyOrganization: {
      id: `example-po-${village}`,
      name: "中共示例村支部委员会",
      kind: "BRANCH",
      category: "VILLAGE",
      status: "ACTIVE",
      foundedOn: "1998-07-01",
      isWeak: false,
      regionCode: village,
    },
    TwoNewOrganization: {
      id: `example-tno-${village}`,
      name: "青岛示例农业科技有限公司",
      type: "ENTERPRISE",
      creditCode: withCheckCharacter(`91${division}MA0EXAMPL`),
      employees: 25,
      industry: "农产品加工",
      foundedOn: "2019-05-20",
      regionCode: village,
      coveredById: `example-po-${village}`,
      coverMode: "AFFILIATED",
    },
    Cooperative: {
      id: `example-coop-${village}`,
      name: "示例村股份经济合作社",
      kind: "COLLECTIVE",
      creditCode: withCheckCharacter(`N2${division}MF0EXAMPL`),
      industry: "集体资产经营",
      memberHouseholds: 310,
      landAreaMu: 1500,
      annualRevenue: 12.5,
      regionCode: village,
      ledById: `example-po-${village}`,
    },
    Institution: {
      id: `example-inst-${village}`,
      name: "示例镇农业服务中心",
      kind: "PUBLIC_INSTITUTION",
      regionCode: village,
    },
    OrgLifeEvent: {
      organizationId: `example-po-${village}`,
      kind: "THEME_DAY",
      heldOn: "2024-07-01",
      attendees: 18,
      topic: "主题党日: 重温入党誓词",
    },
    Person: {
      id: `example-person-${village}`,
      name: "张示例",
      gender: "FEMALE",
      birthYear: 1980,
      partyStatus: "FORMAL",
      joinedPartyOn: "2005-07-01",
      points: 90,
      memberCategory: "农村党员",
      organizationId: `example-po-${village}`,
      residenceCode: village,
    },
  };
}
