/**
 * How hand-written services talk to Neo4j: by the name of a file in cypher/, with
 * parameters, through read or write transactions (so a cluster can route them).
 *
 * Contract: `read` runs one statement in a read transaction; `write` runs `work` in one write
 * transaction, so its statements commit together or not at all. Records come back as plain
 * objects (Integers as numbers, temporal values as ISO strings, points as {longitude, latitude}).
 * `queries` counts the statements run through this instance, which is one per request,
 * so tests and the dev response extension can see how many queries a request cost. `openWrite`
 * hands out a write transaction that other code fills (the generated API) and this code ends.
 *
 * Who asks comes in as an `Asker` (audit.ts's `graphFor` builds one from a token's principal):
 * every statement gets `$scope`, the region codes the asker may see (null: all), so a statement
 * that must hide what lies outside tests it where it matches; every write records its audit
 * entry with the asker's `record`, in its own transaction. This layer knows no more of auth or audit.
 */
import neo4j, { type Driver, type ManagedTransaction, type Transaction } from "neo4j-driver";
import type { VersionedMemo } from "../cache/versioned-memo.js";
import type { Principal } from "../domain/principal.js";
import { cypher, toPlain } from "./cypher.js";

export type Row = Record<string, unknown>;

/** Runs one named statement inside the surrounding write transaction. */
export type TransactionRun = <R = Row>(name: string, params?: Record<string, unknown>) => Promise<R[]>;

/** A write's entry in the audit trail: its operation, the ids it wrote and the regions it touched. */
export interface AuditWrite {
  /** The GraphQL field or command, e.g. "createPairing", "import". */
  operation: string;
  /** Ids (region codes for regions) the write created or changed. */
  subjectIds: string[];
  /**
   * Regions the write touched, for queries of the trail by region; the regions of the
   * subjects (where they are based, located, served, or a pairing's parties) are added.
   */
  regionCodes?: string[];
}

/** Who asks, as data access needs them. */
export interface Asker {
  /** For the services that act on who asks (role checks, `createdBy`); never read here. */
  readonly principal: Principal;
  /** `$scope` of every statement: the region codes the asker may see, null: all. */
  readonly scope: string[] | null;
  /** Writes a write's audit entry inside the write's transaction. */
  record(run: TransactionRun, entry: AuditWrite): Promise<void>;
}

/** What a write tells the audit trail: its operation and, from its result, the ids it wrote (and regions it touched). */
export interface AuditedAs<T> {
  operation: string;
  subjectIds: (result: T) => string[];
  regionCodes?: (result: T) => string[];
}

/** A write transaction opened here and filled elsewhere (by the generated API's resolvers). */
export interface OpenWrite {
  readonly transaction: Transaction;
  /** Records the audit entries in the transaction, then commits; on any failure rolls back and throws. */
  commit(entries: AuditWrite[]): Promise<void>;
  rollback(): Promise<void>;
}

export class Graph {
  queries = 0;

  readonly principal: Principal;

  readonly scope: string[] | null;

  constructor(
    readonly driver: Driver,
    private readonly asker: Asker,
  ) {
    this.principal = asker.principal;
    this.scope = asker.scope;
  }

  async read<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.queries += 1;
    const { records } = await this.driver.executeQuery(
      cypher(name),
      { scope: this.scope, ...params },
      { routing: neo4j.routing.READ },
    );
    return records.map((record) => toPlain(record.toObject()) as T);
  }

  /**
   * The graph's state as an opaque mark: the bookmark of a read transaction, which names the
   * last write committed by anyone, through any client. Equal marks: nothing was committed between.
   */
  async stateMark(): Promise<string> {
    this.queries += 1;
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run(cypher("platform/state-mark")));
      return session.lastBookmarks().join(" ");
    } finally {
      await session.close();
    }
  }

  /**
   * `compute`'s answer as of the graph's current state: from `answers` when it was computed at
   * the same state mark, else computed now and kept there. The key must name everything the
   * answer depends on (the scope too, when its statements read `$scope`).
   */
  async remembered<T>(
    answers: VersionedMemo,
    key: string,
    compute: () => Promise<T>,
    weigh: (answer: T) => number,
  ): Promise<T> {
    if (answers.capacity <= 0) return compute(); // nothing is kept: no state mark needed
    return answers.get(key, await this.stateMark(), compute, weigh);
  }

  private runner(tx: Pick<ManagedTransaction, "run">): TransactionRun {
    return async <R = Row>(name: string, params: Record<string, unknown> = {}) => {
      this.queries += 1;
      const result = await tx.run(cypher(name), { scope: this.scope, ...params });
      return result.records.map((record) => toPlain(record.toObject()) as R);
    };
  }

  /**
   * Runs `work` in one write transaction, then records its audit entry in the same transaction:
   * a throw anywhere rolls every statement back, the entry included.
   */
  async write<T>(audit: AuditedAs<T>, work: (run: TransactionRun) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(async (tx) => {
        const run = this.runner(tx);
        const result = await work(run);
        await this.asker.record(run, {
          operation: audit.operation,
          subjectIds: audit.subjectIds(result),
          regionCodes: audit.regionCodes?.(result),
        });
        return result;
      });
    } finally {
      await session.close();
    }
  }

  /**
   * Opens a write transaction for statements that other code runs, ended by `commit` (with the
   * audit entries, so they and the writes commit together) or `rollback`; either closes the session.
   */
  openWrite(): OpenWrite {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    const transaction = session.beginTransaction();
    // A transaction that already failed is gone on the server: rolling it back has nothing to undo.
    const rollback = () => (transaction.isOpen() ? transaction.rollback().catch(() => undefined) : Promise.resolve());
    return {
      transaction,
      commit: async (entries) => {
        try {
          const run = this.runner(transaction);
          for (const entry of entries) await this.asker.record(run, entry);
          await transaction.commit();
        } catch (error) {
          await rollback();
          throw error;
        } finally {
          await session.close();
        }
      },
      rollback: async () => {
        await rollback();
        await session.close();
      },
    };
  }

  /**
   * Runs `work` in a write transaction that is always rolled back: what-if analysis that
   * sees its own changes and leaves nothing behind.
   */
  async rehearse<T>(work: (run: TransactionRun) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    const tx = session.beginTransaction();
    try {
      return await work(this.runner(tx));
    } finally {
      await tx.rollback();
      await session.close();
    }
  }
}
