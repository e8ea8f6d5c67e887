/**
 * Kept coverage answers, current after every committed write and fast at city scale.
 *
 * Contract:
 * - What is kept lives in the graph (labels Analytics*), never in a process: any number of API
 *   processes over one Neo4j read the same answers, and memory does not grow with the regions.
 * - Every committed transaction, from any client, leaves an (:AnalyticsChange) naming what it
 *   touched (scripts/neo4j/ChangeFeed.java, a kernel extension). `current()` applies waiting
 *   changes before an answer is read: it recomputes the cells the change reached (a village
 *   with its grids, or one region's own subjects), then each region total on their paths as
 *   its own figures plus its children's totals. The work follows what was written, not the city.
 * - The kept answers are as of one day. On a later day the cells and councils whose answer can
 *   change by date alone (a recruit leaving the window, a council passing 90 days, an
 *   organizational-life event leaving its window, a first secretary's or work team's term
 *   starting or ending) are recomputed, nothing else.
 * - One process at a time maintains (a write lock on the state node); readers never wait
 *   for each other.
 * - The version names the thresholds and the tally's layout: a process with other rules
 *   rebuilds everything (`rebuild`), as do a first start, a clock that went back, an unreadable
 *   change, and more waiting changes than a rebuild costs. A rebuild reads everything in one
 *   read transaction and writes in batches of their own (a city does not fit in one write
 *   transaction's time limit); meanwhile `current()` says the kept answers cannot serve, and
 *   the API computes from scratch.
 */
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { createHash, randomUUID } from "node:crypto";
import type { RuleThresholds } from "../../config.js";
import { readFacts, type Facts, type Family } from "../coverage.facts.js";
import { placedIn, type Gap, type GapFilter } from "../coverage.rules.js";
import { TALLY_KEYS, addTally, councilCounts, emptyTally, figures, gapTotal, type Tally } from "../coverage.tally.js";
import type { CoverageReport, RegionRef } from "../coverage.types.js";
import { cypher, toPlain } from "../../database/cypher.js";
import type { Graph, Row, TransactionRun } from "../../database/graph.js";
import type { GapKindName } from "../../domain/gap-kinds.js";
import type { GapReasonValuesOfAnyKind } from "../../domain/reasons.js";
import { neo4jDate, today } from "../../domain/dates.js";
import {
  computeCell,
  computeCouncil,
  gapKey,
  pathOf,
  type CellFacts,
  type CouncilRow,
  type GapRow,
  type KeptCouncilFacts,
  type RegionRow,
} from "./cells.js";

/** Bumped whenever what is kept changes shape or meaning. */
const LAYOUT = 4; // 2: regions carry a stamp; 3: the December 2026 additions, gaps placed by village and town; 4: reasons kept as values
/** Changes waiting beyond this many touched nodes cost more to apply one by one than a rebuild. */
const REBUILD_ABOVE_TOUCHED = 20_000;
const CHANGES_PER_CATCH_UP = 2_000;
const WRITE_BATCH = 5_000;
const CELLS_READ_TOGETHER = 16;
/** Catch-up steps kept for refreshing remembered networks; one older than these is rebuilt. */
const KEPT_STEPS = neo4j.int(1_000);
/** A rebuild claimed longer ago than this is taken as abandoned (its process died). */
const REBUILD_STALE_SECONDS = 600;
const STATE = { staleSeconds: neo4j.int(REBUILD_STALE_SECONDS), limit: neo4j.int(CHANGES_PER_CATCH_UP) };
/** Sets of waiting changes whose reach a process remembers, and regions per set. */
const REMEMBERED_SETS = 4;
const REMEMBERED_REGIONS_PER_SET = 1_000;
/**
 * A village cell holds villages, grids and what is located or based in them; any other cell its
 * own two-new organizations and village Party organizations (their organizational life) and, for
 * a town, the town.
 */
const VILLAGE_CELL: ReadonlySet<Family> = new Set(["twoNew", "villages", "grids", "orgLife"]);
const OWN_CELL: ReadonlySet<Family> = new Set(["twoNew", "towns", "orgLife"]);
/** A rebuild reads every family but councils (kept on their own: they may serve several cells). */
const ALL_CELLS: ReadonlySet<Family> = new Set([...VILLAGE_CELL, ...OWN_CELL]);
/** Levels whose subtree is too big to read in one transaction when everything is recomputed. */
const WIDE_LEVELS: ReadonlySet<string> = new Set(["PROVINCE", "CITY", "DISTRICT"]);

interface State {
  day: string | null;
  version: string | null;
  rebuilding: boolean;
  /** Keys of the waiting changes (analytics/state), at most CHANGES_PER_CATCH_UP. */
  waiting: string[];
  region: KeptRegion | null;
}

/** The state under the lock (analytics/lock). */
interface LockedState extends Omit<State, "waiting"> {
  pending: boolean;
}

