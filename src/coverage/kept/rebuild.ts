/**
 * A rebuild: everything kept, computed from scratch and written anew. It is claimed under the
 * lock (one at a time, in any process; meanwhile readers compute from scratch), computed town by
 * town in read transactions of their own and written in batches (a city fits neither one read
 * nor one write transaction's time limit), then finished under the lock, which drops the changes
 * it read past. A first start, other rules, a clock that went back, an unreadable change, and
 * more waiting changes than a rebuild costs all end in one.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { randomUUID } from "node:crypto";
import type { RuleThresholds } from "../../config.js";
import { readFacts } from "../coverage.facts.js";
import { addTally, emptyTally } from "../coverage.tally.js";
import type { TransactionRun } from "../../database/graph.js";
import { neo4jDate } from "../../domain/dates.js";
import {
  ALL_CELLS,
  computeCell,
  computeCouncil,
  partition,
  treeCodes,
  pathOf,
  type CouncilRow,
  type GapRow,
  type KeptCouncilFacts,
  type RegionRow,
} from "./cells.js";
import { STATE, WRITE_BATCH, inBatches, inSession, withDate, type Reader } from "./transactions.js";

/** Levels whose subtree is too big to read in one transaction when everything is recomputed. */
const WIDE_LEVELS: ReadonlySet<string> = new Set(["PROVINCE", "CITY", "DISTRICT"]);

export interface MaintenanceReport {
  rebuilt: boolean;
  changes: number;
  cells: number;
  councils: number;
}

/**
 * Everything that should be kept, computed from scratch. Facts are read per town (or per top
 * region when there is none), each in a read transaction of its own: a district's, a city's or
 * a province's facts do not fit in one transaction's time limit on a busy machine.
 */
export async function computeAll(
  read: Reader,
  rules: RuleThresholds,
  day: string,
): Promise<{ regions: RegionRow[]; gaps: GapRow[]; councils: CouncilRow[] }> {
  const [{ codes: tops }] = (await read((run) => run<{ codes: string[] }>("analytics/tops"))) as [{ codes: string[] }];
  const rows = new Map<string, RegionRow>();
  const gaps: GapRow[] = [];
  const parents = new Map<string, string | null>();
  for (const top of tops) {
    const regions = await read((run) =>
      run<{ code: string; level: string; scope: string[] }>("coverage/scope-regions", {
        regionCode: top,
        maxDepth: null,
      }),
    );
    for (const r of regions) parents.set(r.code, r.scope[1] ?? null);
    // Provinces, cities and districts are read by their own subjects only; everything below them
    // by unit, a town at a time: a big district's villages do not fit one busy transaction.
    const wide = (r: { level: string }) => WIDE_LEVELS.has(r.level);
    const wideCodes = new Set(regions.filter(wide).map((r) => r.code));
    const tree = treeCodes(regions);
    const parts = regions.filter(
      (r) => wide(r) || (!wideCodes.has(r.code) && (r.scope.length === 1 || wideCodes.has(r.scope[1]!))),
    );
    for (const part of parts) {
      // Each statement in a transaction of its own, too.
      const each: TransactionRun = (name, params) => read((run) => run(name, params));
      const facts = await readFacts(each, rules, {
        regionCode: part.code,
        asOf: day,
        families: ALL_CELLS,
        exact: wide(part),
      });
      const above = part.scope.slice(1);
      for (const list of [facts.twoNew, facts.villages, facts.grids, facts.towns, facts.orgLife])
        for (const f of list) f.scope = [...f.scope, ...above];
      for (const cell of partition(facts, tree)) {
        const computed = computeCell(cell, day, rules);
        for (const row of computed.regions) rows.set(row.code, row);
        gaps.push(...computed.gaps);
      }
    }
  }
  // Every ACTIVE region has a row; totals above the villages are own + children, deepest first.
  for (const code of parents.keys()) {
    if (rows.has(code)) continue;
    const chain: string[] = [];
    for (let c: string | null | undefined = code; c; c = parents.get(c)) chain.push(c);
    rows.set(code, {
      code,
      cell: code,
      path: pathOf(chain),
      tree: false,
      own: emptyTally(),
      total: null,
      changesOn: null,
    });
  }
  const children = new Map<string, RegionRow[]>();
  for (const row of rows.values()) {
    const parent = parents.get(row.code);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const depthOf = (row: RegionRow) => row.path.split("/").length;
  for (const row of [...rows.values()].filter((r) => !r.tree).sort((a, b) => depthOf(b) - depthOf(a))) {
    row.total = (children.get(row.code) ?? []).reduce(
      (sum, child) => addTally(sum, child.total ?? []),
      addTally(emptyTally(), row.own ?? []),
    );
  }
  const [{ ids }] = (await read((run) => run<{ ids: string[] }>("analytics/all-councils"))) as [{ ids: string[] }];
  const councilFacts = ids.length
    ? await read((run) => run<KeptCouncilFacts>("analytics/council-facts", { ids, asOf: neo4jDate(day) }))
    : [];
  return { regions: [...rows.values()], gaps, councils: councilFacts.map((f) => computeCouncil(f, day, rules)) };
}

/**
 * Recomputes everything kept from scratch: claimed under the lock, computed in one read
 * transaction, written in batches, finished under the lock. Null when another process holds
 * a live claim.
 */
export async function rebuildAll(
  driver: Driver,
  rules: RuleThresholds,
  version: string,
  day: string,
): Promise<MaintenanceReport | null> {
  const [claim] = await inSession(driver, "WRITE", async (run) => {
    await run("analytics/lock", STATE);
    return run<{ claimed: boolean; changeIds: string[] }>("analytics/claim-rebuild", STATE);
  });
  if (!claim!.claimed) return null;
  try {
    const { regions, gaps, councils } = await computeAll((work) => inSession(driver, "READ", work), rules, day);
    const write = (name: string, params: Record<string, unknown>) =>
      inSession(driver, "WRITE", (run) => run<{ deleted: number }>(name, params));
    while ((await write("analytics/clear-all", { limit: neo4j.int(WRITE_BATCH) }))[0]!.deleted > 0);
    const stamp = randomUUID();
    await inBatches(regions, (batch) => write("analytics/write-regions", { rows: batch.map(withDate), stamp }));
    await inBatches(gaps, (batch) => write("analytics/write-gaps", { rows: batch }));
    await write("analytics/write-councils", { ids: [], rows: councils.map(withDate) });
    await inSession(driver, "WRITE", async (run) => {
      await run("analytics/lock", STATE);
      await run("analytics/finish-rebuild", {
        changeIds: claim!.changeIds,
        day: neo4jDate(day),
        version,
        stamp,
      });
    });
    return { rebuilt: true, changes: claim!.changeIds.length, cells: regions.length, councils: councils.length };
  } catch (error) {
    await inSession(driver, "WRITE", (run) => run("analytics/abandon-rebuild")).catch(() => undefined);
    throw error;
  }
}
