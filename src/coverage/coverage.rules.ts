/**
 * The coverage rules of DOMAIN.md (section Rules) as pure functions over facts that the
 * queries in cypher/coverage/ read from the graph. One place decides every gap, so the
 * report's counts and the gap list can never disagree.
 */
import type { RuleThresholds } from "../config.js";
import { addDays, daysBetween, yearsBefore } from "../domain/dates.js";
import type { GapKindName, GapSubjectLabel } from "../domain/gap-kinds.js";
import { hasCommittee, ORG_LIFE_WINDOWS, type OrgLifeEventKindName } from "../domain/org-life.js";
import type { Label } from "../domain/labels.js";
import { chainBreak, type GapReasonValues, type GapReasonValuesOfAnyKind } from "../domain/reasons.js";

export type CoverageClassName = "ORGANIZATIONAL" | "WORK_ONLY" | "NONE";

/** Codes from the subject's region up to the report's root region. */
interface Scoped {
  scope: string[];
}

/** A period of service (a first secretary's FIRST_SECRETARY_OF, a work team): either end may be absent. */
export interface Term {
  since: string | null;
  until: string | null;
}

/**
 * Where a subject rolls up (DOMAIN.md, Additions): the village (the subject itself, a grid's
 * nearest ACTIVE village, or the village of the region it is located or based in) and that
 * village's town, else the town the subject is or sits in; null where none applies.
 */
interface Placed {
  villageCode?: string | null;
  townCode?: string | null;
}

export interface TwoNewFacts extends Scoped, Placed {
  id: string;
  name: string;
  formalMembers: number;
  /** Modes of the ACTIVE party organizations that COVER it. */
  coverModes: string[];
  workCovered: boolean;
  instructed: boolean;
}

export interface VillageFacts extends Scoped, Placed {
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
  /** The village's households (the denominator of centralHouseholdReach); null when unknown. */
  households?: number | null;
  /** One of its village orgs LEADS a PROFESSIONAL or UNION cooperative (党组织领办合作社). */
  leadsCooperative?: boolean;
  /** One of its village orgs has a person holding PART_TIME_COMMITTEE on it (兼职委员). */
  hasPartTimeCommitteeMember?: boolean;
  /** A MassOrganization is LOCATED_IN it or in a region below it. */
  hasMassOrg?: boolean;
  /** The terms of every FIRST_SECRETARY_OF it (whoever holds them). */
  firstSecretaryTerms?: Term[];
  /** The terms of every WorkTeam STATIONED_IN it, in a region below it, or on its path up to and including its town. */
  workTeamTerms?: Term[];
}

export interface GridFacts extends Scoped, Placed {
  code: string;
  name: string;
  hasGridOrg: boolean;
  hasCentralHousehold: boolean;
  /** It is directly PART_OF a region of level VILLAGE (not nested in another grid). */
  parentIsVillage?: boolean;
  /** One of its ACTIVE GRID orgs is directly SUBORDINATE_TO an ACTIVE village org based in that village. */
  gridOrgUnderVillageOrg?: boolean;
  /** The households of every CENTRAL_HOUSEHOLD_OF this grid itself (党员联系农户). */
  centralHouseholdHouseholds?: number;
}

export interface TownFacts extends Scoped, Placed {
  code: string;
  name: string;
  hasJointMeeting: boolean;
}

export interface CouncilFacts extends Scoped, Placed {
  id: string;
  name: string;
  kind: string;
  served: string[];
  lastMeetingOn: string | null;
  /** The first meeting after asOf (recorded ahead). */
  upcomingMeetingOn: string | null;
}

/** An ACTIVE Party organization of category VILLAGE and its organizational life up to asOf. */
export interface OrgLifeFacts extends Scoped, Placed {
  id: string;
  name: string;
  /** PartyOrganization.kind: COMMITTEE, GENERAL_BRANCH, BRANCH … */
  kind: string;
  foundedOn: string | null;
  /** Distinct FORMAL persons who are MEMBER_OF the organization itself. */
  formalMembers: number;
  /** The latest heldOn on or before asOf of each kind it held by then (kinds never held are absent). */
  latestEvents: Array<{ kind: string; heldOn: string }>;
  /** The first heldOn after asOf of each kind recorded ahead (it enters its window that day). */
  upcomingEvents?: Array<{ kind: string; heldOn: string }>;
}

