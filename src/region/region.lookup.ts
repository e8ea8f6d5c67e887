import type { Graph } from "../database/graph.js";
import { badInput } from "../graphql/errors.js";

export interface RegionRecord {
  code: string;
  name: string;
  level: string;
  status: string;
}

const REGION_CODE = /^\d{12}(-G\d{2})*$/;

/**
 * The region an argument names (only an ACTIVE one with `active`); a malformed, unknown or
 * (with `active`) inactive code is a BAD_USER_INPUT naming the argument (`field`).
 */
export async function requireRegion(graph: Graph, field: string, code: string, { active = false } = {}): Promise<RegionRecord> {
  if (!REGION_CODE.test(code)) {
    throw badInput(field, `"${code}" is not a region code: 12 digits, grids add -G and two digits (370285101201-G01)`);
  }
  const [region] = await graph.read<RegionRecord>("region/region", { regionCode: code });
  if (!region) throw badInput(field, `no region has code ${code}`);
  if (active && region.status !== "ACTIVE") throw badInput(field, `${code} (${region.name}) is ${region.status}; only ACTIVE regions hold anything to count`);
  return region;
}