/** What catch-ups touched of the pairing networks (analytics/network-entities). */
export interface NetworkChanges {
  /** Ids of the pairings, councils and units touched. */
  entities: string[];
  /** Whether a region or a Party organization was touched: the village organizations a network leaves out are counted again. */
  recount: boolean;
}

/** A committed transaction's record in the change feed (scripts/neo4j/ChangeFeed.java). */
interface Change {
  key: string;
  touched: string[];
  moved: string[];
  deletedRegions: string[];
  rebuild: boolean;
}

/** What changes reach: cells of `regions`, every cell below `subtrees`, `councils`, regions gone. */
interface Reach {
  touched: string[];
  moved: string[];
  regions: string[];
  subtrees: string[];
  councils: string[];
  deletedRegions: string[];
}

interface CellInfo {
  code: string;
  tree: boolean;
  cell: string;
  chain: string[];
}

/** What a catch-up recomputes, as far as the graph alone says (CoverageStore.planOf). */
interface Plan {
  reach: Reach;
  /** What the networks show of the touched nodes (analytics/network-entities). */
  entities: string[];
  recount: boolean;
  /** Regions whose cells are recomputed (with those kept for them), and their cells. */
  regions: string[];
  cells: CellInfo[];
  /** Councils whose answers are recomputed. */
  councils: string[];
}

export interface MaintenanceReport {
  rebuilt: boolean;
  changes: number;
  cells: number;
  councils: number;
}

const empty = <T>(): T[] => [];

/** Runs `work` in a read transaction of its own. */
type Reader = <T>(work: (run: TransactionRun) => Promise<T>) => Promise<T>;

/** A gap as lists show it (its place is the kept path, not a scope). */
export type ListedGap = Omit<Gap, "scope">;

/** A page of kept gaps in key order, and whether one lies before it. */
/** What is kept of a region itself: its place in the tree (a code path), its totals and its stamp. */
export interface KeptRegion {
  path: string;
  total: Tally;
  stamp: string;
}

export interface GapSlice {
  gaps: ListedGap[];
  total: number;
  hasMore: boolean;
  hasBefore: boolean;
}

interface CouncilGapRow {
  key: string;
  subjectId: string;
  subjectName: string;
  reasonValues: string;
  served: string[];
  villageCodes: string[];
  townCodes: string[];
  paths: string[];
  scope: string[];
}

/** Regions holding more gaps than this are paged along the key index rather than by path. */
const KEY_ORDER_ABOVE_GAPS = 2_000;

function runner(tx: ManagedTransaction): TransactionRun {
  return async <R = Row>(name: string, params: Record<string, unknown> = {}) => {
    const started = Date.now();
    const result = await tx.run(cypher(name), params);
    if (process.env.ANALYTICS_TRACE) console.log(`${name} ${Date.now() - started} ms`);
    return result.records.map((record) => toPlain(record.toObject()) as R);
  };
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_BATCH) await write(rows.slice(i, i + WRITE_BATCH));
}

export class CoverageStore {
  readonly version: string;
  private running: Promise<boolean> | null = null;
  private waiting: Promise<boolean> | null = null;
  /** What the latest sets of waiting changes reach, by their keys (see WaitingReach). */
  private readonly waitingReaches = new Map<string, WaitingReach>();

  /** `log` hears what no caller awaits: a catch-up begun in the background that failed. */
  constructor(
    private readonly driver: Driver,
    private readonly rules: RuleThresholds,
    private readonly log: (line: string) => void = console.error,
  ) {
    this.version = createHash("sha256")
      .update(JSON.stringify({ LAYOUT, rules, TALLY_KEYS }))
      .digest("hex")
      .slice(0, 16);
  }

  /**
   * Brings what is kept up to date with every committed change and with today; cheap when it is.
   * False while a rebuild (here or in another process) leaves nothing complete to read.
   */
  async current(day = today()): Promise<boolean> {
    return (await this.currentFor(null, day, null)) !== null;
  }

  /**
   * Brings what is kept up to date for a region (every waiting change that reaches it applied;
   * the others meanwhile, in the background) and reads its kept row, through `graph` when given
   * (so that a request counts the statement). Null while a rebuild leaves nothing complete to
   * read; `region` null when nothing is kept for it.
   */
  async currentFor(
    graph: Graph | null,
    day: string,
    regionCode: string | null,
  ): Promise<{ region: KeptRegion | null } | null> {
    const params = { ...STATE, regionCode };
    const [state] = graph
      ? await graph.read<State>("analytics/state", params)
      : ((
          await this.driver.executeQuery(cypher("analytics/state"), params, { routing: neo4j.routing.READ })
        ).records.map((record) => toPlain(record.toObject())) as State[]);
    if (state!.rebuilding) return null;
    const ofTheDay = state!.version === this.version && state!.day === day;
    if (ofTheDay && state!.waiting.length === 0) return { region: state!.region };
    // The catch-up starts at once: a reader the changes reach waits for it alone, not for the check first.
    const caughtUp = this.catchUp(day);
    if (ofTheDay && regionCode !== null && (await this.unreached(regionCode, state!.waiting))) {
      // Changes elsewhere are applied meanwhile, so that the feed stays short; should that
      // fail, the next reader those changes reach applies them (and sees the error).
      caughtUp.catch((error: unknown) =>
        this.log(`Analytics: a catch-up in the background failed: ${(error as Error).message}`),
      );
      return { region: state!.region };
    }
    if (!(await caughtUp)) return null;
    return { region: regionCode === null ? null : await this.region(graph, regionCode) };
  }

