/**
 * How the kept analytics run their statements: by name (cypher/), in transactions of their own
 * (a statement traced with its time when ANALYTICS_TRACE is set), and their writes in batches.
 * Also the state node's parameters and what analytics/state and analytics/lock read of it.
 */
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { cypher, toPlain } from "../../database/cypher.js";
import type { Row, TransactionRun } from "../../database/graph.js";
import { neo4jDate } from "../../domain/dates.js";
import type { KeptRegion } from "./kept-reads.js";

export const WRITE_BATCH = 5_000;
/** Changes taken (or read) at once; more waiting than this, a reader waits for the catch-up. */
export const CHANGES_PER_CATCH_UP = 2_000;
/** A rebuild claimed longer ago than this is taken as abandoned (its process died). */
const REBUILD_STALE_SECONDS = 600;
/** Parameters of the statements that read the state node (analytics/state, lock, claim-rebuild). */
export const STATE = { staleSeconds: neo4j.int(REBUILD_STALE_SECONDS), limit: neo4j.int(CHANGES_PER_CATCH_UP) };

/** The state as a reader sees it before an answer (analytics/state). */
export interface State {
  day: string | null;
  version: string | null;
  rebuilding: boolean;
  /** Keys of the waiting changes (analytics/state), at most CHANGES_PER_CATCH_UP. */
  waiting: string[];
  region: KeptRegion | null;
}

/** The state under the lock (analytics/lock). */
export interface LockedState extends Omit<State, "waiting" | "region"> {
  pending: boolean;
}

/** Runs `work` in a read transaction of its own. */
export type Reader = <T>(work: (run: TransactionRun) => Promise<T>) => Promise<T>;

export const empty = <T>(): T[] => [];

function runner(tx: ManagedTransaction): TransactionRun {
  return async <R = Row>(name: string, params: Record<string, unknown> = {}) => {
    const started = Date.now();
    const result = await tx.run(cypher(name), params);
    if (process.env.ANALYTICS_TRACE) console.log(`${name} ${Date.now() - started} ms`);
    return result.records.map((record) => toPlain(record.toObject()) as R);
  };
}

/** Runs `work` in one transaction of its own (retried as the driver retries). */
export async function inSession<T>(
  driver: Driver,
  mode: "READ" | "WRITE",
  work: (run: TransactionRun) => Promise<T>,
): Promise<T> {
  const session = driver.session({ defaultAccessMode: neo4j.session[mode] });
  try {
    return await (mode === "READ"
      ? session.executeRead((tx) => work(runner(tx)))
      : session.executeWrite((tx) => work(runner(tx))));
  } finally {
    await session.close();
  }
}

export async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_BATCH) await write(rows.slice(i, i + WRITE_BATCH));
}

/** Rows carry `changesOn` as an ISO date; Neo4j keeps it as a Date, so it compares with $day. */
export const withDate = <T extends { changesOn: string | null }>(row: T) => ({
  ...row,
  changesOn: row.changesOn && neo4jDate(row.changesOn),
});
