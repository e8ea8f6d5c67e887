/**
 * Coverage reports, gap lists and organization chains (DOMAIN.md, Rules).
 *
 * A report of any depth costs the same few queries: the facts of every subject in the
 * root's scope are read once (cypher/coverage/*-facts.cypher, each row carrying the codes
 * of its path up to the root), the rules run once per subject, and the results are added
 * up for every region of the report tree in memory.
 *
 * Reports and gap lists are remembered (`answers`) until the graph changes: an analyst's
 * dashboard asks for the same region again and again, and a city's facts take a second to read.
 */
import { VersionedMemo } from "../cache/versioned-memo.js";
import type { RuleThresholds } from "../config.js";
import type { Graph, TransactionRun } from "../database/graph.js";
import { neo4jDate, today, yearsBefore } from "../domain/dates.js";
import { GAP_KINDS, type GapKindName } from "../domain/gap-kinds.js";
import { regionCodeProblem } from "../domain/region-code.js";
import { badInput } from "../graphql/errors.js";
import { paginate, type Page, type PageRequest } from "../graphql/relay.js";
import { requireRegion } from "../region/region.lookup.js";
import {
  chainBreaks,
  classifyTwoNew,
  councilGaps,
  gridGaps,
  isWeakVillage,
  orgLifeGaps,
  townGaps,
  twoNewGaps,
  villageGaps,
  type CouncilFacts,
  type Gap,
  type GridFacts,
  type OrgLifeFacts,
  type TownFacts,
  type TwoNewFacts,
  type VillageFacts,
} from "./coverage.rules.js";
import type { ChainGrid, CoverageReport, GapCount, OrganizationChain, RegionRef } from "./coverage.types.js";

export const MAX_REPORT_DEPTH = 5;

/** Which fact families each gap kind needs, so a filtered gap list reads only those. */
const FAMILY_OF: Record<GapKindName, "twoNew" | "villages" | "grids" | "towns" | "councils" | "orgLife"> = {
  SHOULD_FORM_OWN_ORG: "twoNew",
  SHOULD_JOIN_JOINT_ORG: "twoNew",
  NO_WORK_COVERAGE: "twoNew",
  VILLAGE_WITHOUT_PARTY_ORG: "villages",
  SECRETARY_NOT_DIRECTOR: "villages",
  SECRETARY_NOT_COLLECTIVE_HEAD: "villages",
  WEAK_VILLAGE_UNPAIRED: "villages",
  NO_RECENT_RECRUITMENT: "villages",
  NO_RESERVE_SECRETARY: "villages",
  NO_SERVICE_STATION: "villages",
  NEW_VILLAGE_WITHOUT_COUNCIL: "villages",
  VILLAGE_WITHOUT_GRID: "villages",
  VILLAGE_ORG_DETACHED: "villages",
  WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY: "villages",
  NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER: "villages",
  NEW_VILLAGE_WITHOUT_MASS_ORG: "villages",
  GRID_WITHOUT_PARTY_ORG: "grids",
  GRID_WITHOUT_CENTRAL_HOUSEHOLD: "grids",
  GRID_ORG_DETACHED: "grids",
  TOWN_WITHOUT_JOINT_MEETING: "towns",
  COUNCIL_INACTIVE: "councils",
  ORG_LIFE_OVERDUE: "orgLife",
};
type Family = (typeof FAMILY_OF)[GapKindName];

interface Facts {
  twoNew: TwoNewFacts[];
  villages: VillageFacts[];
  grids: GridFacts[];
  towns: TownFacts[];
  councils: CouncilFacts[];
  orgLife: OrgLifeFacts[];
}

/** Narrows a gap list to the gaps whose subject rolls up to a village or lies in a town. */
export interface GapFilter {
  villageCode?: string | null;
  townCode?: string | null;
}

interface ScopeRegion extends RegionRef {
  scope: string[];
}

const gapKey = (gap: Gap) => `${gap.kind}:${gap.subjectId}`;

/** A report's weight in the memo: the regions in its tree. */
const regionsIn = (report: CoverageReport): number => 1 + report.children.reduce((sum, child) => sum + regionsIn(child), 0);

/** Sets each village's count of grids below it that have no central household in or below them. */
function withGridsWithoutCentralHousehold(villages: VillageFacts[], grids: GridFacts[]): void {
  const missing = new Map<string, number>();
  for (const grid of grids) {
    if (grid.hasCentralHousehold) continue;
    for (const code of grid.scope.slice(1)) missing.set(code, (missing.get(code) ?? 0) + 1);
  }
  for (const village of villages) village.gridsWithoutCentralHousehold = missing.get(village.code) ?? 0;
}

export class CoverageService {
  /**
   * `answers` is shared by every request: the facts do not depend on who asks, whose scope is
   * checked (requireRegion) before an answer is looked up. The default keeps nothing.
   */
  constructor(
    private readonly graph: Graph,
    private readonly rules: RuleThresholds,
    private readonly answers = new VersionedMemo(0),
  ) {}