export interface Gap extends Scoped {
  kind: GapKindName;
  subjectId: string;
  subjectName: string;
  subjectLabel: GapSubjectLabel;
  regionCode: string;
  /** The village the subject rolls up to, and that village's town (or the subject's own town). */
  villageCode: string | null;
  townCode: string | null;
  /** ORG_LIFE_OVERDUE: the required kinds without an event in their window; empty otherwise. */
  missingKinds: OrgLifeEventKindName[];
  /**
   * Why, as the values its kind's sentence is made of (src/domain/reasons.ts words them). Names no
   * day counted from asOf (but a council's idle days): a kept gap is recomputed only when its answer changes.
   */
  reasonValues: GapReasonValuesOfAnyKind;
}

/** Narrows a gap list to the gaps whose subject rolls up to a village and/or lies in a town. */
export interface GapFilter {
  villageCode?: string | null;
  townCode?: string | null;
}

export const placedIn = (gap: Pick<Gap, "villageCode" | "townCode">, filter: GapFilter): boolean =>
  (!filter.villageCode || gap.villageCode === filter.villageCode) &&
  (!filter.townCode || gap.townCode === filter.townCode);

const placeOf = (facts: Placed) => ({
  villageCode: facts.villageCode ?? null,
  townCode: facts.townCode ?? null,
  missingKinds: [],
});

/** The subject fields of a gap whose subject is a region (a village, grid or town): it is where it is. */
const regionSubject = (facts: Placed & { code: string; name: string; scope: string[] }) => ({
  subjectId: facts.code,
  subjectName: facts.name,
  subjectLabel: "Region" as const,
  regionCode: facts.code,
  scope: facts.scope,
  ...placeOf(facts),
});

/** A gap's kind with the values of its reason, checked against that kind's. */
const because = <Kind extends GapKindName>(kind: Kind, reasonValues: GapReasonValues[Kind]) => ({ kind, reasonValues });

/** The Party organization form rule: formal members ≥ 100 → COMMITTEE, 50–99 → GENERAL_BRANCH, 3–49 → BRANCH, else PARTY_GROUP. */
export function partyOrganizationForm(
  formalMembers: number,
): "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH" | "PARTY_GROUP" {
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
  const base = {
    subjectId: facts.id,
    subjectName: facts.name,
    subjectLabel: "TwoNewOrganization" as const,
    regionCode: facts.scope[0]!,
    scope: facts.scope,
    ...placeOf(facts),
  };
  const n = facts.formalMembers;
  const modes = [...new Set(facts.coverModes)];
  if (n >= rules.ownOrgMinMembers && !modes.includes("OWN")) {
    return [
      {
        ...base,
        ...because("SHOULD_FORM_OWN_ORG", {
          formalMembers: n,
          modes: modes as GapReasonValues["SHOULD_FORM_OWN_ORG"]["modes"],
        }),
      },
    ];
  }
  if (n >= 1 && n < rules.ownOrgMinMembers && modes.length === 0) {
    return [{ ...base, ...because("SHOULD_JOIN_JOINT_ORG", { formalMembers: n }) }];
  }
  if (n === 0 && classifyTwoNew(facts) === "NONE") {
    return [{ ...base, ...because("NO_WORK_COVERAGE", {}) }];
  }
  return [];
}

/** Serving on asOf (DOMAIN.md, Additions): since absent or on/before asOf, and until absent or on/after asOf. */
export function servesOn(term: Term, asOf: string): boolean {
  return (term.since === null || term.since <= asOf) && (term.until === null || term.until >= asOf);
}

/** The first day after asOf on which a term starts or stops serving (null when none will). */
export function termsChangeOn(terms: Term[], asOf: string): string | null {
  return earliestAfter(
    asOf,
    terms.flatMap((t) => [t.since, t.until === null ? null : addDays(t.until, 1)]),
  );
}

/** DOMAIN.md's weak village: its village org is 软弱涣散, or collective income is below the threshold. */
export function isWeakVillage(
  facts: Pick<VillageFacts, "orgIsWeak" | "collectiveIncome">,
  rules: RuleThresholds,
): boolean {
  return facts.orgIsWeak || (facts.collectiveIncome !== null && facts.collectiveIncome < rules.weakCollectiveIncome);
}

/** NO_RECENT_RECRUITMENT's window: someone joined in [asOf − recruitmentYears, asOf]. */
export function hasRecentRecruit(
  facts: Pick<VillageFacts, "latestRecruitOn">,
  asOf: string,
  rules: RuleThresholds,
): boolean {
  return facts.latestRecruitOn !== null && facts.latestRecruitOn >= yearsBefore(asOf, rules.recruitmentYears);
}

/** The earliest of some dates after asOf (null when none): the next day an answer can change with no write. */
function earliestAfter(asOf: string, dates: Array<string | null>): string | null {
  const later = dates.filter((d): d is string => d !== null && d > asOf).sort();
  return later[0] ?? null;
}

