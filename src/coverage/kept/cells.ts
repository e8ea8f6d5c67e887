/**
 * What the kept analytics store for one cell, computed from its facts (pure).
 *
 * A cell is the unit that is recomputed after a change: a village with every grid below it
 * (its rules read its grids), or any other region with only the subjects located right there.
 * Each subject's scope runs from its region up to the cell; `chainAbove` continues it up to
 * the top along ACTIVE regions, so the stored path says every region the subject counts in.
 */
import type { RuleThresholds } from "../../config.js";
import type { Facts, Family } from "../coverage.facts.js";
import {
  councilChangesOn,
  councilGaps,
  gridGaps,
  orgLifeChangesOn,
  orgLifeGaps,
  townGaps,
  twoNewGaps,
  villageChangesOn,
  villageGaps,
  type CouncilFacts,
  type Gap,
} from "../coverage.rules.js";
import { Tallies, type Tally } from "../coverage.tally.js";

/**
 * A village cell holds villages, grids and what is located or based in them; any other cell its
 * own two-new organizations and village Party organizations (their organizational life) and, for
 * a town, the town.
 */
export const VILLAGE_CELL: ReadonlySet<Family> = new Set(["twoNew", "villages", "grids", "orgLife"]);
export const OWN_CELL: ReadonlySet<Family> = new Set(["twoNew", "towns", "orgLife"]);
/** A rebuild reads every family but councils (kept on their own: they may serve several cells). */
export const ALL_CELLS: ReadonlySet<Family> = new Set([...VILLAGE_CELL, ...OWN_CELL]);
export interface CellFacts {
  cell: string;
  /** A village (or a grid under no village) with everything below it. */
  tree: boolean;
  /** Codes above the cell, bottom-up, along ACTIVE regions. */
  chainAbove: string[];
  facts: Facts;
}

export interface RegionRow {
  code: string;
  cell: string;
  path: string;
  tree: boolean;
  own: Tally | null;
  total: Tally | null;
  changesOn: string | null;
}

export interface GapRow {
  key: string;
  kind: string;
  subjectId: string;
  subjectName: string;
  subjectLabel: string;
  regionCode: string;
  villageCode: string | null;
  townCode: string | null;
  missingKinds: string[];
  /** The gap's reasonValues as JSON (Neo4j keeps no maps): the values, never the words. */
  reasonValues: string;
  path: string;
  cell: string;
}

export interface CouncilRow {
  id: string;
  changesOn: string | null;
  gap: boolean;
  key: string;
  subjectName: string;
  /** As GapRow's; null when the council is not inactive. */
  reasonValues: string | null;
  served: string[];
  /** Where each served region rolls up (parallel to served, '' for none): the first served in the region asked about places the gap. */
  villageCodes: string[];
  townCodes: string[];
  paths: string[];
  scope: string[];
}

export const gapKey = (gap: Pick<Gap, "kind" | "subjectId">): string => `${gap.kind}:${gap.subjectId}`;

/** "/top/…/region/": a region's place, so that "in R" is "starts with R's path". */
export const pathOf = (bottomUp: readonly string[]): string => `/${[...bottomUp].reverse().join("/")}/`;

/** Every gap of a cell's subjects but councils (kept on their own: they may serve several cells). */
export function cellGaps(facts: Facts, asOf: string, rules: RuleThresholds): Gap[] {
  return [
    ...facts.twoNew.flatMap((f) => twoNewGaps(f, rules)),
    ...facts.villages.flatMap((f) => villageGaps(f, asOf, rules)),
    ...facts.grids.flatMap(gridGaps),
    ...facts.towns.flatMap(townGaps),
    ...facts.orgLife.flatMap((f) => orgLifeGaps(f, asOf)),
  ];
}

