/**
 * The coverage rules of DOMAIN.md (section Rules) as pure functions over facts that the
 * queries in cypher/coverage/ read from the graph. One place decides every gap, so the
 * report's counts and the gap list can never disagree.
 */
import type { RuleThresholds } from "../config.js";
import { addDays, daysBetween, yearsBefore } from "../domain/dates.js";
import type { GapKindName } from "../domain/gap-kinds.js";

export type CoverageClassName = "ORGANIZATIONAL" | "WORK_ONLY" | "NONE";

/** Codes from the subject's region up to the report's root region. */
interface Scoped {
  scope: string[];
}

export interface TwoNewFacts extends Scoped {
  id: string;
  name: string;
  formalMembers: number;
  /** Modes of the ACTIVE party organizations that COVER it. */
  coverModes: string[];
  workCovered: boolean;
  instructed: boolean;
}

export interface VillageFacts extends Scoped {
  code: string;
  name: string;
  isNewVillage: boolean;
  collectiveIncome: number | null;
  hasPartyOrg: boolean;
  orgIsWeak: boolean;
  paired: boolean;
  secretaryIsDirector: boolean;
  secretaryIsCollectiveHead: boolean;
  /** The latest joinedPartyOn on or before asOf of a member of the village org or its grid orgs. */
  latestRecruitOn: string | null;
  /** The first joinedPartyOn after asOf (a join recorded ahead): it enters the window that day. */
  upcomingRecruitOn: string | null;
  hasReserveSecretary: boolean;
  hasServiceStation: boolean;
  hasCoBuildingCouncil: boolean;
  subordinateToTownOrg: boolean;
  directGrids: number;
  directGridsWithOrg: number;
  /** Grids anywhere below the village with GRID_WITHOUT_CENTRAL_HOUSEHOLD (from the grid facts). */
  gridsWithoutCentralHousehold: number;
}

export interface GridFacts extends Scoped {
  code: string;
  name: string;
  hasGridOrg: boolean;
  hasCentralHousehold: boolean;
}

export interface TownFacts extends Scoped {
  code: string;
  name: string;
  hasJointMeeting: boolean;
}

export interface CouncilFacts extends Scoped {
  id: string;
  name: string;
  kind: string;
  served: string[];
  lastMeetingOn: string | null;
  /** The first meeting after asOf (recorded ahead). */
  upcomingMeetingOn: string | null;
}

export interface Gap extends Scoped {
  kind: GapKindName;
  subjectId: string;
  subjectName: string;
  subjectLabel: "TwoNewOrganization" | "Region" | "JointCouncil";
  regionCode: string;
  reason: string;
}

const MODE_WORDS: Record<string, string> = { OWN: "its own organization", JOINT: "a joint branch", AFFILIATED: "an affiliation" };

function members(count: number): string {
  return `${count} formal Party member${count === 1 ? "" : "s"}`;
}

/** The Party organization form rule: formal members ≥ 100 → COMMITTEE, 50–99 → GENERAL_BRANCH, 3–49 → BRANCH, else PARTY_GROUP. */
export function partyOrganizationForm(formalMembers: number): "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH" | "PARTY_GROUP" {
  if (formalMembers >= 100) return "COMMITTEE";
  if (formalMembers >= 50) return "GENERAL_BRANCH";
  if (formalMembers >= 3) return "BRANCH";
  return "PARTY_GROUP";
}

export function classifyTwoNew(facts: TwoNewFacts): CoverageClassName {
  if (facts.coverModes.length > 0) return "ORGANIZATIONAL";
  if (facts.workCovered || facts.instructed) return "WORK_ONLY";
  return "NONE";
}

