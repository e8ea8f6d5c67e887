/**
 * Coverage reports, gap lists and organization chains (DOMAIN.md, Rules).
 *
 * Today's answers come from what the analytics keep current (src/coverage/kept): a report or a
 * gap page reads kept totals and gaps, after any waiting change that reaches its region has been
 * applied, and is remembered by the region's kept stamp until a write reaches it. A past or
 * future `asOf`, or a platform whose Neo4j has no change feed, computes from scratch: the facts
 * of every subject in the root's scope are read once (cypher/coverage/*-facts.cypher), the
 * rules run once per subject, and the counts are added up for every region of the report tree;
 * those answers are remembered (`answers`) until the graph changes.
 */
import type { CoverageStore } from "./kept/coverage.store.js";
import { keptGaps, keptReport, type GapSlice, type KeptRegion, type ListedGap } from "./kept/kept-reads.js";
import { networkChanges, type NetworkChanges } from "./kept/network-steps.js";
import { gapKey } from "./kept/cells.js";
import { VersionedMemo } from "../cache/versioned-memo.js";
import { WeightedSemaphore } from "../cache/weighted-semaphore.js";
import { DEFAULT_SCRATCH_MAX_VILLAGES, type RuleThresholds } from "../config.js";
import type { Graph, TransactionRun } from "../database/graph.js";
import { today } from "../domain/dates.js";
import { GAP_KINDS, type GapKindName } from "../domain/gap-kinds.js";
import { VILLAGE_LEVEL_UNITS } from "../domain/region-levels.js";
import { regionCodeProblem } from "../domain/region-code.js";
import { chainBreak } from "../domain/reasons.js";
import type { RegionStatusName } from "../domain/labels.js";
import { badInput } from "../errors/errors.js";
import { encodeCursor, decodeCursor, pageSize, paginate, type Page, type PageRequest } from "../util/relay.js";
import { requireRegion } from "../region/region.lookup.js";
import { ALL_FAMILIES, FAMILY_OF, readFacts, type Facts, type Family } from "./coverage.facts.js";
import {
  chainBreaks,
  councilGaps,
  gridGaps,
  isWeakVillage,
  orgLifeGaps,
  placedIn,
  townGaps,
  twoNewGaps,
  villageGaps,
  type Gap,
  type GapFilter,
} from "./coverage.rules.js";
import { Tallies, councilCounts, figures } from "./coverage.tally.js";
import type { ChainGrid, CoverageReport, GapCount, OrganizationChain, RegionRef } from "./coverage.types.js";

export const MAX_REPORT_DEPTH = 5;
const GAP_PAGES = { prefix: "gap", defaultFirst: 50, maxFirst: 500 };

interface ScopeRegion extends RegionRef {
  scope: string[];
}

/** A report's weight in the memo: the regions in its tree. */
const regionsIn = (report: CoverageReport): number =>
  1 + report.children.reduce((sum, child) => sum + regionsIn(child), 0);

/** The kept analytics are current for a region: its kept row (null when nothing is kept for it). */
interface Kept {
  region: KeptRegion | null;
}

const byKey = (a: Gap, b: Gap) => (gapKey(a) < gapKey(b) ? -1 : gapKey(a) > gapKey(b) ? 1 : 0);

export class CoverageService {
  /**
   * `answers` is shared by every request: the facts do not depend on who asks, whose scope is
   * checked (requireRegion) before an answer is looked up. The default keeps nothing. Without
   * a `store` (no change feed), every answer is computed from scratch.
   */
  constructor(
    private readonly graph: Graph,
    private readonly rules: RuleThresholds,
    private readonly answers = new VersionedMemo(0),
    private readonly store: CoverageStore | null = null,
    private readonly scratch = new WeightedSemaphore(DEFAULT_SCRATCH_MAX_VILLAGES),
  ) {}

  private facts(
    regionCode: string,
    asOf: string,
    families: ReadonlySet<Family> = ALL_FAMILIES,
    run?: TransactionRun,
  ): Promise<Facts> {
    return readFacts(run ?? ((name, params) => this.graph.read(name, params)), this.rules, {
      regionCode,
      asOf,
      families,
    });
  }

