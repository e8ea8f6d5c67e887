import type { Graph } from "../database/graph.js";
import { regionCodeProblem } from "../domain/region-code.js";
import { badInput } from "../errors/errors.js";

export interface RegionRecord {
  code: string;
  name: string;
  level: string;
  status: string;
}

/**
 * The region an argument names (only an ACTIVE one with `active`); a malformed, unknown,
 * out-of-scope (see cypher/region/region.cypher) or (with `active`) inactive code is a
 * BAD_USER_INPUT naming the argument (`field`).
 */
export async function requireRegion(
  graph: Graph,
  field: string,
  code: string,
  { active = false } = {},
): Promise<RegionRecord> {
  const problem = regionCodeProblem(code);
  if (problem) throw badInput(field, problem);
  const [region] = await graph.read<RegionRecord>("region/region", { regionCode: code });
  if (!region) throw badInput(field, `no region has code ${code}`);
  if (active && region.status !== "ACTIVE")
    throw badInput(field, `${code} (${region.name}) is ${region.status}; only ACTIVE regions hold anything to count`);
  return region;
}

/** The names of the regions among `codes` that the caller's scope holds, by code. */
export async function regionNames(
  graph: Graph,
  codes: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...codes].filter((code): code is string => Boolean(code)))];
  const rows = wanted.length
    ? await graph.read<{ code: string; name: string }>("region/region-names", { codes: wanted })
    : [];
  return new Map(rows.map((row) => [row.code, row.name]));
}
