/**
 * A region's coverage figures as one vector of counts (a tally), so that figures add up:
 * a report's region sums its subjects, and a kept region total is its own subjects plus its
 * children's totals (src/coverage/kept). Pure: facts and gaps in, counts out.
 *
 * COUNCIL_INACTIVE is not in the tally: a council serving several regions counts once in each
 * region any of them lies in, which no sum of children can tell. `councilCounts` counts it.
 */
import type { RuleThresholds } from "../config.js";
import { GAP_KINDS, type GapKindName } from "../domain/gap-kinds.js";
import {
  chainBreaks,
  classifyTwoNew,
  isWeakVillage,
  type Gap,
  type GridFacts,
  type TwoNewFacts,
  type VillageFacts,
} from "./coverage.rules.js";
import type { GapCount, TwoNewCoverage, VillageCoverage } from "./coverage.types.js";

const SUMMED_GAP_KINDS = GAP_KINDS.filter((kind) => kind !== "COUNCIL_INACTIVE");

export const TALLY_KEYS = [
  "twoNew.total",
  "twoNew.organizational",
  "twoNew.workOnly",
  "twoNew.none",
  "villages.total",
  "villages.withPartyOrg",
  "villages.chainComplete",
  "villages.secretaryIsDirector",
  "villages.secretaryIsCollectiveHead",
  "villages.weak",
  "villages.withPartyLedCooperative",
  // centralHouseholdReach is a ratio of sums: both sums add up like counts, the ratio is taken last.
  "villages.households",
  "grids.centralHouseholdHouseholds",
  ...SUMMED_GAP_KINDS.map((kind) => `gap.${kind}`),
] as const;
type TallyKey = (typeof TALLY_KEYS)[number];

export type Tally = number[];

const INDEX = new Map<string, number>(TALLY_KEYS.map((key, i) => [key, i]));
const at = (key: TallyKey) => INDEX.get(key)!;

export const emptyTally = (): Tally => TALLY_KEYS.map(() => 0);

export function addTally(into: Tally, from: readonly number[]): Tally {
  for (let i = 0; i < into.length; i += 1) into[i]! += from[i] ?? 0;
  return into;
}

/** What one subject adds to every region on its scope path. */
export class Tallies {
  readonly byRegion = new Map<string, Tally>();

  constructor(private readonly counts: (code: string) => boolean = () => true) {}

  private add(scope: readonly string[], keys: TallyKey[], amount = 1): void {
    for (const code of scope) {
      if (!this.counts(code)) continue;
      let tally = this.byRegion.get(code);
      if (!tally) this.byRegion.set(code, (tally = emptyTally()));
      for (const key of keys) tally[at(key)]! += amount;
    }
  }

  twoNew(facts: TwoNewFacts): void {
    const cls = classifyTwoNew(facts);
    this.add(facts.scope, [
      "twoNew.total",
      cls === "ORGANIZATIONAL" ? "twoNew.organizational" : cls === "WORK_ONLY" ? "twoNew.workOnly" : "twoNew.none",
    ]);
  }

  village(facts: VillageFacts, rules: RuleThresholds): void {
    const keys: TallyKey[] = ["villages.total"];
    if (facts.hasPartyOrg) keys.push("villages.withPartyOrg");
    if (chainBreaks(facts).length === 0) keys.push("villages.chainComplete");
    if (facts.hasPartyOrg && facts.secretaryIsDirector) keys.push("villages.secretaryIsDirector");
    if (facts.hasPartyOrg && facts.secretaryIsCollectiveHead) keys.push("villages.secretaryIsCollectiveHead");
    if (isWeakVillage(facts, rules)) keys.push("villages.weak");
    if (facts.hasPartyOrg && facts.leadsCooperative) keys.push("villages.withPartyLedCooperative");
    this.add(facts.scope, keys);
    if (facts.households) this.add(facts.scope, ["villages.households"], facts.households);
  }

  grid(facts: GridFacts): void {
    if (facts.centralHouseholdHouseholds)
      this.add(facts.scope, ["grids.centralHouseholdHouseholds"], facts.centralHouseholdHouseholds);
  }

  gap(gap: Gap): void {
    if (gap.kind !== "COUNCIL_INACTIVE") this.add(gap.scope, [`gap.${gap.kind}` as TallyKey]);
  }

  /** Every region the subjects touched, with zeros for those given that no subject reached. */
  ensure(codes: Iterable<string>): this {
    for (const code of codes) if (!this.byRegion.has(code)) this.byRegion.set(code, emptyTally());
    return this;
  }
}

/** For each region code, the inactive councils whose scope includes it. */
export function councilCounts(councilGaps: Array<Pick<Gap, "scope">>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const gap of councilGaps) for (const code of new Set(gap.scope)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/** The report's figures from a region's tally and its inactive councils. */
export function figures(
  tally: readonly number[],
  councilsInactive: number,
): { twoNew: TwoNewCoverage; villages: VillageCoverage; gapCounts: GapCount[] } {
  const v = (key: TallyKey) => tally[at(key)] ?? 0;
  const total = v("twoNew.total");
  const organizational = v("twoNew.organizational");
  const workOnly = v("twoNew.workOnly");
  return {
    twoNew: {
      total,
      organizational,
      workOnly,
      none: v("twoNew.none"),
      orgCoverageRate: total ? organizational / total : null,
      workCoverageRate: total ? (organizational + workOnly) / total : null,
    },
    villages: {
      total: v("villages.total"),
      withPartyOrg: v("villages.withPartyOrg"),
      chainComplete: v("villages.chainComplete"),
      secretaryIsDirector: v("villages.secretaryIsDirector"),
      secretaryIsCollectiveHead: v("villages.secretaryIsCollectiveHead"),
      weak: v("villages.weak"),
      withPartyLedCooperative: v("villages.withPartyLedCooperative"),
      centralHouseholdReach:
        v("villages.households") > 0 ? v("grids.centralHouseholdHouseholds") / v("villages.households") : null,
    },
    gapCounts: GAP_KINDS.map((kind: GapKindName) => ({
      kind,
      count: kind === "COUNCIL_INACTIVE" ? councilsInactive : v(`gap.${kind}` as TallyKey),
    })),
  };
}

/** Gaps of the given kinds in a tally (and its inactive councils). */
export function gapTotal(tally: readonly number[], councilsInactive: number, kinds: ReadonlySet<GapKindName>): number {
  return figures(tally, councilsInactive)
    .gapCounts.filter((c) => kinds.has(c.kind))
    .reduce((sum, c) => sum + c.count, 0);
}