export function computeCell(
  input: CellFacts,
  asOf: string,
  rules: RuleThresholds,
): { regions: RegionRow[]; gaps: GapRow[] } {
  const { cell, tree, chainAbove, facts } = input;
  // A tree cell keeps totals for each of its regions; any other cell only its own subjects, at itself.
  const tallies = new Tallies(tree ? () => true : (code) => code === cell).ensure([cell]);
  for (const f of facts.twoNew) tallies.twoNew(f);
  for (const f of facts.villages) tallies.village(f, rules);
  for (const f of facts.grids) tallies.grid(f);
  const gaps = cellGaps(facts, asOf, rules);
  for (const gap of gaps) tallies.gap(gap);

  const changes = [
    ...facts.villages.map((f) => villageChangesOn(f, asOf, rules)),
    ...facts.orgLife.map((f) => orgLifeChangesOn(f, asOf)),
  ]
    .filter((d): d is string => d !== null)
    .sort();
  // Each region's scope up to the cell; in a tree cell every region reached has a row, zeros included.
  const placeOf = new Map<string, string[]>([[cell, [cell]]]);
  for (const f of [...facts.twoNew, ...facts.villages, ...facts.grids, ...facts.towns, ...facts.orgLife]) {
    for (let i = 0; i < f.scope.length; i += 1)
      if (!placeOf.has(f.scope[i]!)) placeOf.set(f.scope[i]!, f.scope.slice(i));
  }
  if (tree) tallies.ensure(placeOf.keys());
  const regions = [...tallies.byRegion].map(([code, tally]): RegionRow => ({
    code,
    cell,
    path: pathOf([...placeOf.get(code)!, ...chainAbove]),
    tree,
    own: tree ? null : tally,
    total: tree ? tally : null,
    changesOn: code === cell ? (changes[0] ?? null) : null,
  }));
  return {
    regions,
    gaps: gaps.map((gap) => ({
      key: gapKey(gap),
      kind: gap.kind,
      subjectId: gap.subjectId,
      subjectName: gap.subjectName,
      subjectLabel: gap.subjectLabel,
      regionCode: gap.regionCode,
      villageCode: gap.villageCode,
      townCode: gap.townCode,
      missingKinds: gap.missingKinds,
      reasonValues: JSON.stringify(gap.reasonValues),
      path: pathOf([...gap.scope, ...chainAbove]),
      cell,
    })),
  };
}

export interface KeptCouncilFacts {
  id: string;
  name: string;
  kind: string;
  /** ACTIVE served regions by code, each with its chain (top-down codes) and where it rolls up. */
  served: string[];
  chains: string[][];
  villageCodes: string[];
  townCodes: string[];
  lastMeetingOn: string | null;
  upcomingMeetingOn: string | null;
}

/** A council as kept: served everywhere its chains reach, counted once in each region on them. */
export function computeCouncil(input: KeptCouncilFacts, asOf: string, rules: RuleThresholds): CouncilRow {
  const scope = [...new Set(input.chains.flat())];
  const facts: CouncilFacts = { ...input, scope };
  const [gap] = councilGaps(facts, asOf, rules);
  return {
    id: input.id,
    changesOn: councilChangesOn(facts, asOf, rules),
    gap: !!gap,
    key: gapKey({ kind: "COUNCIL_INACTIVE", subjectId: input.id }),
    subjectName: input.name,
    reasonValues: gap ? JSON.stringify(gap.reasonValues) : null,
    served: input.served,
    villageCodes: input.villageCodes,
    townCodes: input.townCodes,
    paths: input.chains.map((chain) => pathOf([...chain].reverse())),
    scope,
  };
}

/** The codes of the villages and grids among `regions`: the regions that form cells with those above them. */
export function treeCodes(regions: Array<{ code: string; level: string }>): ReadonlySet<string> {
  return new Set(regions.filter((r) => r.level === "VILLAGE" || r.level === "GRID").map((r) => r.code));
}

/**
 * Splits the facts of a whole tree (scopes up to its top) into cells: a subject belongs to the
 * topmost village or grid of the unbroken run of villages and grids above it (`tree`, from
 * treeCodes: built once per tree, not per part), else to its own region.
 */
export function partition(facts: Facts, tree: ReadonlySet<string>): CellFacts[] {
  const cells = new Map<string, CellFacts>();
  const place = <T extends { scope: string[] }>(family: keyof Facts, subject: T) => {
    let top = 0;
    if (tree.has(subject.scope[0]!))
      while (top + 1 < subject.scope.length && tree.has(subject.scope[top + 1]!)) top += 1;
    const code = subject.scope[top]!;
    let cell = cells.get(code);
    if (!cell) {
      cell = {
        cell: code,
        tree: tree.has(code),
        chainAbove: subject.scope.slice(top + 1),
        facts: { twoNew: [], villages: [], grids: [], towns: [], councils: [], orgLife: [] },
      };
      cells.set(code, cell);
    }
    (cell.facts[family] as unknown as T[]).push({ ...subject, scope: subject.scope.slice(0, top + 1) });
  };
  for (const f of facts.twoNew) place("twoNew", f);
  for (const f of facts.villages) place("villages", f);
  for (const f of facts.grids) place("grids", f);
  for (const f of facts.towns) place("towns", f);
  for (const f of facts.orgLife) place("orgLife", f);
  return [...cells.values()];
}
