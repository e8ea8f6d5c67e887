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
 */
import type { RuleThresholds } from "../config.js";
import type { Label } from "../domain/labels.js";
import { LEFT_ALONE_REASONS, leftAloneReason } from "../domain/reasons.js";
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

/** The groups, each code-ordered, and the villages left alone, with reasons. */
export function groupVillages(
  villages: PlanningVillage[],
  limits: SuggestionLimits,
  rules: RuleThresholds,
): { groups: PlanningVillage[][]; leftAlone: LeftAlone[] } {
  const byCode = (a: PlanningVillage, b: PlanningVillage) => a.code.localeCompare(b.code);
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

/** A suggested group's name: its (first) strong village's, else its first village's, as a 新村. */
export function suggestedName(group: PlanningVillage[], rules: RuleThresholds): string {
  const lead = group.find((v) => isStrong(v, rules)) ?? group[0]!;
  return `${lead.name!.replace(/新?村$/, "")}新村`;
}
