/**
 * The real village layout adjustment of a region (`layoutComparison`) as a table: one row per
 * town, its 村 and 居委会 in the two vintages side by side and the change, then the region's
 * total. The figures come from LayoutService, so the sheet and the API cannot disagree. Counts
 * are numbers, an empty cell where the town is not in that vintage; codes are text.
 */
import { today } from "../domain/dates.js";
import { REGION_LEVEL_LABELS } from "../domain/labels.js";
import type { LayoutService } from "../divisions/layout.service.js";
import type { DivisionVintageInfo, TownLayout } from "../divisions/divisions.types.js";
import { recordVintageCommand } from "../divisions/vintages.js";
import { badInput } from "../errors/errors.js";
import type { Table, TableColumn, TitleLine } from "./tables.js";

export interface LayoutExportRequest {
  regionCode: string;
  fromVintage?: number;
  toVintage?: number;
}

/** The request from text parameters; a missing region or a vintage that is not a year is a BAD_USER_INPUT naming it. */
export function parseLayoutRequest(params: {
  regionCode?: string;
  fromVintage?: string;
  toVintage?: string;
}): LayoutExportRequest {
  if (!params.regionCode) throw badInput("regionCode", "regionCode is required, e.g. regionCode=370285000000");
  const year = (field: "fromVintage" | "toVintage") => {
    const text = params[field];
    if (text === undefined) return undefined;
    if (!/^\d{4}$/.test(text))
      throw badInput(field, `${field} must be a year such as 2019, got ${JSON.stringify(text)}`);
    return Number(text);
  };
  return { regionCode: params.regionCode, fromVintage: year("fromVintage"), toVintage: year("toVintage") };
}

/** `layout-<region>-<from>-<to>.<extension>`: the vintages are the export's only filter. */
export function layoutFileName(request: LayoutExportRequest, extension: string): string {
  return `layout-${request.regionCode}-${request.fromVintage ?? 2019}-${request.toVintage ?? 2023}.${extension}`;
}

const TEXT = "@";
const VILLAGE = REGION_LEVEL_LABELS.VILLAGE.zh;
const RESIDENTIAL = REGION_LEVEL_LABELS.RESIDENTIAL.zh;

/** The columns, headed with the vintages' years (`2019年村 fromVillages`). */
export function layoutColumns(from: number, to: number): TableColumn[] {
  const column = (key: string, label: string, format?: string): TableColumn => ({
    key,
    header: `${label} ${key}`,
    format,
  });
  return [
    column("code", "区划代码", TEXT),
    column("name", "名称"),
    column("fromVillages", `${from}年${VILLAGE}`),
    column("fromResidential", `${from}年${RESIDENTIAL}`),
    column("fromTotal", `${from}年合计`),
    column("toVillages", `${to}年${VILLAGE}`),
    column("toResidential", `${to}年${RESIDENTIAL}`),
    column("toTotal", `${to}年合计`),
    column("villageChange", `${VILLAGE}数变化`),
    column("totalChange", "合计变化"),
  ];
}

function row(town: TownLayout): Record<string, unknown> {
  return {
    code: town.code,
    name: town.name,
    fromVillages: town.from?.villages,
    fromResidential: town.from?.residential,
    fromTotal: town.from?.total,
    toVillages: town.to?.villages,
    toResidential: town.to?.residential,
    toTotal: town.to?.total,
    villageChange: town.villageChange,
    totalChange: town.totalChange,
  };
}

export async function layoutTable({ layout }: { layout: LayoutService }, request: LayoutExportRequest): Promise<Table> {
  const comparison = await layout.comparison(request.regionCode, request.fromVintage, request.toVintage);
  const { region, from, to } = comparison;
  const vintage = (v: DivisionVintageInfo) =>
    `${v.title}（截至 ${v.cutoffOn}）${v.complete ? "" : `：本区域未导入，请运行 ${recordVintageCommand(region.code, v.year)}`}`;
  const rows = [...comparison.towns.map(row), { ...row(comparison.total), name: `合计（${region.name}）` }];
  const lines: TitleLine[] = [
    { label: "区划 region", value: `${region.name}（${region.code}）` },
    { label: "调整前 from", value: vintage(from) },
    { label: "调整后 to", value: vintage(to) },
    { label: "导出日期 exported on", value: today(), date: true },
    { label: "行数 rows", value: String(comparison.towns.length) },
  ];
  return {
    name: "布局调整 layout",
    title: { heading: `村庄布局调整对比 · ${region.name}`, lines },
    columns: layoutColumns(from.year, to.year),
    rows,
  };
}