export function twoNewGaps(facts: TwoNewFacts, rules: RuleThresholds): Gap[] {
  const base = { subjectId: facts.id, subjectName: facts.name, subjectLabel: "TwoNewOrganization" as const, regionCode: facts.scope[0]!, scope: facts.scope };
  const n = facts.formalMembers;
  const modes = [...new Set(facts.coverModes)];
  if (n >= rules.ownOrgMinMembers && !modes.includes("OWN")) {
    const covered = modes.length ? `covered only by ${modes.map((m) => MODE_WORDS[m] ?? m).join(" and ")}` : "no Party organization covers it";
    return [{ ...base, kind: "SHOULD_FORM_OWN_ORG", reason: `${members(n)}, ${covered}` }];
  }
  if (n >= 1 && n < rules.ownOrgMinMembers && modes.length === 0) {
    return [{ ...base, kind: "SHOULD_JOIN_JOINT_ORG", reason: `${members(n)}, no Party organization covers it` }];
  }
  if (n === 0 && classifyTwoNew(facts) === "NONE") {
    return [{ ...base, kind: "NO_WORK_COVERAGE", reason: "no formal Party member, no work coverage and no Party-building instructor" }];
  }
  return [];
}

/** DOMAIN.md's weak village: its village org is 软弱涣散, or collective income is below the threshold. */
export function isWeakVillage(facts: Pick<VillageFacts, "orgIsWeak" | "collectiveIncome">, rules: RuleThresholds): boolean {
  return facts.orgIsWeak || (facts.collectiveIncome !== null && facts.collectiveIncome < rules.weakCollectiveIncome);
}

/** NO_RECENT_RECRUITMENT's window: someone joined in [asOf − recruitmentYears, asOf]. */
export function hasRecentRecruit(facts: Pick<VillageFacts, "latestRecruitOn">, asOf: string, rules: RuleThresholds): boolean {
  return facts.latestRecruitOn !== null && facts.latestRecruitOn >= yearsBefore(asOf, rules.recruitmentYears);
}

/** The earliest of some dates after asOf (null when none): the next day an answer can change with no write. */
function earliestAfter(asOf: string, dates: Array<string | null>): string | null {
  const later = dates.filter((d): d is string => d !== null && d > asOf).sort();
  return later[0] ?? null;
}

/**
 * The first day after asOf on which the village's gaps can change with no write: its latest
 * recruit leaves the window, or a join recorded ahead enters it. Never later than the change.
 */
export function villageChangesOn(facts: VillageFacts, asOf: string, rules: RuleThresholds): string | null {
  const leaves = facts.latestRecruitOn === null ? null : addDays(yearsBefore(facts.latestRecruitOn, -rules.recruitmentYears), 1);
  return earliestAfter(asOf, [leaves, facts.upcomingRecruitOn]);
}

/** The first day after asOf on which a council's gap can change with no write (daily while its reason counts idle days). */
export function councilChangesOn(facts: CouncilFacts, asOf: string, rules: RuleThresholds): string | null {
  if (councilGaps(facts, asOf, rules).length > 0) return addDays(asOf, 1);
  const lapses = facts.lastMeetingOn === null ? null : addDays(facts.lastMeetingOn, rules.councilInactiveDays + 1);
  return earliestAfter(asOf, [lapses, facts.upcomingMeetingOn]);
}

/** What breaks the chain 镇党委—村党组织—网格党组织—党员中心户; empty when it is complete. */
export function chainBreaks(facts: VillageFacts): string[] {
  const breaks: string[] = [];
  if (!facts.hasPartyOrg) breaks.push("no village Party organization");
  else if (!facts.subordinateToTownOrg) breaks.push("the village Party organization is not subordinate to an active town Party organization of its town");
  if (facts.directGrids === 0) breaks.push("no grid");
  else if (facts.directGridsWithOrg < facts.directGrids) {
    breaks.push(`${facts.directGrids - facts.directGridsWithOrg} of ${facts.directGrids} grids have no grid Party organization under the village organization`);
  }
  if (facts.gridsWithoutCentralHousehold > 0) breaks.push(`${facts.gridsWithoutCentralHousehold} grid(s) without a central household`);
  return breaks;
}

