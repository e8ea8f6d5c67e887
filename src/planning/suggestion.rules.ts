/**
 * Merge suggestions for a whole town from the guidance's principles (section 三.7 and Qingdao
 * practice): close together (地域相近), related industries (产业相融), a strong village with weak
 * ones (强村带弱村), and a viable size.
 *
 * Deterministic greedy grouping. Seeds are taken in order — strong villages by collective
 * income (highest first), or, when a strong village is not required, the largest villages
 * by households — each code-ordered on ties. A seed takes the ungrouped villages with the
 * lowest score
 *     score = distance to the seed (km) − 2 if it shares an industry with the seed
 *             − 1 if it is weak and the seed is strong
 * while the group stays within maxGroupSize and maxSpreadKm; it keeps taking until it has
 * minGroupSize villages and minHouseholds households, and after that only weak villages.
 * A group that cannot reach its minimums is released; every village in no group is listed
 * with the reason.
 *
 * With a target (the number of villages, 村, the town should have after merging: planners work
 * from the county's target), the town is merged further, or less, until it has that many:
 * complete-linkage agglomeration, each step the merge of two groups (a village alone being a
 * group of one) whose result has the smallest spread, less 2 km when they share an industry;
 * every step lowers the count by one and yields a group within the limits, so it stops at the
 * target or where no merge fits them, and says which rules stopped it: those that alone refuse a
 * merge (the ones to relax), else those the closest remaining merge breaks.
 */
import type { RuleThresholds } from "../config.js";
import type { Label } from "../domain/labels.js";
import {
  LEFT_ALONE_REASONS,
  leftAloneReason,
  targetShortfall,
  type MergeBlock,
  type MergeLimitCode,
  type RefusedMerge,
} from "../domain/reasons.js";
import type { SuggestionLimitCode } from "../domain/labels.js";
import { distanceKm, spreadKm } from "./geometry.js";
import { isStrong, isWeak, type PlanningVillage } from "./planning.rules.js";

export interface SuggestionLimits {
  minGroupSize: number;
  maxGroupSize: number;
  maxSpreadKm: number;
  minHouseholds: number;
  requireStrongVillage: boolean;
}

/** A village in no group, and why. */
export interface LeftAlone {
  code: string;
  name: string | null;
  reason: Label;
}

/** The largest group a suggestion may make (options.maxGroupSize's bound). */
export const MAX_GROUP_SIZE = 30;
/**
 * How far a target stretches the spread a planner left at its default: twice
 * RULE_MERGE_MAX_SPREAD_KM (the groups beyond the rule still get SPREAD_TOO_LARGE).
 */
export const TARGET_SPREAD_STRETCH = 2;

/** The limits a target may merge within: those the planner set stay, defaults stretch. */
export function stretchedLimits(
  limits: SuggestionLimits,
  set: { maxGroupSize: boolean; maxSpreadKm: boolean },
  rules: RuleThresholds,
): SuggestionLimits {
  return {
    ...limits,
    maxGroupSize: set.maxGroupSize ? limits.maxGroupSize : MAX_GROUP_SIZE,
    maxSpreadKm: set.maxSpreadKm ? limits.maxSpreadKm : rules.mergeMaxSpreadKm * TARGET_SPREAD_STRETCH,
  };
}

/** How close a suggestion came to its target, and what stopped it short. */
export interface TargetOutcome {
  targetVillages: number;
  villagesBefore: number;
  reached: number;
  /** The rules the closest remaining merge breaks; empty when the target was reached. */
  limitedBy: SuggestionLimitCode[];
  /** Why it stopped short, in English (the API's reason); null when the target was reached. */
  reason: string | null;
  reasonLabel: Label | null;
}

const byCode = (a: PlanningVillage, b: PlanningVillage) => a.code.localeCompare(b.code);

