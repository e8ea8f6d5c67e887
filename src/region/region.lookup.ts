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
 * The region an argument names, whatever its status; a malformed or unknown code is a
 * BAD_USER_INPUT naming the argument (`field`).
 */
export async function requireRegion(graph: Graph, field: string, code: string): Promise<RegionRecord> {
  if (!REGION_CODE.test(code)) {
    throw badInput(field, `"${code}" is not a region code: 12 digits, grids add -G and two digits (370285101201-G01)`);
  }
  const [region] = await graph.read<RegionRecord>("region/region", { regionCode: code });
  if (!region) throw badInput(field, `no region has code ${code}`);
  return region;
}
