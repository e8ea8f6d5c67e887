/**
 * The audit trail: who wrote, when, which operation, on which ids and regions. Every write
 * records its entry with `recordAudit` inside its own transaction, so an entry exists exactly
 * when the write committed.
 */
import type { Driver } from "neo4j-driver";
import { scopeParameter } from "../auth/scope.js";
import { Graph, type Asker, type AuditWrite, type TransactionRun } from "../database/graph.js";
import { SYSTEM, type Principal } from "../domain/principal.js";

export type { AuditWrite };

export async function recordAudit(run: TransactionRun, principal: Principal, entry: AuditWrite): Promise<void> {
  await run("audit/record", {
    actor: principal.subject,
    role: principal.role,
    operation: entry.operation,
    subjectIds: [...new Set(entry.subjectIds)],
    regionCodes: [...new Set(entry.regionCodes ?? [])],
  });
}

/** A principal as data access takes it: its region scope, and its writes audited in its name. */
export function askerFor(principal: Principal): Asker {
  return { principal, scope: scopeParameter(principal), record: (run, entry) => recordAudit(run, principal, entry) };
}

/** The gateway to the graph for a principal (the platform itself when none is given). */
export function graphFor(driver: Driver, principal: Principal = SYSTEM): Graph {
  return new Graph(driver, askerFor(principal));
}
