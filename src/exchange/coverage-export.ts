/**
 * The coverage report and the gap list as tables (tables.ts writes them as .xlsx or .csv),
 * with the same figures as the GraphQL `coverageReport` and `coverageGaps`: both come from
 * CoverageService, so the sheet and the API cannot disagree.
 *
 * The report is one row per region of the report tree (the root, then its children depth
 * first, `depth` levels down); rates are fractions (0.25), shown as percentages in Excel.
 * Both sheets open with title rows (the region, the day, the filter) and read in Chinese: levels,
 * gap kinds, subject types and organizational-life kinds by their labels (src/domain/labels.ts,
 * as the API and the explorer name them), reasons in the Chinese words of src/domain/reasons.ts;
 * the gap list names each gap's village and town beside their codes.
 */
import type { CoverageService } from "../coverage/coverage.service.js";
import type { Graph } from "../database/graph.js";
import type { LayoutService } from "../divisions/layout.service.js";
import { today } from "../domain/dates.js";
import { GAP_KINDS, type GapKindName } from "../domain/gap-kinds.js";
import { GAP_KIND_LABELS, GAP_SUBJECT_LABELS, REGION_LEVEL_LABELS } from "../domain/labels.js";
import { ORG_LIFE_EVENT_LABELS } from "../domain/org-life.js";
import { gapReason } from "../domain/reasons.js";
import type { RegionLevelName } from "../domain/region-levels.js";
import type { CoverageReport } from "../coverage/coverage.types.js";
import { badInput } from "../errors/errors.js";
import { regionNames } from "../region/region.lookup.js";
import { isoDate } from "./cells.js";
import { DATE, type Table, type TableColumn, type TitleLine } from "./tables.js";

const column = (key: string, label: string, format?: string): TableColumn => ({
  key,
  header: `${label} ${key}`,
  format,
});
const TEXT = "@";
const PERCENT = "0.0%";

export const COVERAGE_COLUMNS: TableColumn[] = [
  column("level", "层级"),
  column("depth", "深度"),
  column("code", "区划代码", TEXT),
  column("name", "名称"),
  column("asOf", "统计日期", DATE),
  column("twoNewTotal", "两新组织数"),
  column("organizational", "组织覆盖"),
  column("workOnly", "仅工作覆盖"),
  column("none", "未覆盖"),
  column("orgCoverageRate", "组织覆盖率", PERCENT),
  column("workCoverageRate", "工作覆盖率", PERCENT),
  column("villages", "村数"),
  column("withPartyOrg", "有村党组织"),
  column("chainComplete", "组织链完整"),
  column("secretaryIsDirector", "书记兼主任"),
  column("secretaryIsCollectiveHead", "书记兼集体负责人"),
  column("weak", "薄弱村"),
  column("withPartyLedCooperative", "党组织领办合作社的村"),
  column("centralHouseholdReach", "党员中心户联系农户比例", PERCENT),
  ...GAP_KINDS.map((kind) => column(kind, GAP_KIND_LABELS[kind].zh)),
];

export const GAP_COLUMNS: TableColumn[] = [
  column("kindName", "问题名称"),
  column("townName", "所属镇名称"),
  column("villageName", "所属村名称"),
  column("subjectName", "对象名称"),
  column("subjectLabel", "对象类别"),
  column("missingKinds", "缺少的组织生活"),
  column("reason", "原因"),
  column("kind", "问题代码"),
  column("subjectId", "对象编号", TEXT),
  column("regionCode", "所在区划", TEXT),
  column("villageCode", "所属村代码", TEXT),
  column("townCode", "所属镇代码", TEXT),
];

function reportRows(report: CoverageReport, depth = 0): Array<Record<string, unknown>> {
  const { twoNew, villages } = report;
  const row = {
    level: REGION_LEVEL_LABELS[report.region.level as RegionLevelName]?.zh ?? report.region.level,
    depth,
    code: report.region.code,
    name: report.region.name,
    asOf: report.asOf,
    twoNewTotal: twoNew.total,
    organizational: twoNew.organizational,
    workOnly: twoNew.workOnly,
    none: twoNew.none,
    orgCoverageRate: twoNew.orgCoverageRate,
    workCoverageRate: twoNew.workCoverageRate,
    villages: villages.total,
    withPartyOrg: villages.withPartyOrg,
    chainComplete: villages.chainComplete,
    secretaryIsDirector: villages.secretaryIsDirector,
    secretaryIsCollectiveHead: villages.secretaryIsCollectiveHead,
    weak: villages.weak,
    withPartyLedCooperative: villages.withPartyLedCooperative,
    centralHouseholdReach: villages.centralHouseholdReach,
    ...Object.fromEntries(report.gapCounts.map((gap) => [gap.kind, gap.count])),
  };
  return [row, ...report.children.flatMap((child) => reportRows(child, depth + 1))];
}

/** The gap kinds of a "A,B" list; an unknown one is a BAD_USER_INPUT on `kinds`. */
function parseGapKinds(list: string | undefined): GapKindName[] {
  const kinds = (list ?? "")
    .split(",")
    .map((kind) => kind.trim())
    .filter((kind) => kind !== "");
  const unknown = kinds.filter((kind) => !(GAP_KINDS as readonly string[]).includes(kind));
  if (unknown.length)
    throw badInput("kinds", `unknown gap kinds ${unknown.join(", ")}; kinds are ${GAP_KINDS.join(", ")}`);
  return kinds as GapKindName[];
}