/** The groups, each code-ordered, and the villages left alone, with reasons. */
export function groupVillages(
  villages: PlanningVillage[],
  limits: SuggestionLimits,
  rules: RuleThresholds,
): { groups: PlanningVillage[][]; leftAlone: LeftAlone[] } {
  const strong = (v: PlanningVillage) => isStrong(v, rules);
  const shares = (a: PlanningVillage, b: PlanningVillage) => a.industries.some((i) => b.industries.includes(i));
  const located = villages.filter((v) => v.location);
  const seeds = limits.requireStrongVillage
    ? located.filter(strong).sort((a, b) => (b.collectiveIncome ?? 0) - (a.collectiveIncome ?? 0) || byCode(a, b))
    : [...located].sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || byCode(a, b));
  const grouped = new Set<string>();
  const groups: PlanningVillage[][] = [];
  const households = (group: PlanningVillage[]) => group.reduce((s, v) => s + (v.households ?? 0), 0);
  for (const seed of seeds) {
    if (grouped.has(seed.code)) continue;
    const score = (v: PlanningVillage) =>
      distanceKm(seed.location!, v.location!) - (shares(seed, v) ? 2 : 0) - (strong(seed) && isWeak(v, rules) ? 1 : 0);
    const candidates = located
      .filter((v) => v.code !== seed.code && !grouped.has(v.code) && !(limits.requireStrongVillage && strong(v)))
      .sort((a, b) => score(a) - score(b) || byCode(a, b));
    const group = [seed];
    for (const candidate of candidates) {
      if (group.length >= limits.maxGroupSize) break;
      const satisfied = group.length >= limits.minGroupSize && households(group) >= limits.minHouseholds;
      if (satisfied && !isWeak(candidate, rules)) continue;
      if (spreadKm([...group, candidate]) > limits.maxSpreadKm) continue;
      group.push(candidate);
    }
    if (group.length >= limits.minGroupSize && households(group) >= limits.minHouseholds) {
      group.forEach((v) => grouped.add(v.code));
      groups.push(group.sort(byCode));
    }
  }
  const whyAlone = (v: PlanningVillage): keyof typeof LEFT_ALONE_REASONS => {
    if (!v.location) return "NO_LOCATION";
    if (limits.requireStrongVillage && strong(v)) return "STRONG_WITHOUT_PARTNERS";
    const nearStrong = villages.some(
      (s) => strong(s) && s.location && distanceKm(s.location, v.location!) <= limits.maxSpreadKm,
    );
    return limits.requireStrongVillage && !nearStrong ? "NO_STRONG_NEARBY" : "GROUPS_FULL";
  };
  const leftAlone = villages
    .filter((v) => !grouped.has(v.code))
    .sort(byCode)
    .map((v) => ({ code: v.code, name: v.name, reason: leftAloneReason(whyAlone(v), limits) }));
  return { groups, leftAlone };
}

/** The town's villages after merging these groups (a group of k villages becomes one). */
export const villagesAfter = (villages: number, groups: PlanningVillage[][]) =>
  groups.reduce((n, group) => n - group.length + 1, villages);

/** The limits a merge of two groups can break, in the order they are reported. */
const MERGE_LIMITS = ["MAX_SPREAD_KM", "MAX_GROUP_SIZE", "STRONG_VILLAGE", "MIN_HOUSEHOLDS", "MIN_GROUP_SIZE"] as const;
type MergeLimit = (typeof MERGE_LIMITS)[number] & MergeLimitCode;

interface Cluster {
  members: PlanningVillage[];
  spread: number;
  households: number;
  strong: boolean;
  industries: Set<string>;
}

/**
 * Merges `start` (groups, the other located villages alone) step by step until the town has
 * `target` villages or no merge fits `limits`; see the file's comment.
 */
