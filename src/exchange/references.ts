/**
 * The checks of an import that need the graph, run after validate.ts and before any write:
 *
 * - every reference (parentCode, regionCode, superiorId …) names a row of the file or a node
 *   already in the graph;
 * - a credit code is not already held by another organization;
 * - for a principal with a region scope (EDITOR), every region a row touches lies in that
 *   scope: the regions it names, the regions of the graph nodes it references, and where the
 *   node it updates is now. A region created by the file is in scope when its parent is.
 *
 * Keys are looked up whatever the scope (they are unique across the whole graph); out of scope
 * a referenced region reads like an unknown one.
 */
import type { Graph } from "../database/graph.js";
import { seesEverything, type Principal } from "../domain/principal.js";
import { regionsInScope } from "../auth/scope.js";
import type { ImportProblem } from "./report.js";
import { SHEET_BY_NAME, SHEET_NAMES, type SheetName } from "./sheets.js";
import type { ParsedRow } from "./validate.js";

const id = (sheet: string, key: string) => `${sheet}\u0000${key}`;

/** What the graph holds of the file's keys: each existing node's regions, and credit code owners. */
export interface GraphFacts {
  existing: Map<string, string[]>;
  creditCodeOwners: Map<string, string>;
}

export async function lookUp(graph: Graph, rows: ParsedRow[]): Promise<GraphFacts> {
  const keys = Object.fromEntries(SHEET_NAMES.map((sheet) => [sheet, new Set<string>()])) as Record<
    SheetName,
    Set<string>
  >;
  const creditCodes = { twoNew: [] as string[], cooperatives: [] as string[] };
  for (const row of rows) {
    keys[row.sheet].add(row.key);
    for (const column of SHEET_BY_NAME.get(row.sheet)!.columns) {
      if (column.references && typeof row.values[column.key] === "string")
        keys[column.references].add(row.values[column.key] as string);
    }
    if (typeof row.values.creditCode === "string") {
      (row.sheet === "TwoNewOrganization" ? creditCodes.twoNew : creditCodes.cooperatives).push(row.values.creditCode);
    }
  }
  const [existing, owners] = await Promise.all([
    graph.read<{ sheet: string; key: string; regions: string[] }>("exchange/existing", {
      keys: Object.fromEntries(Object.entries(keys).map(([sheet, set]) => [sheet, [...set]])),
    }),
    graph.read<{ sheet: string; creditCode: string; id: string }>("exchange/credit-code-owners", creditCodes),
  ]);
  return {
    existing: new Map(existing.map((node) => [id(node.sheet, node.key), node.regions])),
    creditCodeOwners: new Map(owners.map((owner) => [id(owner.sheet, owner.creditCode), owner.id])),
  };
}

const unknown = (sheet: SheetName, key: string, principal: Principal) =>
  seesEverything(principal)
    ? `no ${sheet} ${key} in this file or in the graph`
    : `no ${sheet} ${key} in this file or within your region scope`;

/** References to nothing, and credit codes that another organization already holds. */
export function referenceProblems(rows: ParsedRow[], facts: GraphFacts, principal: Principal): ImportProblem[] {
  const inFile = new Set(rows.map((row) => id(row.sheet, row.key)));
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    for (const column of SHEET_BY_NAME.get(row.sheet)!.columns) {
      const target = row.values[column.key];
      if (!column.references || typeof target !== "string") continue;
      if (!inFile.has(id(column.references, target)) && !facts.existing.has(id(column.references, target))) {
        problems.push({
          sheet: row.sheet,
          row: row.row,
          column: column.key,
          message: unknown(column.references, target, principal),
        });
      }
    }
    const owner =
      typeof row.values.creditCode === "string"
        ? facts.creditCodeOwners.get(id(row.sheet, row.values.creditCode))
        : undefined;
    if (owner !== undefined && owner !== row.key) {
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: "creditCode",
        message: `credit code ${String(row.values.creditCode)} already belongs to ${row.sheet} ${owner}`,
      });
    }
  }
  return problems;
}

interface Touch {
  row: ParsedRow;
  column: string;
  region: string;
  /** What to say when the region is outside the scope. */
  refusal: string;
}

/** Every (row, column, region) the file touches. */
function touches(rows: ParsedRow[], facts: GraphFacts, principal: Principal): Touch[] {
  const inFile = new Set(rows.map((row) => id(row.sheet, row.key)));
  const out: Touch[] = [];
  for (const row of rows) {
    const spec = SHEET_BY_NAME.get(row.sheet)!;
    const current = facts.existing.get(id(row.sheet, row.key));
    const taken = `${row.sheet} ${row.key} already exists outside your region scope`;
    for (const region of current ?? [])
      out.push({ row, column: spec.keyColumn ?? spec.columns[0]!.key, region, refusal: taken });
    // A new region with no parent touches only itself: a new root, which no scope holds.
    if (row.sheet === "Region" && !current && row.values.parentCode === undefined) {
      out.push({
        row,
        column: "code",
        region: row.key,
        refusal: `a new top-level region ${row.key} is outside your region scope`,
      });
    }
    for (const column of spec.columns) {
      const target = row.values[column.key];
      if (!column.references || typeof target !== "string") continue;
      // Out of scope, a referenced node reads like an unknown one.
      const refusal = unknown(column.references, target, principal);
      if (column.references === "Region") out.push({ row, column: column.key, region: target, refusal });
      // A referenced row of the file is checked on its own row; a node of the graph by where it is.
      else if (!inFile.has(id(column.references, target))) {
        for (const region of facts.existing.get(id(column.references, target)) ?? [])
          out.push({ row, column: column.key, region, refusal });
      }
    }
  }
  return out;
}

/**
 * The regions the file touches (for the audit trail) and, for a principal with a region scope,
 * the touches outside it.
 */
export async function scopeCheck(
  graph: Graph,
  principal: Principal,
  rows: ParsedRow[],
  facts: GraphFacts,
): Promise<{ regionCodes: string[]; problems: ImportProblem[] }> {
  const all = touches(rows, facts, principal);
  const regionCodes = [...new Set(all.map((touch) => touch.region))];
  if (seesEverything(principal)) return { regionCodes, problems: [] };

  // A region the file creates stands for the graph region it will hang under.
  const parentInFile = new Map(
    rows.filter((row) => row.sheet === "Region").map((row) => [row.key, row.values.parentCode as string | undefined]),
  );
  const anchor = (code: string, depth = 0): string | null => {
    if (facts.existing.has(id("Region", code))) return code;
    const parent = parentInFile.get(code);
    return parent === undefined || depth > parentInFile.size ? null : anchor(parent, depth + 1);
  };
  const anchors = new Map(regionCodes.map((code) => [code, anchor(code)]));
  const visible = await regionsInScope(graph, principal, [
    ...new Set([...anchors.values()].filter((code): code is string => code !== null)),
  ]);
  const problems: ImportProblem[] = [];
  const reported = new Set<string>();
  for (const touch of all) {
    const at = anchors.get(touch.region);
    const key = `${touch.row.sheet}:${touch.row.row}:${touch.column}`;
    if ((at !== null && at !== undefined && visible.has(at)) || reported.has(key)) continue;
    reported.add(key);
    problems.push({ sheet: touch.row.sheet, row: touch.row.row, column: touch.column, message: touch.refusal });
  }
  return { regionCodes, problems };
}
