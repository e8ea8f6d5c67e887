/**
 * The rules of village layout planning (DOMAIN.md's apply, the guidance's principles) as pure
 * functions over the facts cypher/planning/villages.cypher reads of each village: what a new
 * village made of some villages would be, its warnings, and who could lead its Party organization.
 * The planning service applies and simulates with them, so both say the same.
 */
import type { RuleThresholds } from "../config.js";
import { isWeakVillage, partyOrganizationForm } from "../coverage/coverage.rules.js";
import type { VILLAGE_CLASS_LABELS } from "../domain/labels.js";
import { candidateReason, warningMessage, type PlanningWarningCode } from "../domain/reasons.js";
import { centroidOf, spreadKm, type LatLon } from "./geometry.js";
import type { GroupSimulation, PlanningWarning, SecretaryCandidate } from "./planning.types.js";

interface Person {
  id: string;
  name: string;
  points: number | null;
  birthYear: number | null;
}

/** A village as layout planning sees it: what it is and what a merge would take along. */
export interface PlanningVillage {
  code: string;
  found: boolean;
  name: string | null;
  level: string | null;
  status: string | null;
  inTown: boolean;
  population: number | null;
  households: number | null;
  collectiveIncome: number | null;
  industries: string[];
  location: LatLon | null;
  orgs: Array<{ id: string; formalMembers: number }>;
  orgIsWeak: boolean;
  grids: number;
  /** "personId|partyStatus" of the members of its village orgs and their grid orgs. */
  members: string[];
  pairings: string[];
  cooperatives: string[];
  twoNewOrganizations: string[];
  councils: string[];
  serviceCenters: string[];
  secretaries: Array<Person & { director: boolean; collectiveHead: boolean }>;
  reserves: Person[];
}

/** One group of a plan: the new village's name and code and the villages it absorbs. */
export interface PlannedGroup {
  name: string;
  code: string;
  villages: PlanningVillage[];
}

type OrgKind = ReturnType<typeof partyOrganizationForm>;

const KIND_WORDS: Record<OrgKind, string> = {
  COMMITTEE: "委员会",
  GENERAL_BRANCH: "总支部委员会",
  BRANCH: "支部委员会",
  PARTY_GROUP: "党小组",
};

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const union = (lists: string[][]) => [...new Set(lists.flat())];
const sum = (villages: PlanningVillage[], figure: (v: PlanningVillage) => number | null) =>
  villages.reduce((s, v) => s + (figure(v) ?? 0), 0);

export const isWeak = (v: PlanningVillage, rules: RuleThresholds): boolean => isWeakVillage(v, rules);

export const isStrong = (v: Pick<PlanningVillage, "collectiveIncome">, rules: RuleThresholds): boolean =>
  (v.collectiveIncome ?? 0) >= rules.strongCollectiveIncome;

export type VillageClassName = keyof typeof VILLAGE_CLASS_LABELS;

/**
 * What a planner should see of a village at a glance: weak (DOMAIN.md), strong (collective income
 * at or above the strong threshold) and new (formed by a layout adjustment). A village 软弱涣散
 * with a high income is both weak and strong; an ordinary village is none.
 */
export function villageClasses(
  v: { isNewVillage: boolean; orgIsWeak: boolean; collectiveIncome: number | null },
  rules: RuleThresholds,
): VillageClassName[] {
  const classes: VillageClassName[] = [];
  if (isWeakVillage(v, rules)) classes.push("WEAK");
  if (isStrong(v, rules)) classes.push("STRONG");
  if (v.isNewVillage) classes.push("NEW");
  return classes;
}

/** Distinct persons of a party status (FORMAL, PROBATIONARY) among the villages' members. */
export function distinctMembers(villages: PlanningVillage[], status: string): number {
  return new Set(villages.flatMap((v) => v.members).filter((m) => m.endsWith(`|${status}`))).size;
}

/** The new village's own figures: sums, the union of industries, the mean position. */
export function mergedFigures(villages: PlanningVillage[]) {
  return {
    population: sum(villages, (v) => v.population),
    households: sum(villages, (v) => v.households),
    collectiveIncome: round(
      sum(villages, (v) => v.collectiveIncome),
      4,
    ),
    industries: union(villages.map((v) => v.industries)),
    centroid: centroidOf(villages),
  };
}

/**
 * The new village's Party organization: its form by the distinct formal members, its name, and
 * what each absorbed village org becomes (DOMAIN.md: a BRANCH with 3+ formal members, else a PARTY_GROUP).
 */
export function newOrganization(townName: string, group: PlannedGroup) {
  const kind = partyOrganizationForm(distinctMembers(group.villages, "FORMAL"));
  return {
    kind,
    name: `中共${townName}${group.name}${KIND_WORDS[kind]}`,
    absorbed: group.villages.flatMap((v) =>
      v.orgs.map((o) => ({
        id: o.id,
        kind: partyOrganizationForm(o.formalMembers) === "PARTY_GROUP" ? "PARTY_GROUP" : "BRANCH",
      })),
    ),
  };
}

/** The share of villages that have the group's most common industry (产业相融); 0 for no villages. */
export function sharedIndustryRatio(villages: PlanningVillage[]): number {
  const counts = new Map<string, number>();
  for (const v of villages)
    for (const industry of new Set(v.industries)) counts.set(industry, (counts.get(industry) ?? 0) + 1);
  return villages.length ? Math.max(0, ...counts.values()) / villages.length : 0;
}

/** The share of a group's villages that should share an industry (产业相融). */
const SHARED_INDUSTRY_SHARE = 0.5;