  /**
   * An answer computed from scratch, for a region small enough: its facts are all held in memory
   * at once, and a province's would exhaust the API's heap and kill it for every user. A larger
   * region is refused, naming what can be asked instead, before anything else about it is read.
   * Answers computed at once cover at most that many village-level units together (`scratch`);
   * the others wait their turn.
   */
  private async fromScratch<T>(regionCode: string, compute: () => Promise<T>): Promise<T> {
    const [{ units } = { units: 0 }] = await this.graph.read<{ units: number }>("coverage/village-units-in", {
      regionCode,
      levels: VILLAGE_LEVEL_UNITS,
    });
    if (units > this.scratch.capacity) {
      throw badInput(
        "regionCode",
        `${regionCode} holds ${units} village-level units, more than the ${this.scratch.capacity} an answer ` +
          `computed from scratch may cover (a report or gap list for a past asOf is; today's are kept). ` +
          `Ask for the regions below it one at a time, or for today.`,
        { villageUnits: units, limit: this.scratch.capacity },
      );
    }
    return this.scratch.run(Math.max(1, units), compute);
  }

  /**
   * The region's kept stamp, once waiting changes are applied: it moves whenever a write reaches
   * anything at or below the region, or anything a network of the region shows. Null when the
   * analytics are not kept (no change feed, or a rebuild under way).
   */
  async stamp(regionCode: string): Promise<string | null> {
    return (await this.keptRegion(regionCode))?.stamp ?? null;
  }

  /** The region's kept row (its stamp and totals, see `stamp`); null when the analytics are not kept. */
  async keptRegion(regionCode: string): Promise<KeptRegion | null> {
    return (await this.kept(today(), regionCode))?.region ?? null;
  }

  /** What networks show that changed between two stamps of kept analytics (CoverageStore.networkChanges). */
  async networkChanges(from: string, to: string): Promise<NetworkChanges | null> {
    return this.store ? networkChanges(this.graph, from, to) : null;
  }

  /**
   * A token that changes whenever the region's report, gaps or network may have changed, so a
   * page can poll it (or listen on /events) and refetch only then: the kept stamp, or without
   * kept analytics the graph's state mark (which moves with any write anywhere).
   */
  async version(regionCode: string): Promise<string> {
    await requireRegion(this.graph, "regionCode", regionCode, { active: true });
    return (await this.stamp(regionCode)) ?? this.graph.stateMark();
  }

  /**
   * The kept analytics and the region's kept row, current for the region (every waiting change
   * that reaches it applied), when they can answer for `asOf` (today only, not during a rebuild).
   */
  private async kept(asOf: string, regionCode: string): Promise<Kept | null> {
    if (!this.store || asOf !== today()) return null;
    return this.store.currentFor(this.graph, asOf, regionCode);
  }

  /**
   * A kept answer, remembered by the region's kept stamp: a write elsewhere leaves it remembered,
   * one that reaches the region moves the stamp. Its key carries the day, which answers show.
   * The region's kept row is read once, for the stamp and for the answer.
   */
  private async keptAnswer<T>(
    { region }: Kept,
    key: string,
    read: (kept: KeptRegion) => Promise<T | null>,
    weigh: (answer: T) => number,
  ): Promise<T | null> {
    if (!region) return null;
    return this.answers.get(
      key,
      region.stamp,
      () => read(region),
      (answer) => (answer ? weigh(answer) : 1),
    );
  }

  /** A page (or with neither `after` nor `limit`, all) of a region's kept gaps; null when not kept. */
  private async keptGaps(
    kept: Kept | null,
    regionCode: string,
    asOf: string,
    wanted: Set<GapKindName>,
    filter: GapFilter,
    after: string | null,
    limit: number | null,
  ): Promise<GapSlice | null> {
    if (!kept) return null;
    const key = ["kept gaps", regionCode, asOf, [...wanted].sort(), filter.villageCode, filter.townCode, after, limit];
    return this.keptAnswer(
      kept,
      JSON.stringify(key),
      (region) => keptGaps(this.graph, region, wanted, filter, after, limit),
      (slice) => slice.gaps.length,
    );
  }

  private gapsOf(facts: Facts, asOf: string): Gap[] {
    return [
      ...facts.twoNew.flatMap((f) => twoNewGaps(f, this.rules)),
      ...facts.villages.flatMap((f) => villageGaps(f, asOf, this.rules)),
      ...facts.grids.flatMap(gridGaps),
      ...facts.towns.flatMap(townGaps),
      ...facts.councils.flatMap((f) => councilGaps(f, asOf, this.rules)),
      ...facts.orgLife.flatMap((f) => orgLifeGaps(f, asOf)),
    ];
  }

