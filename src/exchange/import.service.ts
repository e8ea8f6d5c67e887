/**
 * Imports an .xlsx or .csv file laid out as the template (sheets.ts), for one principal.
 *
 * Contract:
 * - all or nothing: every row is checked (workbook.ts → validate.ts → references.ts) before
 *   anything is written; one problem anywhere and nothing is, and the answer lists every
 *   problem as {sheet, row, column, message};
 * - a clean file is written in ONE write transaction, with its audit entry ("import", the keys
 *   written, the regions touched): nodes are MERGEd by key (Region.code, otherwise id), so the
 *   same file imported twice leaves the graph as it was;
 * - only ADMIN and EDITOR import, an EDITOR only inside its region scope;
 * - a dry run checks everything and rehearses the writes in a transaction that is rolled back.
 */
import { EDITORS } from "../domain/principal.js";
import type { Graph, TransactionRun } from "../database/graph.js";
import { ForbiddenError } from "../errors/errors.js";
import { toNeo4jProps } from "../seed/loader.js";
import { lookUp, referenceProblems, scopeCheck } from "./references.js";
import { failed, type ImportResult } from "./report.js";
import { SHEETS, type SheetName, type SheetSpec } from "./sheets.js";
import { validateRows, type ParsedRow } from "./validate.js";
import { readWorkbook, type ImportFormat } from "./workbook.js";

export type ImportPhase = "validating" | "writing";

export interface ImportOptions {
  format: ImportFormat;
  /** The sheet a .csv file holds (e.g. "PartyOrganization"). */
  sheet?: string;
  dryRun?: boolean;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

const BATCH = 1_000;

/** cypher/exchange/<sheet>-nodes|links.cypher: "TwoNewOrganization" → "two-new-organization". */
export const cypherStem = (sheet: SheetName) =>
  sheet.replace(/[A-Z]/g, (c, at: number) => (at ? "-" : "") + c.toLowerCase());

/** A row as its write statements take it: key, node properties, and each reference (or null). */
function statementRow(spec: SheetSpec, row: ParsedRow): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const out: Record<string, unknown> = { key: row.key };
  for (const column of spec.columns) {
    const value = row.values[column.key];
    if (column.references || column.onRelationshipOf) out[column.key] = value ?? null;
    else if (!column.location && value !== undefined) props[column.key] = value;
  }
  if (row.values.latitude !== undefined)
    props.location = { latitude: row.values.latitude, longitude: row.values.longitude };
  out.props = toNeo4jProps(props);
  return out;
}

export class ImportService {
  constructor(private readonly graph: Graph) {}

  async importFile(body: Buffer, options: ImportOptions): Promise<ImportResult> {
    const { principal } = this.graph;
    if (!EDITORS.includes(principal.role)) {
      throw new ForbiddenError(
        `Importing needs one of the roles ${EDITORS.join(", ")}; ${principal.subject} has ${principal.role}.`,
      );
    }
    const progress = options.onProgress ?? (() => {});
    const read = await readWorkbook(body, options.format, options.sheet);
    if (read.problems.length) return failed(read.problems);
    const { rows, problems } = validateRows(read.sheets, (done, total) => progress("validating", done, total));
    if (problems.length) return failed(problems);
    const facts = await lookUp(this.graph, rows);
    const references = referenceProblems(rows, facts, this.graph.principal);
    if (references.length) return failed(references);
    const scope = await scopeCheck(this.graph, principal, rows, facts);
    if (scope.problems.length) return failed(scope.problems);

    const write = (run: TransactionRun) => this.write(run, rows, (done) => progress("writing", done, rows.length * 2));
    if (options.dryRun) await this.graph.rehearse(write);
    else {
      await this.graph.write(
        { operation: "import", subjectIds: () => rows.map((row) => row.key), regionCodes: () => scope.regionCodes },
        write,
      );
    }
    const counts: Partial<Record<SheetName, number>> = {};
    for (const row of rows) counts[row.sheet] = (counts[row.sheet] ?? 0) + 1;
    return { imported: !options.dryRun, dryRun: !!options.dryRun, rows: rows.length, counts };
  }

  /** Every sheet's nodes first, then the relationships, so a reference may point to any row. */
  private async write(run: TransactionRun, rows: ParsedRow[], progress: (done: number) => void): Promise<void> {
    let done = 0;
    for (const pass of ["nodes", "links"] as const) {
      for (const spec of SHEETS) {
        if (pass === "nodes" && spec.linksOnly) continue;
        const ofSheet = rows.filter((row) => row.sheet === spec.name);
        for (let i = 0; i < ofSheet.length; i += BATCH) {
          const batch = ofSheet.slice(i, i + BATCH);
          await run(`exchange/${cypherStem(spec.name)}-${pass}`, { rows: batch.map((row) => statementRow(spec, row)) });
          progress((done += batch.length));
        }
      }
    }
  }
}
