/**
 * Reading what is kept: a region's report (its kept totals down the tree, inactive councils
 * counted per region) and pages of its kept gaps, merged with the councils' in key order.
 */
import neo4j from "neo4j-driver";
import { placedIn, type Gap, type GapFilter } from "../coverage.rules.js";
import { councilCounts, emptyTally, figures, gapTotal, type Tally } from "../coverage.tally.js";
import type { CoverageReport, RegionRef } from "../coverage.types.js";
import type { Graph } from "../../database/graph.js";
import type { GapKindName } from "../../domain/gap-kinds.js";
import type { GapReasonValuesOfAnyKind } from "../../domain/reasons.js";
import { gapKey } from "./cells.js";

/** A gap as lists show it (its place is the kept path, not a scope). */
export type ListedGap = Omit<Gap, "scope">;

/** What is kept of a region itself: its place in the tree (a code path), its totals and its stamp. */
export interface KeptRegion {
  path: string;
  total: Tally;
  stamp: string;
}

/** A page of kept gaps in key order, and whether one lies before it. */
export interface GapSlice {
  gaps: ListedGap[];
  total: number;
  hasMore: boolean;
  hasBefore: boolean;
}

interface CouncilGapRow {
  key: string;
  subjectId: string;
  subjectName: string;
  reasonValues: string;
  served: string[];
  villageCodes: string[];
  townCodes: string[];
  paths: string[];
  scope: string[];
}

/** Regions holding more gaps than this are paged along the key index rather than by path. */
const KEY_ORDER_ABOVE_GAPS = 2_000;

/** A region's report from what is kept: its tree read down to `depth`, councils counted per region. */
export async function keptReport(
  graph: Graph,
  root: RegionRef,
  kept: KeptRegion,
  asOf: string,
  depth: number,
): Promise<CoverageReport | null> {
  const [regions, councils] = await Promise.all([
    graph.read<RegionRef & { scope: string[]; total: Tally | null }>("analytics/report-tree", {
      regionCode: root.code,
      depth: neo4j.int(depth),
    }),
    councilGaps(graph, kept.path, null, null),
  ]);
  const inactive = councilCounts(councils);
  const reports = new Map<string, CoverageReport>();
  for (const region of [...regions].sort((a, b) => a.scope.length - b.scope.length || a.code.localeCompare(b.code))) {
    const report: CoverageReport = {
      region: { code: region.code, name: region.name, level: region.level },
      asOf,
      ...figures(region.total ?? emptyTally(), inactive.get(region.code) ?? 0),
      children: [],
    };
    reports.set(region.code, report);
    reports.get(region.scope[1]!)?.children.push(report);
  }
  return reports.get(root.code) ?? null;
}

async function councilGaps(
  graph: Graph,
  prefix: string,
  after: string | null,
  limit: number | null,
  filter: GapFilter = {},
): Promise<Array<ListedGap & { scope: string[] }>> {
  const rows = await graph.read<CouncilGapRow>("analytics/council-gaps", {
    prefix,
    after,
    limit: neo4j.int(limit ?? Number.MAX_SAFE_INTEGER),
  });
  const gaps = rows.map((row) => {
    // The first region it serves, by code, in the region asked about, places it.
    const first = row.paths.findIndex((path) => path.startsWith(prefix));
    return {
      kind: "COUNCIL_INACTIVE" as const,
      subjectId: row.subjectId,
      subjectName: row.subjectName,
      subjectLabel: "JointCouncil" as const,
      regionCode: row.served[first]!,
      villageCode: row.villageCodes[first] || null,
      townCode: row.townCodes[first] || null,
      missingKinds: [],
      reasonValues: JSON.parse(row.reasonValues) as GapReasonValuesOfAnyKind,
      scope: row.scope,
    };
  });
  return gaps.filter((gap) => placedIn(gap, filter));
}

/**
 * Kept gaps of `kinds` in a region after the key `after`, at most `limit` (all when null), in key
 * order; with a filter, only those placed in that village or town.
 */
export async function keptGaps(
  graph: Graph,
  kept: KeptRegion,
  kinds: ReadonlySet<GapKindName>,
  filter: GapFilter,
  after: string | null,
  limit: number | null,
): Promise<GapSlice | null> {
  const filtered = !!(filter.villageCode || filter.townCode);
  const councilsWanted = kinds.has("COUNCIL_INACTIVE");
  // A filtered page cannot take the council page from the query's limit: the filter applies after it.
  const [allCouncils, councilPage] = await Promise.all([
    councilsWanted ? councilGaps(graph, kept.path, null, null, filter) : Promise.resolve([]),
    councilsWanted && limit !== null && !filtered
      ? councilGaps(graph, kept.path, after, limit + 1)
      : Promise.resolve(null),
  ]);
  const params = {
    prefix: kept.path,
    kinds: [...kinds],
    after: after ?? "",
    limit: neo4j.int(limit === null ? Number.MAX_SAFE_INTEGER : limit + 1),
    villageCode: filter.villageCode || null,
    townCode: filter.townCode || null,
  };
  // A village's or a town's gaps are few: read through its code's index, counted as they are read.
  const [placed] = filtered
    ? await graph.read<{ total: number; before: boolean }>("analytics/gaps-placed-count", params)
    : [];
  const total = placed ? placed.total + allCouncils.length : gapTotal(kept.total, allCouncils.length, kinds);
  const file = placed
    ? "analytics/gaps-placed"
    : limit !== null && total > KEY_ORDER_ABOVE_GAPS
      ? "analytics/gaps-by-key"
      : "analytics/gaps-by-path";
  const [rows, [beforeRow]] = await Promise.all([
    graph.read<{ gap: Omit<ListedGap, "reasonValues"> & { reasonValues: string } }>(file, params),
    placed
      ? Promise.resolve([{ before: placed.before || (after !== null && allCouncils.some((c) => gapKey(c) <= after)) }])
      : after === null
        ? Promise.resolve([{ before: false }])
        : graph.read<{ before: boolean }>("analytics/gaps-before", params),
  ]);
  const councils = (councilPage ?? allCouncils.filter((c) => after === null || gapKey(c) > after)).map(
    ({ scope: _, ...gap }) => gap,
  );
  const listed = rows.map(({ gap }) => ({
    ...gap,
    reasonValues: JSON.parse(gap.reasonValues) as GapReasonValuesOfAnyKind,
  }));
  const merged = [...listed, ...councils].sort((a, b) => (gapKey(a) < gapKey(b) ? -1 : 1));
  const page = limit === null ? merged : merged.slice(0, limit);
  return {
    gaps: page.map(
      ({
        kind,
        subjectId,
        subjectName,
        subjectLabel,
        regionCode,
        villageCode,
        townCode,
        missingKinds,
        reasonValues,
      }) => ({
        kind,
        subjectId,
        subjectName,
        subjectLabel,
        regionCode,
        villageCode: villageCode ?? null,
        townCode: townCode ?? null,
        missingKinds: missingKinds ?? [],
        reasonValues,
      }),
    ),
    total,
    hasMore: limit !== null && merged.length > limit,
    hasBefore: beforeRow!.before,
  };
}
