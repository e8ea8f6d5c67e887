/**
 * The audit trail: who wrote, when, which operation, on which ids and regions. Every write
 * records its entry with `recordAudit` inside its own transaction, so an entry exists exactly
 * when the write committed.
 */
import type { Principal } from "../auth/principal.js";
import type { TransactionRun } from "../database/graph.js";

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

export async function recordAudit(run: TransactionRun, principal: Principal, entry: AuditWrite): Promise<void> {
  await run("audit/record", {
    actor: principal.subject,
    role: principal.role,
    operation: entry.operation,
    subjectIds: [...new Set(entry.subjectIds)],
    regionCodes: [...new Set(entry.regionCodes ?? [])],
  });
}