/** What a planner should look at before applying, from a group's measures, each with its value and limit. */
export function groupWarnings(
  measures: {
    spreadKm: number;
    villages: number;
    weakVillages: number;
    candidates: number;
    households: number;
    sharedIndustryRatio: number;
  },
  rules: RuleThresholds,
): PlanningWarning[] {
  const warnings: PlanningWarning[] = [];
  const warn = (code: PlanningWarningCode, value: number | null, limit: number | null) => {
    const messageLabel = warningMessage(code, { value, limit });
    warnings.push({ code, message: messageLabel.en, messageLabel, value, limit });
  };
  if (measures.spreadKm > rules.mergeMaxSpreadKm)
    warn("SPREAD_TOO_LARGE", round(measures.spreadKm, 1), rules.mergeMaxSpreadKm);
  if (measures.weakVillages === measures.villages) warn("ONLY_WEAK_VILLAGES", 0, null);
  if (measures.candidates === 0) warn("NO_SECRETARY_CANDIDATE", 0, null);
  if (measures.households < rules.mergeMinHouseholds)
    warn("TOO_FEW_HOUSEHOLDS", measures.households, rules.mergeMinHouseholds);
  if (measures.sharedIndustryRatio < SHARED_INDUSTRY_SHARE)
    warn("NO_SHARED_INDUSTRY", round(measures.sharedIndustryRatio, 2), SHARED_INDUSTRY_SHARE);
  return warnings;
}

/**
 * Transparent scoring, the best five: +3 secretary of an absorbed village, +2 also its director,
 * +2 also head of its collective, +1 in its reserve pool, + points / 25, −2 when 60 or older in
 * asOf's year. Ties go by person id.
 */
export function secretaryCandidates(villages: PlanningVillage[], asOf: string): SecretaryCandidate[] {
  const year = Number(asOf.slice(0, 4));
  const byPerson = new Map<string, Omit<SecretaryCandidate, "reasons">>();
  const entry = (person: Person, village: PlanningVillage) => {
    let candidate = byPerson.get(person.id);
    if (!candidate) {
      candidate = { personId: person.id, name: person.name, villageCode: village.code, score: 0, reasonLabels: [] };
      if (person.points) {
        candidate.score += person.points / 25;
        candidate.reasonLabels.push(
          candidateReason("POINTS", { added: round(person.points / 25), points: person.points }),
        );
      }
      if (person.birthYear && year - person.birthYear >= 60) {
        candidate.score -= 2;
        candidate.reasonLabels.push(candidateReason("AGED", { added: -2, age: year - person.birthYear }));
      }
      byPerson.set(person.id, candidate);
    }
    return candidate;
  };
  for (const village of villages) {
    for (const s of village.secretaries) {
      const c = entry(s, village);
      c.score += 3;
      c.reasonLabels.push(candidateReason("SECRETARY", { added: 3, village: village.name }));
      if (s.director) {
        c.score += 2;
        c.reasonLabels.push(candidateReason("DIRECTOR", { added: 2 }));
      }
      if (s.collectiveHead) {
        c.score += 2;
        c.reasonLabels.push(candidateReason("COLLECTIVE_HEAD", { added: 2 }));
      }
    }
    for (const r of village.reserves) {
      const c = entry(r, village);
      c.score += 1;
      c.reasonLabels.push(candidateReason("RESERVE", { added: 1, village: village.name }));
    }
  }
  return [...byPerson.values()]
    .map((c) => ({ ...c, score: round(c.score), reasons: c.reasonLabels.map((reason) => reason.en) }))
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
    .slice(0, 5);
}

/** What one group of a plan would be on asOf: its figures, what it inherits, candidates and warnings. */
export function describeGroup(group: PlannedGroup, asOf: string, rules: RuleThresholds): GroupSimulation {
  const villages = group.villages;
  const figures = mergedFigures(villages);
  const formalMembers = distinctMembers(villages, "FORMAL");
  const spread = spreadKm(villages);
  const weak = villages.filter((v) => isWeak(v, rules)).length;
  const candidates = secretaryCandidates(villages, asOf);
  const shared = sharedIndustryRatio(villages);
  const inherited = (list: (v: PlanningVillage) => string[]) => union(villages.map(list)).length;
  return {
    name: group.name,
    code: group.code,
    villageCodes: villages.map((v) => v.code),
    population: figures.population,
    households: figures.households,
    collectiveIncome: figures.collectiveIncome,
    formalMembers,
    probationaryMembers: distinctMembers(villages, "PROBATIONARY"),
    recommendedOrgKind: partyOrganizationForm(formalMembers),
    grids: villages.length + villages.reduce((s, v) => s + v.grids, 0),
    spreadKm: round(spread, 3),
    centroid: figures.centroid,
    industries: figures.industries,
    sharedIndustryRatio: round(shared, 4),
    weakVillages: weak,
    strongVillages: villages.filter((v) => isStrong(v, rules)).length,
    inheritedPairings: inherited((v) => v.pairings),
    cooperatives: inherited((v) => v.cooperatives),
    twoNewOrganizations: inherited((v) => v.twoNewOrganizations),
    councils: inherited((v) => v.councils),
    serviceCenters: inherited((v) => v.serviceCenters),
    secretaryCandidates: candidates,
    warnings: groupWarnings(
      {
        spreadKm: spread,
        villages: villages.length,
        weakVillages: weak,
        candidates: candidates.length,
        households: figures.households,
        sharedIndustryRatio: shared,
      },
      rules,
    ),
  };
}