/**
 * The first day after asOf on which the village's gaps can change with no write: its latest
 * recruit leaves the window, a join recorded ahead enters it, or a first secretary's or work
 * team's term starts or ends (WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY). Never later than the change.
 */
export function villageChangesOn(facts: VillageFacts, asOf: string, rules: RuleThresholds): string | null {
  const leaves =
    facts.latestRecruitOn === null ? null : addDays(yearsBefore(facts.latestRecruitOn, -rules.recruitmentYears), 1);
  const terms = termsChangeOn([...(facts.firstSecretaryTerms ?? []), ...(facts.workTeamTerms ?? [])], asOf);
  return earliestAfter(asOf, [leaves, facts.upcomingRecruitOn, terms]);
}

/** The first day after asOf on which a council's gap can change with no write (daily while its reason counts idle days). */
export function councilChangesOn(facts: CouncilFacts, asOf: string, rules: RuleThresholds): string | null {
  if (councilGaps(facts, asOf, rules).length > 0) return addDays(asOf, 1);
  const lapses = facts.lastMeetingOn === null ? null : addDays(facts.lastMeetingOn, rules.councilInactiveDays + 1);
  return earliestAfter(asOf, [lapses, facts.upcomingMeetingOn]);
}

/** What breaks the chain 镇党委—村党组织—网格党组织—党员中心户, in both languages; empty when it is complete. */
export function chainBreaks(facts: VillageFacts): Label[] {
  const breaks: Label[] = [];
  if (!facts.hasPartyOrg) breaks.push(chainBreak("NO_VILLAGE_ORG", {}));
  else if (!facts.subordinateToTownOrg) breaks.push(chainBreak("VILLAGE_ORG_DETACHED", {}));
  if (facts.directGrids === 0) breaks.push(chainBreak("NO_GRID", {}));
  else if (facts.directGridsWithOrg < facts.directGrids) {
    const without = facts.directGrids - facts.directGridsWithOrg;
    breaks.push(chainBreak("GRIDS_WITHOUT_ORG", { without, grids: facts.directGrids }));
  }
  if (facts.gridsWithoutCentralHousehold > 0)
    breaks.push(chainBreak("GRIDS_WITHOUT_CENTRAL_HOUSEHOLD", { grids: facts.gridsWithoutCentralHousehold }));
  return breaks;
}

export function villageGaps(facts: VillageFacts, asOf: string, rules: RuleThresholds): Gap[] {
  const gaps: Gap[] = [];
  const add = <Kind extends GapKindName>(kind: Kind, values: GapReasonValues[Kind]) =>
    gaps.push({ ...because(kind, values), ...regionSubject(facts) });
  const weak = isWeakVillage(facts, rules);
  const whyWeak = {
    orgIsWeak: facts.orgIsWeak,
    collectiveIncome: facts.collectiveIncome,
    weakBelow: rules.weakCollectiveIncome,
  };
  if (!facts.hasPartyOrg) add("VILLAGE_WITHOUT_PARTY_ORG", {});
  if (facts.hasPartyOrg && !facts.secretaryIsDirector) add("SECRETARY_NOT_DIRECTOR", {});
  if (facts.hasPartyOrg && !facts.subordinateToTownOrg) add("VILLAGE_ORG_DETACHED", { hasTown: !!facts.townCode });
  if (facts.directGrids === 0) add("VILLAGE_WITHOUT_GRID", {});
  if (facts.hasPartyOrg && !facts.secretaryIsCollectiveHead) add("SECRETARY_NOT_COLLECTIVE_HEAD", {});
  if (weak && !facts.paired) add("WEAK_VILLAGE_UNPAIRED", { ...whyWeak, hasPartyOrg: facts.hasPartyOrg });
  const served = [...(facts.firstSecretaryTerms ?? []), ...(facts.workTeamTerms ?? [])].some((term) =>
    servesOn(term, asOf),
  );
  if (weak && !served) add("WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY", whyWeak);
  if (facts.hasPartyOrg && !hasRecentRecruit(facts, asOf, rules))
    add("NO_RECENT_RECRUITMENT", { years: rules.recruitmentYears });
  if (!facts.hasReserveSecretary) add("NO_RESERVE_SECRETARY", {});
  if (!facts.hasServiceStation) add("NO_SERVICE_STATION", {});
  if (facts.isNewVillage && !facts.hasCoBuildingCouncil) add("NEW_VILLAGE_WITHOUT_COUNCIL", {});
  if (facts.isNewVillage && facts.hasPartyOrg && !facts.hasPartTimeCommitteeMember)
    add("NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER", {});
  if (facts.isNewVillage && !facts.hasMassOrg) add("NEW_VILLAGE_WITHOUT_MASS_ORG", {});
  return gaps;
}

