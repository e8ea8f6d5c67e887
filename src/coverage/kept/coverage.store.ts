/**
 * Kept coverage answers, current after every committed write and fast at city scale.
 *
 * Contract:
 * - What is kept lives in the graph (labels Analytics*), never in a process: any number of API
 *   processes over one Neo4j read the same answers, and memory does not grow with the regions.
 * - Every committed transaction, from any client, leaves an (:AnalyticsChange) naming what it
 *   touched (scripts/neo4j/ChangeFeed.java, a kernel extension). `current()` applies waiting
 *   changes that reach a region before its answer is read (catch-up.ts; what they reach:
 *   waiting-changes.ts), the others meanwhile. Kept answers are read in kept-reads.ts, what
 *   networks must re-read in network-steps.ts.
 * - The kept answers are as of one day. On a later day the cells and councils whose answer can
 *   change by date alone (a recruit leaving the window, a council passing 90 days, an
 *   organizational-life event leaving its window, a first secretary's or work team's term
 *   starting or ending) are recomputed, nothing else.
 * - One process at a time maintains (a write lock on the state node); readers never wait
 *   for each other.
 * - The version names the thresholds and the tally's layout: a process with other rules
 *   rebuilds everything (`rebuild`, rebuild.ts), as do a first start, a clock that went back, an
 *   unreadable change, and more waiting changes than a rebuild costs; meanwhile `current()` says
 *   the kept answers cannot serve, and the API computes from scratch. `verify` (verify.ts)
 *   compares what is kept with a recomputation.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { createHash } from "node:crypto";
import type { RuleThresholds } from "../../config.js";
import { TALLY_KEYS } from "../coverage.tally.js";
import { cypher, toPlain } from "../../database/cypher.js";
import type { Graph } from "../../database/graph.js";
import { today } from "../../domain/dates.js";
import { CatchUp } from "./catch-up.js";
import type { KeptRegion } from "./kept-reads.js";
import { rebuildAll, type MaintenanceReport } from "./rebuild.js";
import { STATE, inSession, type State } from "./transactions.js";
import { differences } from "./verify.js";
import { WaitingChanges } from "./waiting-changes.js";

/** Bumped whenever what is kept changes shape or meaning. */
const LAYOUT = 4; // 2: regions carry a stamp; 3: the December 2026 additions, gaps placed by village and town; 4: reasons kept as values

export class CoverageStore {
  readonly version: string;
  private running: Promise<boolean> | null = null;
  private waiting: Promise<boolean> | null = null;
  private readonly waitingChanges: WaitingChanges;
  private readonly catchUps: CatchUp;

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
    this.waitingChanges = new WaitingChanges(driver);
    this.catchUps = new CatchUp(driver, rules, this.version, this.waitingChanges);
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
   * the others meanwhile, in the background) and reads its kept row along with the state, through
   * `graph` when given (so that a request counts the statement; after a catch-up, the row is read
   * again as part of it). Null while a rebuild leaves nothing complete to read; `region` null
   * when nothing is kept for it.
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
    // Handled now: should the check below fail (Neo4j gone), a catch-up failing unawaited would
    // be an unhandled rejection, which ends the process. Whoever awaits it still sees its error.
    caughtUp.catch(() => undefined);
    if (ofTheDay && regionCode !== null && (await this.waitingChanges.unreached(regionCode, state!.waiting))) {
      // Changes elsewhere are applied meanwhile, so that the feed stays short; should that
      // fail, the next reader those changes reach applies them (and sees the error).
      caughtUp.catch((error: unknown) =>
        this.log(`Analytics: a catch-up in the background failed: ${(error as Error).message}`),
      );
      return { region: state!.region };
    }
    if (!(await caughtUp)) return null;
    return { region: regionCode === null ? null : await this.region(regionCode) };
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
    if ((await this.catchUps.apply(day)) === "current") return true;
    return (await this.rebuild(day)) !== null;
  }

  /**
   * A region's kept place, totals and stamp; null when nothing is kept for it. The stamp changes
   * whenever anything at or below the region is recomputed, which includes every write a network
   * of the region shows (see analytics/affected).
   */
  private async region(regionCode: string): Promise<KeptRegion | null> {
    const [kept] = await inSession(this.driver, "READ", (run) => run<KeptRegion>("analytics/region", { regionCode }));
    return kept ?? null;
  }

  /**
   * Recomputes everything from scratch, as the API does for another day, and lists every
   * difference from what is kept: region totals, gaps (reason and place), inactive councils.
   * Meant for a quiet moment: a write committed meanwhile shows up as a difference.
   */
  async verify(day = today()): Promise<string[]> {
    if (!(await this.current(day))) return ["a rebuild is under way: nothing complete to compare"];
    return differences(this.driver, this.rules, day);
  }

  /**
   * Recomputes everything kept from scratch (rebuild.ts). Null when another process holds a live
   * claim.
   */
  rebuild(day = today()): Promise<MaintenanceReport | null> {
    return rebuildAll(this.driver, this.rules, this.version, day);
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