  async report(regionCode: string, asOfArg: string | null | undefined, depth: number): Promise<CoverageReport> {
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_REPORT_DEPTH) {
      throw badInput("depth", `depth must be a whole number from 0 to ${MAX_REPORT_DEPTH}, got ${depth}`);
    }
    const asOf = asOfArg ?? today();
    // The kept row is read meanwhile: for a region not found or not visible, the lookup's error is thrown.
    const [root, current] = await Promise.all([
      requireRegion(this.graph, "regionCode", regionCode, { active: true }),
      this.kept(asOf, regionCode),
    ]);
    const kept =
      current &&
      (await this.keptAnswer(
        current,
        `kept report ${root.code} ${asOf} ${depth}`,
        (region) => keptReport(this.graph, root, region, asOf, depth),
        regionsIn,
      ));
    if (kept) return kept;
    return this.graph.remembered(
      this.answers,
      `report ${root.code} ${asOf} ${depth}`,
      () => this.fromScratch(root.code, () => this.computeReport(root, asOf, depth)),
      regionsIn,
    );
  }

  /** A report from scratch: every subject's facts read once, counted in each report region on its path. */
  private async computeReport(root: RegionRef, asOf: string, depth: number): Promise<CoverageReport> {
    const [regions, facts] = await Promise.all([
      depth > 0
        ? this.graph.read<ScopeRegion>("coverage/scope-regions", { regionCode: root.code, maxDepth: depth })
        : Promise.resolve([]),
      this.facts(root.code, asOf),
    ]);
    // The report tree: the root and the ACTIVE regions down to `depth` levels below it.
    const tree = [{ ...root, scope: [root.code] }, ...regions.filter((r) => r.scope.length >= 2)];
    const inTree = new Set(tree.map((r) => r.code));
    const tallies = new Tallies((code) => inTree.has(code));
    for (const f of facts.twoNew) tallies.twoNew(f);
    for (const f of facts.villages) tallies.village(f, this.rules);
    for (const f of facts.grids) tallies.grid(f);
    const gaps = this.gapsOf(facts, asOf);
    for (const gap of gaps) tallies.gap(gap);
    const inactive = councilCounts(gaps.filter((gap) => gap.kind === "COUNCIL_INACTIVE"));

    const reports = new Map<string, CoverageReport>();
    for (const region of tree.sort((a, b) => a.scope.length - b.scope.length || a.code.localeCompare(b.code))) {
      const report: CoverageReport = {
        region: { code: region.code, name: region.name, level: region.level },
        asOf,
        ...figures(tallies.byRegion.get(region.code) ?? [], inactive.get(region.code) ?? 0),
        children: [],
      };
      reports.set(region.code, report);
      reports.get(region.scope[1]!)?.children.push(report);
    }
    return reports.get(root.code)!;
  }

  /**
   * The ACTIVE villages and gap counts of a region, read through `run`: inside a transaction
   * that has not committed (a merge simulation) it sees the graph as that transaction left it.
   */
  async regionSummary(
    regionCode: string,
    asOf: string,
    run?: TransactionRun,
  ): Promise<{ villages: number; gapCounts: GapCount[] }> {
    const facts = await this.facts(regionCode, asOf, ALL_FAMILIES, run);
    const counts = new Map<GapKindName, number>(GAP_KINDS.map((kind) => [kind, 0]));
    for (const gap of this.gapsOf(facts, asOf)) counts.set(gap.kind, counts.get(gap.kind)! + 1);
    return { villages: facts.villages.length, gapCounts: [...counts].map(([kind, count]) => ({ kind, count })) };
  }

  /**
   * Weak villages in the region (DOMAIN.md definition) with and without an ACTIVE pairing: from
   * its `kept` row (keptRegion) when there is one.
   */
  async weakVillagePairing(regionCode: string, kept: KeptRegion | null): Promise<{ paired: number; unpaired: number }> {
    const asOf = today();
    const totals = kept?.total;
    if (totals) {
      // Weak and unpaired is exactly WEAK_VILLAGE_UNPAIRED (a village without an org counts as unpaired).
      const { villages, gapCounts } = figures(totals, 0);
      const unpaired = gapCounts.find((c) => c.kind === "WEAK_VILLAGE_UNPAIRED")!.count;
      return { paired: villages.weak - unpaired, unpaired };
    }
    const { villages } = await this.facts(regionCode, asOf, new Set(["villages"]));
    const weak = villages.filter((v) => isWeakVillage(v, this.rules));
    const paired = weak.filter((v) => v.paired).length;
    return { paired, unpaired: weak.length - paired };
  }

  private wantedKinds(kinds: GapKindName[] | null | undefined): Set<GapKindName> {
    return new Set<GapKindName>(kinds?.length ? kinds : GAP_KINDS);
  }

  /** The filter's codes, checked: a malformed one is bad input, before anything is read. */
  private checkedFilter(filter: GapFilter): GapFilter {
    for (const field of ["villageCode", "townCode"] as const) {
      const code = filter[field];
      const problem = code === null || code === undefined ? null : regionCodeProblem(code);
      if (problem) throw badInput(field, problem);
    }
    return { villageCode: filter.villageCode || null, townCode: filter.townCode || null };
  }

  /**
   * Every gap of the given kinds (all when none) in a region, ordered by kind then subject id;
   * with a filter, only those rolling up to that village and/or lying in that town.
   */
  async gapList(
    regionCode: string,
    kinds: GapKindName[] | null | undefined,
    asOfArg: string | null | undefined,
    filterArg: GapFilter = {},
  ): Promise<ListedGap[]> {
    const asOf = asOfArg ?? today();
    const wanted = this.wantedKinds(kinds);
    const filter = this.checkedFilter(filterArg);
    const [, current] = await Promise.all([
      requireRegion(this.graph, "regionCode", regionCode, { active: true }),
      this.kept(asOf, regionCode),
    ]);
    const kept = await this.keptGaps(current, regionCode, asOf, wanted, filter, null, null);
    return kept ? kept.gaps : this.computedGapList(regionCode, wanted, asOf, filter);
  }

  private async computedGapList(
    regionCode: string,
    wanted: Set<GapKindName>,
    asOf: string,
    filter: GapFilter,
  ): Promise<Gap[]> {
    const families = new Set([...wanted].map((kind) => FAMILY_OF[kind]));
    const compute = () =>
      this.fromScratch(regionCode, async () =>
        this.gapsOf(await this.facts(regionCode, asOf, families), asOf)
          .filter((gap) => wanted.has(gap.kind))
          .sort(byKey),
      );
    const gaps = await this.graph.remembered(
      this.answers,
      `gaps ${regionCode} ${asOf} ${[...wanted].sort().join(",")}`,
      compute,
      (list) => list.length,
    );
    return filter.villageCode || filter.townCode ? gaps.filter((gap) => placedIn(gap, filter)) : gaps;
  }

  async gaps(
    regionCode: string,
    kinds: GapKindName[] | null | undefined,
    asOfArg: string | null | undefined,
    page: PageRequest,
    filterArg: GapFilter = {},
  ): Promise<Page<ListedGap>> {
    const asOf = asOfArg ?? today();
    const wanted = this.wantedKinds(kinds);
    const filter = this.checkedFilter(filterArg);
    const first = pageSize(page, GAP_PAGES);
    const after = page.after ? decodeCursor(GAP_PAGES.prefix, page.after) : null;
    const [, current] = await Promise.all([
      requireRegion(this.graph, "regionCode", regionCode, { active: true }),
      this.kept(asOf, regionCode),
    ]);
    const kept = await this.keptGaps(current, regionCode, asOf, wanted, filter, after, first);
    if (!kept) return paginate(await this.computedGapList(regionCode, wanted, asOf, filter), gapKey, page, GAP_PAGES);
    const edges = kept.gaps.map((node) => ({ cursor: encodeCursor(GAP_PAGES.prefix, gapKey(node)), node }));
    return {
      edges,
      totalCount: kept.total,
      pageInfo: {
        hasNextPage: kept.hasMore,
        hasPreviousPage: kept.hasBefore,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  async organizationChain(villageCode: string): Promise<OrganizationChain> {
    const village = await requireRegion(this.graph, "villageCode", villageCode);
    if (village.level !== "VILLAGE") {
      throw badInput("villageCode", `${villageCode} (${village.name}) is a ${village.level}, not a village`);
    }
    const [
      {
        villages: [facts],
      },
      [chain],
    ] = await Promise.all([
      this.facts(villageCode, today(), new Set(["villages"])),
      this.graph.read<Omit<OrganizationChain, "complete" | "missing" | "missingLabels">>(
        "coverage/organization-chain",
        { villageCode },
      ),
    ]);
    if (!chain) throw badInput("villageCode", `no region has code ${villageCode}`);
    // An inactive village has no facts: it is in no scope, so nothing of its chain counts.
    const breaks = facts
      ? chainBreaks(facts)
      : [chainBreak("VILLAGE_INACTIVE", { status: village.status as RegionStatusName })];
    const grids = [...(chain.grids as ChainGrid[])].sort((a, b) => a.code.localeCompare(b.code));
    return {
      ...chain,
      grids,
      complete: breaks.length === 0,
      missing: breaks.map((b) => b.en),
      missingLabels: breaks,
    };
  }
}