export function gridGaps(facts: GridFacts): Gap[] {
  const base = regionSubject(facts);
  const gaps: Gap[] = [];
  if (!facts.hasGridOrg) gaps.push({ ...base, ...because("GRID_WITHOUT_PARTY_ORG", {}) });
  if (facts.parentIsVillage && facts.hasGridOrg && !facts.gridOrgUnderVillageOrg)
    gaps.push({ ...base, ...because("GRID_ORG_DETACHED", {}) });
  if (!facts.hasCentralHousehold) gaps.push({ ...base, ...because("GRID_WITHOUT_CENTRAL_HOUSEHOLD", {}) });
  return gaps;
}

export function townGaps(facts: TownFacts): Gap[] {
  return facts.hasJointMeeting ? [] : [{ ...because("TOWN_WITHOUT_JOINT_MEETING", {}), ...regionSubject(facts) }];
}

export function councilGaps(facts: CouncilFacts, asOf: string, rules: RuleThresholds): Gap[] {
  const idle = facts.lastMeetingOn === null ? null : daysBetween(facts.lastMeetingOn, asOf);
  if (idle !== null && idle <= rules.councilInactiveDays) return [];
  return [
    {
      ...because("COUNCIL_INACTIVE", { lastMeetingOn: facts.lastMeetingOn, idleDays: idle, asOf }),
      subjectId: facts.id,
      subjectName: facts.name,
      subjectLabel: "JointCouncil",
      regionCode: facts.served[0]!,
      scope: facts.scope,
      ...placeOf(facts),
    },
  ];
}

/** Whether an event held on `heldOn` counts in the window of `days` days up to and including asOf. */
function within(date: string, asOf: string, days: number): boolean {
  const age = daysBetween(date, asOf);
  return age >= 0 && age <= days;
}

/**
 * The kinds of organizational life required of a village Party organization on asOf, with their
 * windows: all of ORG_LIFE_WINDOWS, COMMITTEE_MEETING only when it has a committee (党委, 党工委,
 * 党总支, or a branch with 7+ formal members), and none whose window holds its founding day (or
 * that it was founded after asOf, when nothing could yet be held).
 */
export function requiredOrgLife(
  facts: Pick<OrgLifeFacts, "kind" | "formalMembers" | "foundedOn">,
  asOf: string,
): Array<{ kind: OrgLifeEventKindName; days: number }> {
  const foundedDaysAgo = facts.foundedOn === null ? null : daysBetween(facts.foundedOn, asOf);
  return ORG_LIFE_WINDOWS.filter(({ kind, days }) => {
    if (kind === "COMMITTEE_MEETING" && !hasCommittee(facts.kind, facts.formalMembers)) return false;
    return foundedDaysAgo === null || foundedDaysAgo > days;
  });
}

/** ORG_LIFE_OVERDUE: the required kinds with no event held in their window; the reason names each, with its last day. */
export function orgLifeGaps(facts: OrgLifeFacts, asOf: string): Gap[] {
  const latest = new Map(facts.latestEvents.map((e) => [e.kind, e.heldOn]));
  const missing = requiredOrgLife(facts, asOf).filter(({ kind, days }) => {
    const last = latest.get(kind);
    return last === undefined || !within(last, asOf, days);
  });
  if (missing.length === 0) return [];
  return [
    {
      ...because("ORG_LIFE_OVERDUE", {
        missing: missing.map(({ kind, days }) => ({ kind, days, lastHeldOn: latest.get(kind) ?? null })),
      }),
      subjectId: facts.id,
      subjectName: facts.name,
      subjectLabel: "PartyOrganization",
      regionCode: facts.scope[0]!,
      scope: facts.scope,
      ...placeOf(facts),
      missingKinds: missing.map((m) => m.kind),
    },
  ];
}

/**
 * The first day after asOf on which the organization's ORG_LIFE_OVERDUE can change with no write:
 * its latest event of a kind leaves the window, an event recorded ahead enters it, or a kind
 * falls due once the founding day leaves its window. Never later than the change.
 */
export function orgLifeChangesOn(facts: OrgLifeFacts, asOf: string): string | null {
  const latest = new Map(facts.latestEvents.map((e) => [e.kind, e.heldOn]));
  const dates: Array<string | null> = (facts.upcomingEvents ?? []).map((e) => e.heldOn);
  for (const { kind, days } of ORG_LIFE_WINDOWS) {
    const last = latest.get(kind);
    if (last) dates.push(addDays(last, days + 1));
    if (facts.foundedOn) dates.push(addDays(facts.foundedOn, days + 1));
  }
  return earliestAfter(asOf, dates);
}
