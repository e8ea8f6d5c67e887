/**
 * What waiting changes reach, worked out once per process for each set of them: whether they
 * reach a region a reader asks about (then it waits for the catch-up, else it reads what is kept
 * now), and the plan of their catch-up (what it recomputes, as far as the graph alone says),
 * which the catch-up that takes exactly that set reuses. Every write leaves a change, so one set
 * of waiting changes means one state of the graph.
 */
import neo4j, { type Driver } from "neo4j-driver";
import type { TransactionRun } from "../../database/graph.js";
import type { NetworkChanges } from "./network-steps.js";
import { CHANGES_PER_CATCH_UP, empty, inSession } from "./transactions.js";

/** Changes waiting beyond this many touched nodes cost more to apply one by one than a rebuild. */
const REBUILD_ABOVE_TOUCHED = 20_000;
/** Sets of waiting changes whose reach a process remembers, and regions per set. */
const REMEMBERED_SETS = 4;
const REMEMBERED_REGIONS_PER_SET = 1_000;

/** A committed transaction's record in the change feed (scripts/neo4j/ChangeFeed.java). */
export interface Change {
  key: string;
  touched: string[];
  moved: string[];
  deletedRegions: string[];
  rebuild: boolean;
}

/** What changes reach: cells of `regions`, every cell below `subtrees`, `councils`, regions gone. */
export interface Reach {
  touched: string[];
  moved: string[];
  regions: string[];
  subtrees: string[];
  councils: string[];
  deletedRegions: string[];
}

/** A region's cell (analytics/cells). */
export interface CellInfo {
  code: string;
  tree: boolean;
  cell: string;
  chain: string[];
}

/** What a catch-up recomputes, as far as the graph alone says (planOf). */
export interface Plan {
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

/** One key for a set of changes, whatever their order. */
export const keyOf = (keys: string[]) => [...keys].sort().join("\n");

/** The reach and catch-up plans of the latest sets of waiting changes, in one process. */
export class WaitingChanges {
  /** By the keys of the set as readers saw it (keyOf). */
  private readonly waitingReaches = new Map<string, WaitingReach>();

  constructor(private readonly driver: Driver) {}

  /**
   * Whether none of the `waiting` changes reaches the region's kept answers (its figures, gaps,
   * councils and what its networks show): then they are current for it, and a reader of one town
   * does not wait for the city's writes to be applied.
   */
  async unreached(regionCode: string, waiting: string[]): Promise<boolean> {
    if (waiting.length >= CHANGES_PER_CATCH_UP) return false;
    const known = this.reachOfWaiting(keyOf(waiting));
    const { reach } = await known.read;
    if (!reach) return false;
    let reached = known.reached.get(regionCode);
    if (!reached) {
      reached = inSession(this.driver, "READ", (run) =>
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
    const plan = inSession(this.driver, "READ", async (run) => {
      const changes = await run<Change>("analytics/waiting-changes", { limit: neo4j.int(CHANGES_PER_CATCH_UP) });
      const changesKey = keyOf(changes.map((c) => c.key));
      const reach = changes.length < CHANGES_PER_CATCH_UP ? await reachOf(run, changes) : null;
      reached({ key: changesKey, reach });
      return { key: changesKey, plan: reach && (await planOf(run, reach)) };
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
  async knownPlan(changes: Change[]): Promise<Plan | undefined> {
    const key = keyOf(changes.map((c) => c.key));
    const known = await this.waitingReaches.get(key)?.plan.catch(() => undefined);
    return (known?.key === key && known.plan) || undefined;
  }
}

/** The changes' reach and plan, or null when only a rebuild will do. */
export async function planFor(run: TransactionRun, changes: Change[]): Promise<Plan | null> {
  const reach = await reachOf(run, changes);
  return reach && planOf(run, reach);
}

/**
 * What a catch-up of changes that reach `reach` recomputes, as far as the graph alone says (not
 * what is kept): the regions whose cells, and the councils whose answers, are recomputed, and
 * what the networks show of them. Statements that do not wait for each other go out together.
 */
async function planOf(run: TransactionRun, reach: Reach): Promise<Plan> {
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
    cellsOf(run, regions),
  ]);
  return { reach, entities, recount, regions, cells, councils: [...new Set([...reach.councils, ...serving])] };
}

/** What changes reach, in the analytics' terms (analytics/affected); null when only a rebuild will do. */
async function reachOf(run: TransactionRun, changes: Change[]): Promise<Reach | null> {
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

export function cellsOf(run: TransactionRun, codes: string[]): Promise<CellInfo[]> {
  return codes.length ? run<CellInfo>("analytics/cells", { codes }) : Promise.resolve(empty<CellInfo>());
}