export interface ExportRequest {
  regionCode: string;
  asOf?: string;
  depth?: number;
  kinds?: GapKindName[];
  /** Gap lists only: the gaps of one village and/or one town (villageCode, townCode of each gap). */
  villageCode?: string;
  townCode?: string;
}

/**
 * An export request from text parameters (query string or command line); a missing region, a
 * date that is not yyyy-mm-dd, a depth that is not a whole number or an unknown gap kind is a
 * BAD_USER_INPUT naming the parameter. Region existence, scope and depth range are the
 * coverage service's checks, as for the API.
 */
export function parseExportRequest(params: {
  regionCode?: string;
  asOf?: string;
  depth?: string;
  kinds?: string;
  villageCode?: string;
  townCode?: string;
}): ExportRequest {
  if (!params.regionCode) throw badInput("regionCode", "regionCode is required, e.g. regionCode=370285000000");
  if (params.asOf !== undefined && isoDate(params.asOf) === null)
    throw badInput("asOf", `asOf must be a date yyyy-mm-dd, got ${JSON.stringify(params.asOf)}`);
  if (params.depth !== undefined && !/^\d+$/.test(params.depth))
    throw badInput("depth", `depth must be a whole number, got ${JSON.stringify(params.depth)}`);
  return {
    regionCode: params.regionCode,
    asOf: params.asOf,
    depth: params.depth === undefined ? undefined : Number(params.depth),
    kinds: parseGapKinds(params.kinds),
    villageCode: params.villageCode || undefined,
    townCode: params.townCode || undefined,
  };
}

/**
 * The file name says what is in the file: the export, the region, the day, and each filter, so
 * that a filtered and an unfiltered download of one region never share a name.
 */
export function exportFileName(name: string, request: ExportRequest, today: string, extension: string): string {
  const kinds = request.kinds?.length
    ? request.kinds.length <= 3
      ? request.kinds.join("+")
      : `${request.kinds.length}-kinds`
    : null;
  const parts = [
    name,
    request.regionCode,
    request.asOf ?? today,
    request.depth !== undefined ? `depth${request.depth}` : null,
    request.townCode ? `town${request.townCode}` : null,
    request.villageCode ? `village${request.villageCode}` : null,
    kinds,
  ];
  return `${parts.filter(Boolean).join("-")}.${extension}`;
}

/**
 * Where an export reads: the coverage and layout services for their figures, the graph for
 * region names (all bound to who asks).
 */
export interface ExportSources {
  coverage: CoverageService;
  layout: LayoutService;
  graph: Graph;
}

const named = (names: Map<string, string>, code: string) => (names.has(code) ? `${names.get(code)}（${code}）` : code);

/** The title rows: what, where, on which day, and (given) which filter; then how many rows. */
function title(heading: string, region: string, asOf: string, filter: string | null, rows: number): Table["title"] {
  const lines: TitleLine[] = [
    { label: "区划 region", value: region },
    { label: "统计日期 as of", value: asOf, date: true },
    ...(filter === null ? [] : [{ label: "筛选 filter", value: filter }]),
    { label: "行数 rows", value: String(rows) },
  ];
  return { heading, lines };
}

export async function coverageTable({ coverage }: ExportSources, request: ExportRequest): Promise<Table> {
  const depth = request.depth ?? 1;
  const report = await coverage.report(request.regionCode, request.asOf, depth);
  const rows = reportRows(report);
  const region = `${report.region.name}（${report.region.code}）`;
  return {
    name: "覆盖情况 coverage",
    title: title(
      `覆盖情况 · ${report.region.name}`,
      region,
      report.asOf,
      `下含 ${depth} 级 (depth ${depth})`,
      rows.length,
    ),
    columns: COVERAGE_COLUMNS,
    rows,
  };
}

export async function gapsTable({ coverage, graph }: ExportSources, request: ExportRequest): Promise<Table> {
  const gaps = await coverage.gapList(request.regionCode, request.kinds, request.asOf, {
    villageCode: request.villageCode,
    townCode: request.townCode,
  });
  const names = await regionNames(graph, [
    request.regionCode,
    request.townCode,
    request.villageCode,
    ...gaps.flatMap((gap) => [gap.townCode, gap.villageCode]),
  ]);
  const filters = [
    request.kinds?.length ? `问题：${request.kinds.map((kind) => GAP_KIND_LABELS[kind].zh).join("、")}` : null,
    request.townCode ? `镇：${named(names, request.townCode)}` : null,
    request.villageCode ? `村：${named(names, request.villageCode)}` : null,
  ].filter(Boolean);
  return {
    name: "问题清单 gaps",
    title: title(
      `问题清单 · ${names.get(request.regionCode) ?? request.regionCode}`,
      named(names, request.regionCode),
      request.asOf ?? today(),
      filters.length ? filters.join("；") : "无（全部问题）",
      gaps.length,
    ),
    columns: GAP_COLUMNS,
    rows: gaps.map((gap) => ({
      ...gap,
      kindName: GAP_KIND_LABELS[gap.kind].zh,
      subjectLabel: GAP_SUBJECT_LABELS[gap.subjectLabel].zh,
      townName: gap.townCode ? names.get(gap.townCode) : null,
      villageName: gap.villageCode ? names.get(gap.villageCode) : null,
      missingKinds: gap.missingKinds.map((kind) => ORG_LIFE_EVENT_LABELS[kind].zh),
      reason: gapReason(gap.kind, gap.reasonValues).zh,
    })),
  };
}