  /**
   * Whether none of the `waiting` changes reaches the region's kept answers (its figures, gaps,
   * councils and what its networks show): then they are current for it, and a reader of one town
   * does not wait for the city's writes to be applied.
   */
  private async unreached(regionCode: string, waiting: string[]): Promise<boolean> {
    if (waiting.length >= CHANGES_PER_CATCH_UP) return false;
    const known = this.reachOfWaiting(keyOf(waiting));
    const { reach } = await known.read;
    if (!reach) return false;
    let reached = known.reached.get(regionCode);
    if (!reached) {
      reached = this.session("READ", (run) =>
        run<{ reached: boolean }>("analytics/reaches", {
          regionCode,
          regions: [...reach.regions, ...reach.deletedRegions],
          subtrees: reach.subtrees,
        }),
      ).then(([row]) => row!.reached);
      if (known.reached.size < REMEMBERED_REGIONS_PER_SET) {
        known.reached.set(regionCode, reached);
        reached.catch(() => known.reached.delete(regionCode));
      }
    }
    return !(await reached);
  }

  /**
   * The reach of the waiting changes whose keys are `key`, worked out once by this process, and
   * then in the same transaction the plan of their catch-up, for the catch-up that takes them.
   */
  private reachOfWaiting(key: string): WaitingReach {
    const remembered = this.waitingReaches.get(key);
    if (remembered) return remembered;
    let reached!: (read: { key: string; reach: Reach | null }) => void;
    const read = new Promise<{ key: string; reach: Reach | null }>((resolve) => (reached = resolve));
    const plan = this.session("READ", async (run) => {
      const changes = await run<Change>("analytics/waiting-changes", { limit: neo4j.int(CHANGES_PER_CATCH_UP) });
      const changesKey = keyOf(changes.map((c) => c.key));
      const reach = changes.length < CHANGES_PER_CATCH_UP ? await this.reachOf(run, changes) : null;
      reached({ key: changesKey, reach });
      return { key: changesKey, plan: reach && (await this.planOf(run, reach)) };
    });
    const known: WaitingReach = { read: Promise.race([read, plan.then(() => read)]), plan, reached: new Map() };
    plan.catch(() => this.waitingReaches.delete(key));
    this.waitingReaches.set(key, known);
    for (const old of this.waitingReaches.keys()) {
      if (this.waitingReaches.size <= REMEMBERED_SETS) break;
      this.waitingReaches.delete(old);
    }
    return known;
  }

  /**
   * The plan of exactly these changes' catch-up when a reader of this process works it out (or
   * has): the graph is as it was then, since every write would have left a change of its own.
   */
  private async knownPlan(changes: Change[]): Promise<Plan | undefined> {
    const key = keyOf(changes.map((c) => c.key));
    const known = await this.waitingReaches.get(key)?.plan.catch(() => undefined);
    return (known?.key === key && known.plan) || undefined;
  }

  /** The changes' reach and plan, or null when only a rebuild will do. */
  private async planFor(run: TransactionRun, changes: Change[]): Promise<Plan | null> {
    const reach = await this.reachOf(run, changes);
    return reach && this.planOf(run, reach);
  }

  /**
   * What a catch-up of changes that reach `reach` recomputes, as far as the graph alone says (not
   * what is kept): the regions whose cells, and the councils whose answers, are recomputed, and
   * what the networks show of them. Statements that do not wait for each other go out together.
   */
  private async planOf(run: TransactionRun, reach: Reach): Promise<Plan> {
    const [[{ entities, recount }], below] = (await Promise.all([
      run<NetworkChanges>("analytics/network-entities", { touched: reach.touched }),
      reach.subtrees.length
        ? run<{ codes: string[] }>("analytics/subtree", { codes: reach.subtrees }).then(([row]) => row!.codes)
        : empty<string>(),
    ])) as [[NetworkChanges], string[]];
    const regions = [...new Set([...reach.regions, ...below, ...reach.deletedRegions])];
    const [serving, cells] = await Promise.all([
      below.length
        ? run<{ councils: string[] }>("analytics/councils-serving", { codes: below }).then(([row]) => row!.councils)
        : empty<string>(),
      this.cellsOf(run, regions),
    ]);
    return { reach, entities, recount, regions, cells, councils: [...new Set([...reach.councils, ...serving])] };
  }

