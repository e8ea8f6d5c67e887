import neo4j from "neo4j-driver";
import type { Graph } from "../database/graph.js";
import { badInput } from "../errors/errors.js";
import { decodeCursor, encodeCursor } from "../util/relay.js";
import type { AuditEntry, AuditTrail } from "./audit.types.js";

const CURSOR = "audit";
const MAX_FIRST = 500;

export interface AuditQuery {
  from?: string | null;
  to?: string | null;
  actor?: string | null;
  operation?: string | null;
  regionCode?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Reads the audit trail (entries are written by Graph.write and the generated-mutation plugin). */
export class AuditService {
  constructor(private readonly graph: Graph) {}

  async trail(query: AuditQuery): Promise<AuditTrail> {
    const first = query.first ?? 50;
    if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST)
      throw badInput("first", `first must be a whole number from 0 to ${MAX_FIRST}, got ${first}`);
    // The cursor names the last entry of the previous page by its instant and id.
    const [beforeAt, beforeId] = query.after ? decodeCursor(CURSOR, query.after).split("|") : [null, null];
    const rows = await this.graph.read<{ entry: AuditEntry }>("audit/trail", {
      from: query.from ?? null,
      to: query.to ?? null,
      actor: query.actor ?? null,
      operation: query.operation ?? null,
      regionCode: query.regionCode ?? null,
      beforeAt: beforeAt ?? null,
      beforeId: beforeId ?? null,
      limit: neo4j.int(first + 1),
    });
    const entries = rows.slice(0, first).map((row) => row.entry);
    const last = entries.at(-1);
    return {
      entries,
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(CURSOR, `${last.at}|${last.id}`) : null,
    };
  }
}