  private async facts(
    regionCode: string,
    asOf: string,
    families: Set<Family>,
    run: TransactionRun = (name, params) => this.graph.read(name, params),
  ): Promise<Facts> {
    const params = {
      regionCode,
      // Every subject in the region's scope (true: only those whose region is the root itself).
      exact: false,
      asOf: neo4jDate(asOf),
      recruitedSince: neo4jDate(yearsBefore(asOf, this.rules.recruitmentYears)),
    };
    const read = <T>(family: Family, file: string) =>
      families.has(family) ? run<T>(`coverage/${file}`, params) : Promise.resolve([] as T[]);
    // Villages need the grid facts too: their chain counts the grids below them without a central household.
    const [twoNew, villages, grids, towns, councils, orgLife] = await Promise.all([
      read<TwoNewFacts>("twoNew", "two-new-facts"),
      read<VillageFacts>("villages", "village-facts"),
      families.has("villages") ? run<GridFacts>("coverage/grid-facts", params) : read<GridFacts>("grids", "grid-facts"),
      read<TownFacts>("towns", "town-facts"),
      read<CouncilFacts>("councils", "council-facts"),
      read<OrgLifeFacts>("orgLife", "org-life-facts"),
    ]);
    withGridsWithoutCentralHousehold(villages, grids);
    return { twoNew, villages, grids: families.has("grids") ? grids : [], towns, councils, orgLife };
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
    const root = await requireRegion(this.graph, "regionCode", regionCode, { active: true });
    return this.graph.remembered(this.answers, `report ${root.code} ${asOf} ${depth}`, () => this.computeReport(root, asOf, depth), regionsIn);
  }

  private async computeReport(root: RegionRef, asOf: string, depth: number): Promise<CoverageReport> {
    const regionCode = root.code;
    const [regions, facts] = await Promise.all([
      depth > 0 ? this.graph.read<ScopeRegion>("coverage/scope-regions", { regionCode }) : Promise.resolve([]),
      this.facts(regionCode, asOf, new Set(Object.values(FAMILY_OF))),
    ]);

    // The report tree: the root and the ACTIVE regions down to `depth` levels below it.
    const reports = new Map<string, CoverageReport>();
    const emptyReport = (region: RegionRef): CoverageReport => ({
      region: { code: region.code, name: region.name, level: region.level },
      asOf,
      twoNew: { total: 0, organizational: 0, workOnly: 0, none: 0, orgCoverageRate: null, workCoverageRate: null },
      villages: {
        total: 0, withPartyOrg: 0, chainComplete: 0, secretaryIsDirector: 0, secretaryIsCollectiveHead: 0, weak: 0,
        withPartyLedCooperative: 0, centralHouseholdReach: null,
      },
      gapCounts: GAP_KINDS.map((kind) => ({ kind, count: 0 })),
      children: [],
    });
    const top = emptyReport(root);
    reports.set(root.code, top);
    for (const region of [...regions].sort((a, b) => a.scope.length - b.scope.length || a.code.localeCompare(b.code))) {
      if (region.scope.length < 2 || region.scope.length > depth + 1) continue;
      const parent = reports.get(region.scope[1]!);
      if (!parent) continue;
      const report = emptyReport(region);
      parent.children.push(report);
      reports.set(region.code, report);
    }
    // Every subject counts in each report whose region lies on its path to the root.
    const reportsOf = (scope: string[]) => scope.map((code) => reports.get(code)).filter((r): r is CoverageReport => !!r);
    for (const f of facts.twoNew) {
      const cls = classifyTwoNew(f);
      for (const r of reportsOf(f.scope)) {
        r.twoNew.total += 1;
        if (cls === "ORGANIZATIONAL") r.twoNew.organizational += 1;
        else if (cls === "WORK_ONLY") r.twoNew.workOnly += 1;
        else r.twoNew.none += 1;
      }
    }
    for (const f of facts.villages) {
      const complete = chainBreaks(f).length === 0;
      const weak = isWeakVillage(f, this.rules);
      for (const r of reportsOf(f.scope)) {
        const v = r.villages;
        v.total += 1;
        if (f.hasPartyOrg) v.withPartyOrg += 1;
        if (complete) v.chainComplete += 1;
        if (f.hasPartyOrg && f.secretaryIsDirector) v.secretaryIsDirector += 1;
        if (f.hasPartyOrg && f.secretaryIsCollectiveHead) v.secretaryIsCollectiveHead += 1;
        if (weak) v.weak += 1;
        if (f.hasPartyOrg && f.leadsCooperative) v.withPartyLedCooperative += 1;
      }
    }
    // centralHouseholdReach is a ratio of sums: each region adds up its numerator (households linked
    // by the central households of its grids) and denominator (its ACTIVE villages' households).
    const reach = new Map<CoverageReport, { linked: number; households: number }>();
    const reachOf = (r: CoverageReport) => reach.get(r) ?? reach.set(r, { linked: 0, households: 0 }).get(r)!;
    for (const f of facts.grids) for (const r of reportsOf(f.scope)) reachOf(r).linked += f.centralHouseholdHouseholds ?? 0;
    for (const f of facts.villages) {
      if (f.households === null || f.households === undefined) continue;
      for (const r of reportsOf(f.scope)) reachOf(r).households += f.households;
    }
    const kindIndex = new Map(GAP_KINDS.map((kind, i) => [kind, i]));
    for (const gap of this.gapsOf(facts, asOf)) {
      for (const r of reportsOf(gap.scope)) r.gapCounts[kindIndex.get(gap.kind)!]!.count += 1;
    }
    for (const r of reports.values()) {
      const t = r.twoNew;
      t.orgCoverageRate = t.total ? t.organizational / t.total : null;
      t.workCoverageRate = t.total ? (t.organizational + t.workOnly) / t.total : null;
      const sums = reach.get(r);
      r.villages.centralHouseholdReach = sums && sums.households > 0 ? sums.linked / sums.households : null;
    }
    return top;
  }