function agglomerate(
  villages: PlanningVillage[],
  start: PlanningVillage[][],
  limits: SuggestionLimits,
  rules: RuleThresholds,
  target: number,
): { groups: PlanningVillage[][]; blocked: { codes: SuggestionLimitCode[]; block: MergeBlock } | null } {
  const inStart = new Set(start.flat().map((v) => v.code));
  const cluster = (members: PlanningVillage[]): Cluster => ({
    members,
    spread: spreadKm(members),
    households: members.reduce((s, v) => s + (v.households ?? 0), 0),
    strong: members.some((v) => isStrong(v, rules)),
    industries: new Set(members.flatMap((v) => v.industries)),
  });
  const clusters: Array<Cluster | null> = [
    ...start.map(cluster),
    ...villages.filter((v) => v.location && !inStart.has(v.code)).map((v) => cluster([v])),
  ];
  // Complete linkage: the largest distance between two clusters' villages, kept up to date on every merge.
  const far = clusters.map((a) =>
    clusters.map((b) =>
      Math.max(0, ...a!.members.flatMap((x) => b!.members.map((y) => distanceKm(x.location!, y.location!)))),
    ),
  );
  const broken = (a: Cluster, b: Cluster, spread: number): MergeLimit[] => {
    const size = a.members.length + b.members.length;
    const checks: Array<[boolean, MergeLimit]> = [
      [spread > limits.maxSpreadKm, "MAX_SPREAD_KM"],
      [size > limits.maxGroupSize, "MAX_GROUP_SIZE"],
      [limits.requireStrongVillage && !a.strong && !b.strong, "STRONG_VILLAGE"],
      [a.households + b.households < limits.minHouseholds, "MIN_HOUSEHOLDS"],
      [size < limits.minGroupSize, "MIN_GROUP_SIZE"],
    ];
    return checks.filter(([fails]) => fails).map(([, code]) => code);
  };
  let count = villagesAfter(villages.length, start);
  // Of the merges refused in the last round: the closest, and the closest refused by one rule alone, by rule.
  type Refused = { a: Cluster; b: Cluster; spread: number; codes: MergeLimit[] };
  let closestBlocked: Refused | null = null;
  let onlyBy = new Map<MergeLimit, Refused>();
  while (count > target) {
    let best: { i: number; j: number; score: number } | null = null;
    closestBlocked = null;
    onlyBy = new Map();
    for (let i = 0; i < clusters.length; i += 1) {
      const a = clusters[i];
      if (!a) continue;
      for (let j = i + 1; j < clusters.length; j += 1) {
        const b = clusters[j];
        if (!b) continue;
        const spread = Math.max(a.spread, b.spread, far[i]![j]!);
        const codes = broken(a, b, spread);
        if (codes.length) {
          const refused = { a, b, spread, codes };
          if (!closestBlocked || spread < closestBlocked.spread) closestBlocked = refused;
          const only = codes.length === 1 ? onlyBy.get(codes[0]!) : undefined;
          if (codes.length === 1 && (!only || spread < only.spread)) onlyBy.set(codes[0]!, refused);
          continue;
        }
        const shares = [...a.industries].some((industry) => b.industries.has(industry));
        const score = spread - (shares ? 2 : 0);
        // Ties go to the earlier pair: clusters keep their order, so the result is deterministic.
        if (!best || score < best.score) best = { i, j, score };
      }
    }
    if (!best) break;
    const { i, j } = best;
    clusters[i] = cluster([...clusters[i]!.members, ...clusters[j]!.members]);
    clusters[j] = null;
    for (let k = 0; k < clusters.length; k += 1) far[i]![k] = far[k]![i] = Math.max(far[i]![k]!, far[j]![k]!);
    count -= 1;
  }
  const groups = clusters
    .filter((c): c is Cluster => c !== null && c.members.length > 1)
    .map((c) => c.members.sort(byCode));
  if (count <= target) return { groups, blocked: null };
  if (!closestBlocked) {
    const unlocated = villages.filter((v) => !v.location).length;
    return { groups, blocked: { codes: ["NO_LOCATION"], block: { by: "NO_LOCATION", unlocated } } };
  }
  const names = (c: Cluster) => c.members.map((v) => v.name ?? v.code);
  const refused = ({ a, b, spread, codes }: Refused): RefusedMerge => ({
    sides: [names(a), names(b)],
    codes,
    spreadKm: spread,
    villages: a.members.length + b.members.length,
    households: a.households + b.households,
  });
  // The rules that alone refuse a merge are the ones to relax; when every merge breaks several, the closest says which.
  if (onlyBy.size) {
    const rules = [...onlyBy.keys()].sort((x, y) => MERGE_LIMITS.indexOf(x) - MERGE_LIMITS.indexOf(y));
    const merges = rules.map((code) => refused(onlyBy.get(code)!));
    return { groups, blocked: { codes: rules, block: { by: "ONE_RULE_EACH", limits, merges } } };
  }
  return {
    groups,
    blocked: {
      codes: closestBlocked.codes,
      block: { by: "CLOSEST_MERGE", limits, merge: refused(closestBlocked) },
    },
  };
}

/**
 * The town's villages grouped toward `target` villages after merging: the default grouping
 * (`limits`), merged further within `stretched` when it leaves more than the target, or, when
 * it leaves fewer, the agglomeration from single villages if that comes closer.
 */
export function groupTowardTarget(
  villages: PlanningVillage[],
  limits: SuggestionLimits,
  stretched: SuggestionLimits,
  rules: RuleThresholds,
  target: number,
): { groups: PlanningVillage[][]; leftAlone: LeftAlone[]; target: TargetOutcome } {
  const base = groupVillages(villages, limits, rules);
  const baseCount = villagesAfter(villages.length, base.groups);
  let result: ReturnType<typeof agglomerate> = { groups: base.groups, blocked: null };
  if (baseCount > target) {
    result = agglomerate(villages, base.groups, stretched, rules, target);
  } else if (baseCount < target) {
    const fresh = agglomerate(villages, [], stretched, rules, target);
    if (villagesAfter(villages.length, fresh.groups) - target < target - baseCount) result = fresh;
  }
  const reached = villagesAfter(villages.length, result.groups);
  const grouped = new Set(result.groups.flat().map((v) => v.code));
  const leftAlone = villages
    .filter((v) => !grouped.has(v.code))
    .sort(byCode)
    .map((v) => {
      const why = !v.location ? "NO_LOCATION" : reached <= target ? "NOT_NEEDED_FOR_TARGET" : "NO_MERGE_FITS";
      const values = { ...stretched, target, limitedBy: result.blocked?.codes ?? [] };
      return { code: v.code, name: v.name, reason: leftAloneReason(why, values) };
    });
  // Short of the target: blocked on the way down, or the default grouping already leaves fewer.
  const reasonLabel =
    reached === target ? null : targetShortfall(reached, reached < target ? null : result.blocked!.block);
  return {
    groups: result.groups,
    leftAlone,
    target: {
      targetVillages: target,
      villagesBefore: villages.length,
      reached,
      limitedBy: reached === target ? [] : (result.blocked?.codes ?? []),
      reason: reasonLabel?.en ?? null,
      reasonLabel,
    },
  };
}

/** A suggested group's name: its (first) strong village's, else its first village's, as a 新村. */
export function suggestedName(group: PlanningVillage[], rules: RuleThresholds): string {
  const lead = group.find((v) => isStrong(v, rules)) ?? group[0]!;
  return `${lead.name!.replace(/新?村$/, "")}新村`;
}