export function villageGaps(facts: VillageFacts, asOf: string, rules: RuleThresholds): Gap[] {
  const gaps: Gap[] = [];
  const add = (kind: GapKindName, reason: string) =>
    gaps.push({ kind, reason, subjectId: facts.code, subjectName: facts.name, subjectLabel: "Region", regionCode: facts.code, scope: facts.scope });
  if (!facts.hasPartyOrg) add("VILLAGE_WITHOUT_PARTY_ORG", "no active Party organization of category VILLAGE is based in the village");
  if (facts.hasPartyOrg && !facts.secretaryIsDirector) add("SECRETARY_NOT_DIRECTOR", "no secretary of the village Party organization is director of the village committee");
  if (facts.hasPartyOrg && !facts.secretaryIsCollectiveHead) {
    add("SECRETARY_NOT_COLLECTIVE_HEAD", "no secretary of the village Party organization chairs the village's collective economic organization");
  }
  if (isWeakVillage(facts, rules) && !facts.paired) {
    const why = facts.orgIsWeak ? "its Party organization is weak (软弱涣散)" : `collective income ${facts.collectiveIncome} 万元 is below ${rules.weakCollectiveIncome}`;
    add("WEAK_VILLAGE_UNPAIRED", `${why}, and ${facts.hasPartyOrg ? "its Party organization is in no active pairing" : "it has no Party organization to pair"}`);
  }
  if (facts.hasPartyOrg && !hasRecentRecruit(facts, asOf, rules)) {
    add("NO_RECENT_RECRUITMENT", `nobody in the village or grid Party organizations joined the Party in the last ${rules.recruitmentYears} years`);
  }
  if (!facts.hasReserveSecretary) add("NO_RESERVE_SECRETARY", "nobody is in the reserve pool for the village secretary");
  if (!facts.hasServiceStation) add("NO_SERVICE_STATION", "no Party-masses service center or station serves the village");
  if (facts.isNewVillage && !facts.hasCoBuildingCouncil) add("NEW_VILLAGE_WITHOUT_COUNCIL", "the new village has no co-building council (共建议事会)");
  return gaps;
}

export function gridGaps(facts: GridFacts): Gap[] {
  const base = { subjectId: facts.code, subjectName: facts.name, subjectLabel: "Region" as const, regionCode: facts.code, scope: facts.scope };
  const gaps: Gap[] = [];
  if (!facts.hasGridOrg) gaps.push({ ...base, kind: "GRID_WITHOUT_PARTY_ORG", reason: "no active grid Party organization is based in the grid" });
  if (!facts.hasCentralHousehold) {
    gaps.push({ ...base, kind: "GRID_WITHOUT_CENTRAL_HOUSEHOLD", reason: "no Party member central household (党员中心户) in the grid or any grid below it" });
  }
  return gaps;
}

export function townGaps(facts: TownFacts): Gap[] {
  return facts.hasJointMeeting
    ? []
    : [{
        kind: "TOWN_WITHOUT_JOINT_MEETING", subjectId: facts.code, subjectName: facts.name, subjectLabel: "Region",
        regionCode: facts.code, scope: facts.scope, reason: "no regional Party-building joint meeting (区域化党建联席会议) serves the town",
      }];
}

export function councilGaps(facts: CouncilFacts, asOf: string, rules: RuleThresholds): Gap[] {
  const idle = facts.lastMeetingOn === null ? null : daysBetween(facts.lastMeetingOn, asOf);
  if (idle !== null && idle <= rules.councilInactiveDays) return [];
  return [{
    kind: "COUNCIL_INACTIVE", subjectId: facts.id, subjectName: facts.name, subjectLabel: "JointCouncil",
    regionCode: facts.served[0]!, scope: facts.scope,
    reason: idle === null ? "it has never met" : `its latest meeting, on ${facts.lastMeetingOn}, was ${idle} days before ${asOf}`,
  }];
}
