/**
 * A catch-up: applies the waiting changes to what is kept, in one write transaction under the
 * lock (one process at a time). It recomputes the cells the changes reach (a village with its
 * grids, or one region's own subjects) and the councils, then each region total on their paths
 * as its own figures plus its children's totals, and records the step for the networks
 * (network-steps.ts). The work follows what was written, not the city.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { randomUUID } from "node:crypto";
import type { RuleThresholds } from "../../config.js";
import { readFacts } from "../coverage.facts.js";
import { emptyTally } from "../coverage.tally.js";
import type { TransactionRun } from "../../database/graph.js";
import { neo4jDate } from "../../domain/dates.js";
import { OWN_CELL, VILLAGE_CELL, computeCell, computeCouncil, type KeptCouncilFacts } from "./cells.js";
import { KEPT_STEPS } from "./network-steps.js";
import {
  CHANGES_PER_CATCH_UP,
  STATE,
  empty,
  inBatches,
  inSession,
  withDate,
  type LockedState,
} from "./transactions.js";
import { cellsOf, planFor, type CellInfo, type Change, type WaitingChanges } from "./waiting-changes.js";

/** Cells whose facts are asked for together, so that their statements go out in one round trip. */
const CELLS_READ_TOGETHER = 16;

type ComputedCell = ReturnType<typeof computeCell>;

/** Thrown inside the catch-up's transaction to roll it back when only a rebuild will do. */
class RebuildNeeded extends Error {}

export class CatchUp {
  /** `version`: what the kept answers must have been computed by (CoverageStore.version). */
  constructor(
    private readonly driver: Driver,
    private readonly rules: RuleThresholds,
    private readonly version: string,
    private readonly waiting: WaitingChanges,
  ) {}

  /** Applies waiting changes under the lock, or says that only a rebuild will do. */
  async apply(day: string): Promise<"current" | "rebuild"> {
    return inSession(this.driver, "WRITE", async (run) => {
      // Another process may have caught up (or begun a rebuild) while this one waited for the lock.
      const [state] = await run<LockedState>("analytics/lock", STATE);
      if (state!.rebuilding || state!.version !== this.version || state!.day === null || state!.day > day)
        return "rebuild" as const;
      if (state!.day === day && !state!.pending) return "current" as const;

      const changes = await run<Change>("analytics/take-changes", { limit: neo4j.int(CHANGES_PER_CATCH_UP) });
      const plan = (await this.waiting.knownPlan(changes)) ?? (await planFor(run, changes));
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
      const others = await cellsOf(
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
}
