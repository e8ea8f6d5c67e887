/**
 * Reads the facts the coverage rules decide on (cypher/coverage/*-facts.cypher), for every
 * subject in a region: each row carries `scope`, the codes from its region up to that root.
 * With `exact`, only the subjects whose region is the root itself: the kept analytics
 * (src/coverage/kept) read a town or district that way, and a village with everything below it.
 */
import type { RuleThresholds } from "../config.js";
import type { TransactionRun } from "../database/graph.js";
import { neo4jDate, yearsBefore } from "../domain/dates.js";
import type { GapKindName } from "../domain/gap-kinds.js";
import type { CouncilFacts, GridFacts, OrgLifeFacts, TownFacts, TwoNewFacts, VillageFacts } from "./coverage.rules.js";

/** Which fact families each gap kind needs, so a filtered gap list reads only those. */
export const FAMILY_OF: Record<GapKindName, "twoNew" | "villages" | "grids" | "towns" | "councils" | "orgLife"> = {
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
export type Family = (typeof FAMILY_OF)[GapKindName];
export const ALL_FAMILIES: ReadonlySet<Family> = new Set(Object.values(FAMILY_OF));

export interface Facts {
  twoNew: TwoNewFacts[];
  villages: VillageFacts[];
  grids: GridFacts[];
  towns: TownFacts[];
  councils: CouncilFacts[];
  orgLife: OrgLifeFacts[];
}

/** Sets each village's count of grids below it that have no central household in or below them. */
function withGridsWithoutCentralHousehold(villages: VillageFacts[], grids: GridFacts[]): void {
  const missing = new Map<string, number>();
  for (const grid of grids) {
    if (grid.hasCentralHousehold) continue;
    for (const code of grid.scope.slice(1)) missing.set(code, (missing.get(code) ?? 0) + 1);
  }
  for (const village of villages) village.gridsWithoutCentralHousehold = missing.get(village.code) ?? 0;
}

export interface FactsRequest {
  regionCode: string;
  asOf: string;
  families?: ReadonlySet<Family>;
  exact?: boolean;
}

export async function readFacts(run: TransactionRun, rules: RuleThresholds, request: FactsRequest): Promise<Facts> {
  const { regionCode, asOf, families = ALL_FAMILIES, exact = false } = request;
  const params = {
    regionCode,
    exact,
    asOf: neo4jDate(asOf),
    recruitedSince: neo4jDate(yearsBefore(asOf, rules.recruitmentYears)),
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
