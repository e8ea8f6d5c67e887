/**
 * Region scope: a principal sees the regions its token names and everything below them
 * (PART_OF), so a village that a merge moved under a new village stays in its town's scope.
 */
import type { Graph } from "../database/graph.js";
import { seesEverything, type Principal } from "../domain/principal.js";

/** The `$scope` parameter of scoped Cypher: null means unrestricted. */
export function scopeParameter(principal: Principal): string[] | null {
  return seesEverything(principal) ? null : principal.regions;
}

/** The subset of `codes` that exist and that `principal` may see. */
export async function regionsInScope(graph: Graph, principal: Principal, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await graph.read<{ code: string }>("auth/regions-in-scope", { codes, scope: scopeParameter(principal) });
  return new Set(rows.map((row) => row.code));
}