  /**
   * The ACTIVE villages and gap counts of a region, read through `run`: inside a transaction
   * that has not committed (a merge simulation) it sees the graph as that transaction left it.
   */
  async regionSummary(regionCode: string, asOf: string, run?: TransactionRun): Promise<{ villages: number; gapCounts: GapCount[] }> {
    const facts = await this.facts(regionCode, asOf, new Set(Object.values(FAMILY_OF)), run);
    const counts = new Map<GapKindName, number>(GAP_KINDS.map((kind) => [kind, 0]));
    for (const gap of this.gapsOf(facts, asOf)) counts.set(gap.kind, counts.get(gap.kind)! + 1);
    return { villages: facts.villages.length, gapCounts: [...counts].map(([kind, count]) => ({ kind, count })) };
  }

  /** Weak villages in the region (DOMAIN.md definition) with and without an ACTIVE pairing. */
  async weakVillagePairing(regionCode: string): Promise<{ paired: number; unpaired: number }> {
    const { villages } = await this.facts(regionCode, today(), new Set(["villages"]));
    const weak = villages.filter((v) => isWeakVillage(v, this.rules));
    const paired = weak.filter((v) => v.paired).length;
    return { paired, unpaired: weak.length - paired };
  }

  /**
   * Every gap of the given kinds (all when none) in a region, ordered by kind then subject id;
   * with a filter, only those rolling up to that village and/or lying in that town.
   */
  async gapList(regionCode: string, kinds: GapKindName[] | null | undefined, asOfArg: string | null | undefined, filter: GapFilter = {}): Promise<Gap[]> {
    const asOf = asOfArg ?? today();
    const wanted = new Set<GapKindName>(kinds?.length ? kinds : GAP_KINDS);
    for (const field of ["villageCode", "townCode"] as const) {
      const code = filter[field];
      const problem = code === null || code === undefined ? null : regionCodeProblem(code);
      if (problem) throw badInput(field, problem);
    }
    await requireRegion(this.graph, "regionCode", regionCode, { active: true });
    const families = new Set([...wanted].map((kind) => FAMILY_OF[kind]));
    const compute = async () =>
      this.gapsOf(await this.facts(regionCode, asOf, families), asOf)
        .filter((gap) => wanted.has(gap.kind))
        .sort((a, b) => (gapKey(a) < gapKey(b) ? -1 : gapKey(a) > gapKey(b) ? 1 : 0));
    const gaps = await this.graph.remembered(this.answers, `gaps ${regionCode} ${asOf} ${[...wanted].sort().join(",")}`, compute, (list) => list.length);
    const { villageCode, townCode } = filter;
    if (!villageCode && !townCode) return gaps;
    return gaps.filter((gap) => (!villageCode || gap.villageCode === villageCode) && (!townCode || gap.townCode === townCode));
  }

  async gaps(
    regionCode: string,
    kinds: GapKindName[] | null | undefined,
    asOfArg: string | null | undefined,
    page: PageRequest,
    filter: GapFilter = {},
  ): Promise<Page<Gap>> {
    return paginate(await this.gapList(regionCode, kinds, asOfArg, filter), gapKey, page, { prefix: "gap", defaultFirst: 50, maxFirst: 500 });
  }

  async organizationChain(villageCode: string): Promise<OrganizationChain> {
    const village = await requireRegion(this.graph, "villageCode", villageCode);
    if (village.level !== "VILLAGE") {
      throw badInput("villageCode", `${villageCode} (${village.name}) is a ${village.level}, not a village`);
    }
    const [{ villages: [facts] }, [chain]] = await Promise.all([
      this.facts(villageCode, today(), new Set(["villages"])),
      this.graph.read<Omit<OrganizationChain, "complete" | "missing">>("coverage/organization-chain", { villageCode }),
    ]);
    if (!chain) throw badInput("villageCode", `no region has code ${villageCode}`);
    // An inactive village has no facts: it is in no scope, so nothing of its chain counts.
    const missing = facts ? chainBreaks(facts) : [`the village is ${village.status}`];
    const grids = [...(chain.grids as ChainGrid[])].sort((a, b) => a.code.localeCompare(b.code));
    return { ...chain, grids, complete: missing.length === 0, missing };
  }
}