  /** What changes reach, in the analytics' terms (analytics/affected); null when only a rebuild will do. */
  private async reachOf(run: TransactionRun, changes: Change[]): Promise<Reach | null> {
    const touched = new Set(changes.flatMap((c) => c.touched));
    if (changes.some((c) => c.rebuild) || touched.size > REBUILD_ABOVE_TOUCHED) return null;
    const moved = [...new Set(changes.flatMap((c) => c.moved))];
    const [affected] = await run<Pick<Reach, "regions" | "subtrees" | "councils">>("analytics/affected", {
      touched: [...touched],
      moved,
    });
    return {
      ...affected!,
      touched: [...touched],
      moved,
      deletedRegions: [...new Set(changes.flatMap((c) => c.deletedRegions))],
    };
  }

  /**
   * Readers of one process share catch-ups: at most one runs and one waits. A reader arriving
   * while one runs joins the waiting one, which starts after it and so takes every change
   * committed before the reader arrived; under steady writes a process catches up in turns
   * instead of once per reader.
   */
  private catchUp(day: string): Promise<boolean> {
    if (!this.running) {
      this.running = this.maintainOrRebuild(day).finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.waiting ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.waiting = null;
        return this.catchUp(day);
      });
    return this.waiting;
  }

  private async maintainOrRebuild(day: string): Promise<boolean> {
    if ((await this.maintain(day)) === "current") return true;
    return (await this.rebuild(day)) !== null;
  }

  private async session<T>(mode: "READ" | "WRITE", work: (run: TransactionRun) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session[mode] });
    try {
      return await (mode === "READ"
        ? session.executeRead((tx) => work(runner(tx)))
        : session.executeWrite((tx) => work(runner(tx))));
    } finally {
      await session.close();
    }
  }

  /** A region's report from what is kept: its tree read down to `depth`, councils counted per region. */
  async report(
    graph: Graph,
    root: RegionRef,
    kept: KeptRegion,
    asOf: string,
    depth: number,
  ): Promise<CoverageReport | null> {
    const [regions, councils] = await Promise.all([
      graph.read<RegionRef & { scope: string[]; total: Tally | null }>("analytics/report-tree", {
        regionCode: root.code,
        depth: neo4j.int(depth),
      }),
      this.councilGaps(graph, kept.path, null, null),
    ]);
    const inactive = councilCounts(councils);
    const reports = new Map<string, CoverageReport>();
    for (const region of [...regions].sort((a, b) => a.scope.length - b.scope.length || a.code.localeCompare(b.code))) {
      const report: CoverageReport = {
        region: { code: region.code, name: region.name, level: region.level },
        asOf,
        ...figures(region.total ?? emptyTally(), inactive.get(region.code) ?? 0),
        children: [],
      };
      reports.set(region.code, report);
      reports.get(region.scope[1]!)?.children.push(report);
    }
    return reports.get(root.code) ?? null;
  }

  private async councilGaps(
    graph: Graph,
    prefix: string,
    after: string | null,
    limit: number | null,
    filter: GapFilter = {},
  ): Promise<Array<ListedGap & { scope: string[] }>> {
    const rows = await graph.read<CouncilGapRow>("analytics/council-gaps", {
      prefix,
      after,
      limit: neo4j.int(limit ?? Number.MAX_SAFE_INTEGER),
    });
    const gaps = rows.map((row) => {
      // The first region it serves, by code, in the region asked about, places it.
      const first = row.paths.findIndex((path) => path.startsWith(prefix));
      return {
        kind: "COUNCIL_INACTIVE" as const,
        subjectId: row.subjectId,
        subjectName: row.subjectName,
        subjectLabel: "JointCouncil" as const,
        regionCode: row.served[first]!,
        villageCode: row.villageCodes[first] || null,
        townCode: row.townCodes[first] || null,
        missingKinds: [],
        reasonValues: JSON.parse(row.reasonValues) as GapReasonValuesOfAnyKind,
        scope: row.scope,
      };
    });
    return gaps.filter((gap) => placedIn(gap, filter));
  }

  /**
   * Kept gaps of `kinds` in a region after the key `after`, at most `limit` (all when null), in key
   * order; with a filter, only those placed in that village or town.
   */
  async gaps(
    graph: Graph,
    kept: KeptRegion,
    kinds: ReadonlySet<GapKindName>,
    filter: GapFilter,
    after: string | null,
    limit: number | null,
  ): Promise<GapSlice | null> {
    const filtered = !!(filter.villageCode || filter.townCode);
    const councilsWanted = kinds.has("COUNCIL_INACTIVE");
    // A filtered page cannot take the council page from the query's limit: the filter applies after it.
    const [allCouncils, councilPage] = await Promise.all([
      councilsWanted ? this.councilGaps(graph, kept.path, null, null, filter) : Promise.resolve([]),
      councilsWanted && limit !== null && !filtered
        ? this.councilGaps(graph, kept.path, after, limit + 1)
        : Promise.resolve(null),
    ]);
    const params = {
      prefix: kept.path,
      kinds: [...kinds],
      after: after ?? "",
      limit: neo4j.int(limit === null ? Number.MAX_SAFE_INTEGER : limit + 1),
      villageCode: filter.villageCode || null,
      townCode: filter.townCode || null,
    };
    // A village's or a town's gaps are few: read through its code's index, counted as they are read.
    const [placed] = filtered
      ? await graph.read<{ total: number; before: boolean }>("analytics/gaps-placed-count", params)
      : [];
    const total = placed ? placed.total + allCouncils.length : gapTotal(kept.total, allCouncils.length, kinds);
    const file = placed
      ? "analytics/gaps-placed"
      : limit !== null && total > KEY_ORDER_ABOVE_GAPS
        ? "analytics/gaps-by-key"
        : "analytics/gaps-by-path";
    const [rows, [beforeRow]] = await Promise.all([
      graph.read<{ gap: Omit<ListedGap, "reasonValues"> & { reasonValues: string } }>(file, params),
      placed
        ? Promise.resolve([
            { before: placed.before || (after !== null && allCouncils.some((c) => gapKey(c) <= after)) },
          ])
        : after === null
          ? Promise.resolve([{ before: false }])
          : graph.read<{ before: boolean }>("analytics/gaps-before", params),
    ]);
    const councils = (councilPage ?? allCouncils.filter((c) => after === null || gapKey(c) > after)).map(
      ({ scope: _, ...gap }) => gap,
    );
    const listed = rows.map(({ gap }) => ({
      ...gap,
      reasonValues: JSON.parse(gap.reasonValues) as GapReasonValuesOfAnyKind,
    }));
    const merged = [...listed, ...councils].sort((a, b) => (gapKey(a) < gapKey(b) ? -1 : 1));
    const page = limit === null ? merged : merged.slice(0, limit);
    return {
      gaps: page.map(
        ({
          kind,
          subjectId,
          subjectName,
          subjectLabel,
          regionCode,
          villageCode,
          townCode,
          missingKinds,
          reasonValues,
        }) => ({
          kind,
          subjectId,
          subjectName,
          subjectLabel,
          regionCode,
          villageCode: villageCode ?? null,
          townCode: townCode ?? null,
          missingKinds: missingKinds ?? [],
          reasonValues,
        }),
      ),
      total,
      hasMore: limit !== null && merged.length > limit,
      hasBefore: beforeRow!.before,
    };
  }

  /**
   * A region's kept place, totals and stamp; null when nothing is kept for it. The stamp changes
   * whenever anything at or below the region is recomputed, which includes every write a network
   * of the region shows (see analytics/affected).
   */
  private async region(graph: Graph | null, regionCode: string): Promise<KeptRegion | null> {
    const [kept] = graph
      ? await graph.read<KeptRegion>("analytics/region", { regionCode })
      : await this.session("READ", (run) => run<KeptRegion>("analytics/region", { regionCode }));
    return kept ?? null;
  }

  /**
   * What the catch-ups after stamp `from` up to stamp `to` touched of the networks (ids of
   * pairings, councils and their units, and whether to recount what networks leave out); null when that record is not whole (a step pruned, a
   * rebuild, a region that moved or went), so a network must be read anew.
   */
  async networkChanges(graph: Graph, from: string, to: string): Promise<NetworkChanges | null> {
    const [steps] = await graph.read<NetworkChanges & { whole: boolean }>("analytics/steps-between", { from, to });
    return steps?.whole ? { entities: [...new Set(steps.entities)], recount: steps.recount } : null;
  }

  /**
   * Recomputes everything from scratch, as the API does for another day, and lists every
   * difference from what is kept: region totals, gaps (reason and place), inactive councils.
   * Meant for a quiet moment: a write committed meanwhile shows up as a difference.
   */
  async verify(day = today()): Promise<string[]> {
    if (!(await this.current(day))) return ["a rebuild is under way: nothing complete to compare"];
    const expected = await this.computeAll((work) => this.session("READ", work), day);
    return this.session("READ", async (run) => {
      const [kept] = await run<{
        regions: Array<{ code: string; total: Tally | null; path: string }>;
        gaps: GapLine[];
        councils: Array<{
          id: string;
          gap: boolean;
          key: string;
          reasonValues: string | null;
          scope: string[];
          villageCodes: string[];
          townCodes: string[];
        }>;
      }>("analytics/kept-all");
      const problems: string[] = [];
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const keptRegions = new Map(kept!.regions.map((r) => [r.code, r]));
      for (const row of expected.regions) {
        const k = keptRegions.get(row.code);
        if (!k) problems.push(`region ${row.code}: nothing kept`);
        else if (!same(k.total, row.total) || k.path !== row.path)
          problems.push(
            `region ${row.code}: kept ${k.path} ${JSON.stringify(k.total)}, expected ${row.path} ${JSON.stringify(row.total)}`,
          );
        keptRegions.delete(row.code);
      }
      for (const code of keptRegions.keys()) problems.push(`region ${code}: kept but not expected`);
      const gapLine = (g: GapLine) =>
        JSON.stringify([
          g.key,
          g.regionCode,
          g.villageCode,
          g.townCode,
          g.missingKinds,
          g.reasonValues,
          g.path,
          g.subjectName,
          g.subjectLabel,
        ]);
      const keptGaps = new Set(kept!.gaps.map(gapLine));
      const expectedGaps = new Set(expected.gaps.map(gapLine));
      for (const line of expectedGaps) if (!keptGaps.has(line)) problems.push(`gap missing: ${line}`);
      for (const line of keptGaps) if (!expectedGaps.has(line)) problems.push(`gap not expected: ${line}`);
      const councilLine = (c: {
        id: string;
        gap: boolean;
        reasonValues: string | null;
        scope: string[];
        villageCodes: string[];
        townCodes: string[];
      }) => JSON.stringify([c.id, c.gap, c.reasonValues, [...c.scope].sort(), c.villageCodes, c.townCodes]);
      const keptCouncils = new Set(kept!.councils.map(councilLine));
      const expectedCouncils = new Set(expected.councils.map(councilLine));
      for (const line of expectedCouncils) if (!keptCouncils.has(line)) problems.push(`council missing: ${line}`);
      for (const line of keptCouncils) if (!expectedCouncils.has(line)) problems.push(`council not expected: ${line}`);
      return problems;
    });
  }

  /** Applies waiting changes under the lock, or says that only a rebuild will do. */
  private async maintain(day: string): Promise<"current" | "rebuild"> {
    return this.session("WRITE", async (run) => {
      // Another process may have caught up (or begun a rebuild) while this one waited for the lock.
      const [state] = await run<LockedState>("analytics/lock", STATE);
      if (state!.rebuilding || state!.version !== this.version || state!.day === null || state!.day > day)
        return "rebuild" as const;
      if (state!.day === day && !state!.pending) return "current" as const;

      const changes = await run<Change>("analytics/take-changes", { limit: neo4j.int(CHANGES_PER_CATCH_UP) });
      const plan = (await this.knownPlan(changes)) ?? (await this.planFor(run, changes));
      if (!plan) throw new RebuildNeeded();

      const { reach, entities, recount } = plan;
      const due =
        state!.day === day
          ? { cells: empty<string>(), councils: empty<string>() }
          : (await run<{ cells: string[]; councils: string[] }>("analytics/due", { day: neo4jDate(day) }))[0]!;
      const stamp = randomUUID();
      // A region that moved or went reshapes every network around it: no refresh, a new one.
      const reshaped = reach.moved.length > 0 || reach.deletedRegions.length > 0;
      // The step is recorded along with the recomputation (the transaction commits both or neither).
      await Promise.all([
        run("analytics/set-state", {
          day: neo4jDate(day),
          version: this.version,
          stamp,
          entities,
          recount,
          reshaped,
          keptSteps: KEPT_STEPS,
        }),
        this.recompute(run, {
          cells: [...new Set([...due.cells, ...plan.cells.map((region) => region.cell)])],
          regions: plan.regions,
          below: [...reach.subtrees, ...reach.deletedRegions],
          known: plan.cells,
          councils: [...new Set([...plan.councils, ...due.councils])],
          day,
          stamp,
        }),
      ]);
      return "current" as const;
    }).catch((error: unknown) => {
      // Rolled back: the changes it took stay for the rebuild to read past.
      if (error instanceof RebuildNeeded) return "rebuild" as const;
      throw error;
    });
  }

  /** Computes the cells rooted at the given regions (a region inside another's cell is counted there). */
  private async computeCells(run: TransactionRun, infos: CellInfo[], day: string): Promise<ComputedCell[]> {
    const roots = infos.filter((info) => info.cell === info.code && info.chain.length > 0);
    const computed: ComputedCell[] = [];
    // A few cells' facts are asked for together, so their statements go out in one round trip.
    for (let i = 0; i < roots.length; i += CELLS_READ_TOGETHER) {
      const cells = roots.slice(i, i + CELLS_READ_TOGETHER).map(async (info) => {
        const facts = await readFacts(run, this.rules, {
          regionCode: info.code,
          asOf: day,
          exact: !info.tree,
          families: info.tree ? VILLAGE_CELL : OWN_CELL,
        });
        return computeCell(
          { cell: info.code, tree: info.tree, chainAbove: info.chain.slice(0, -1).reverse(), facts },
          day,
          this.rules,
        );
      });
      computed.push(...(await Promise.all(cells)));
    }
    return computed;
  }

  private cellsOf(run: TransactionRun, codes: string[]): Promise<CellInfo[]> {
    return codes.length ? run<CellInfo>("analytics/cells", { codes }) : Promise.resolve(empty<CellInfo>());
  }

  /**
   * Recomputes cells and councils, then every region total above the cells, deepest first. The
   * cells: the given ones, those kept for `regions` and those kept below `below` (where they were
   * kept: a region may have moved or gone). `known`: cells of regions read already.
   */
  private async recompute(
    run: TransactionRun,
    work: {
      cells: string[];
      regions: string[];
      below: string[];
      known: CellInfo[];
      councils: string[];
      day: string;
      stamp: string;
    },
  ): Promise<void> {
    const { day, stamp } = work;
    const known = new Map(work.known.map((info) => [info.code, info]));
    const computedFirst = new Set(work.cells.filter((code) => known.has(code)));
    const recomputeCells = async () => {
      // The cells whose region was read already are computed along with the clearing; the others after it.
      const [[cleared], computedKnown] = (await Promise.all([
        run<{ cells: string[]; paths: string[] }>("analytics/clear-cells", {
          cells: work.cells,
          codes: work.regions,
          below: work.below,
        }),
        this.computeCells(
          run,
          [...computedFirst].map((code) => known.get(code)!),
          day,
        ),
      ])) as [[{ cells: string[]; paths: string[] }], ComputedCell[]];
      const others = await this.cellsOf(
        run,
        cleared!.cells.filter((code) => !computedFirst.has(code)),
      );
      const computed = [...computedKnown, ...(await this.computeCells(run, others, day))];
      const regionRows = computed.flatMap((cell) => cell.regions);
      await Promise.all([
        inBatches(regionRows, (rows) => run("analytics/write-regions", { rows: rows.map(withDate), stamp })),
        inBatches(
          computed.flatMap((cell) => cell.gaps),
          (rows) => run("analytics/write-gaps", { rows }),
        ),
      ]);
      return { oldPaths: cleared!.paths, regionRows };
    };
    const [{ oldPaths, regionRows }] = await Promise.all([
      recomputeCells(),
      this.recomputeCouncils(run, work.councils, day),
    ]);

    // Regions above the recomputed cells, where they were and where they are now.
    const above = new Set<string>();
    for (const path of [...oldPaths, ...regionRows.map((row) => row.path)])
      for (const code of path.split("/").filter(Boolean)) above.add(code);
    if (above.size > 0) await run("analytics/roll-up", { codes: [...above], empty: emptyTally(), stamp });
  }

  private async recomputeCouncils(run: TransactionRun, ids: string[], day: string): Promise<void> {
    if (ids.length === 0) return;
    const facts = await run<KeptCouncilFacts>("analytics/council-facts", { ids, asOf: neo4jDate(day) });
    const rows = facts.map((f) => computeCouncil(f, day, this.rules));
    await run("analytics/write-councils", { ids, rows: rows.map(withDate) });
  }

  /**
   * Everything that should be kept, computed from scratch. Facts are read per town (or per top
   * region when there is none), each in a read transaction of its own: a district's, a city's or
   * a province's facts do not fit in one transaction's time limit on a busy machine.
   */
  private async computeAll(
    read: Reader,
    day: string,
  ): Promise<{ regions: RegionRow[]; gaps: GapRow[]; councils: CouncilRow[] }> {
    const [{ codes: tops }] = (await read((run) => run<{ codes: string[] }>("analytics/tops"))) as [
      { codes: string[] },
    ];
    const rows = new Map<string, RegionRow>();
    const gaps: GapRow[] = [];
    const parents = new Map<string, string | null>();
    for (const top of tops) {
      const regions = await read((run) =>
        run<{ code: string; level: string; scope: string[] }>("coverage/scope-regions", { regionCode: top }),
      );
      for (const r of regions) parents.set(r.code, r.scope[1] ?? null);
      // Provinces, cities and districts are read by their own subjects only; everything below them
      // by unit, a town at a time: a big district's villages do not fit one busy transaction.
      const wide = (r: { level: string }) => WIDE_LEVELS.has(r.level);
      const wideCodes = new Set(regions.filter(wide).map((r) => r.code));
      const parts = regions.filter(
        (r) => wide(r) || (!wideCodes.has(r.code) && (r.scope.length === 1 || wideCodes.has(r.scope[1]!))),
      );
      for (const part of parts) {
        // Each statement in a transaction of its own, too.
        const each: TransactionRun = (name, params) => read((run) => run(name, params));
        const facts = await readFacts(each, this.rules, {
          regionCode: part.code,
          asOf: day,
          families: ALL_CELLS,
          exact: wide(part),
        });
        const above = part.scope.slice(1);
        for (const list of [facts.twoNew, facts.villages, facts.grids, facts.towns, facts.orgLife])
          for (const f of list) f.scope = [...f.scope, ...above];
        for (const cell of partition(facts, regions)) {
          const computed = computeCell(cell, day, this.rules);
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
    return { regions: [...rows.values()], gaps, councils: councilFacts.map((f) => computeCouncil(f, day, this.rules)) };
  }

  /**
   * Recomputes everything kept from scratch: claimed under the lock, computed in one read
   * transaction, written in batches, finished under the lock. Null when another process holds
   * a live claim.
   */
  async rebuild(day = today()): Promise<MaintenanceReport | null> {
    const [claim] = await this.session("WRITE", async (run) => {
      await run("analytics/lock", STATE);
      return run<{ claimed: boolean; changeIds: string[] }>("analytics/claim-rebuild", STATE);
    });
    if (!claim!.claimed) return null;
    try {
      const { regions, gaps, councils } = await this.computeAll((work) => this.session("READ", work), day);
      const write = (name: string, params: Record<string, unknown>) =>
        this.session("WRITE", (run) => run<{ deleted: number }>(name, params));
      while ((await write("analytics/clear-all", { limit: neo4j.int(WRITE_BATCH) }))[0]!.deleted > 0);
      const stamp = randomUUID();
      await inBatches(regions, (batch) => write("analytics/write-regions", { rows: batch.map(withDate), stamp }));
      await inBatches(gaps, (batch) => write("analytics/write-gaps", { rows: batch }));
      await write("analytics/write-councils", { ids: [], rows: councils.map(withDate) });
      await this.session("WRITE", async (run) => {
        await run("analytics/lock", STATE);
        await run("analytics/finish-rebuild", {
          changeIds: claim!.changeIds,
          day: neo4jDate(day),
          version: this.version,
          stamp,
        });
      });
      return { rebuilt: true, changes: claim!.changeIds.length, cells: regions.length, councils: councils.length };
    } catch (error) {
      await this.session("WRITE", (run) => run("analytics/abandon-rebuild")).catch(() => undefined);
      throw error;
    }
  }
}

/** Rebuilds the kept analytics after a bulk write (a load, a restore) and says what it did, in one line. */
export async function rebuildAfterBulkWrite(driver: Driver, rules: RuleThresholds): Promise<string> {
  const started = Date.now();
  const rebuilt = await new CoverageStore(driver, rules).rebuild();
  return rebuilt
    ? `Analytics rebuilt: ${rebuilt.cells} regions, ${rebuilt.councils} councils in ${Date.now() - started} ms`
    : "Analytics: another process is rebuilding them.";
}

/** Thrown inside the maintenance transaction to roll it back when only a rebuild will do. */
class RebuildNeeded extends Error {}

/**
 * What one set of waiting changes reaches, worked out once in a process for every reader that
 * sees that set, and for a catch-up that takes exactly that set.
 */
interface WaitingReach {
  /** The changes read (keyOf their keys) and their reach; null when only a rebuild will do. */
  read: Promise<{ key: string; reach: Reach | null }>;
  /** The same changes and the plan of their catch-up (null when only a rebuild will do). */
  plan: Promise<{ key: string; plan: Plan | null }>;
  /** Whether the set reaches a region, by region code (at most REMEMBERED_REGIONS_PER_SET). */
  reached: Map<string, Promise<boolean>>;
}

type ComputedCell = ReturnType<typeof computeCell>;

/** One key for a set of changes, whatever their order. */
const keyOf = (keys: string[]) => [...keys].sort().join("\n");

type GapLine = Pick<
  GapRow,
  | "key"
  | "regionCode"
  | "villageCode"
  | "townCode"
  | "missingKinds"
  | "reasonValues"
  | "path"
  | "subjectName"
  | "subjectLabel"
>;

/** Rows carry `changesOn` as an ISO date; Neo4j keeps it as a Date, so it compares with $day. */
const withDate = <T extends { changesOn: string | null }>(row: T) => ({
  ...row,
  changesOn: row.changesOn && neo4jDate(row.changesOn),
});

/**
 * Splits the facts of a whole tree (scopes up to its top) into cells: a subject belongs to the
 * topmost village or grid of the unbroken run of villages and grids above it, else to its own region.
 */

export function partition(facts: Facts, regions: Array<{ code: string; level: string }>): CellFacts[] {
  const tree = new Set(regions.filter((r) => r.level === "VILLAGE" || r.level === "GRID").map((r) => r.code));
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
