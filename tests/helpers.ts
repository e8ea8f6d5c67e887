import neo4j, { type Driver } from "neo4j-driver";
import { inject } from "vitest";
import { cypher, toNumber } from "../src/database/cypher.js";
import { loadConfig } from "../src/config.js";
import { startPlatform, type RunningPlatform } from "../src/server.js";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestPlatform extends RunningPlatform {
  /** POSTs a GraphQL request over HTTP, as any client would. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

/** The real server on a free port, against the run's throwaway Neo4j. */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const config = loadConfig({ NEO4J_URI: inject("neo4jUri"), PORT: "0", SEED_IF_EMPTY: "false", ...env });
  const platform = await startPlatform(config, () => {});
  return {
    ...platform,
    async gql(query, variables) {
      const response = await fetch(`${platform.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
  };
}

/**
 * A fingerprint of the whole graph (less `excludeLabels`): counts plus a hash over every node's
 * and relationship's properties, independent of internal ids.
 */
export async function fingerprint(driver: Driver, excludeLabels: string[] = []): Promise<{ nodes: number; relationships: number; hash: string }> {
  const { records } = await driver.executeQuery(cypher("platform/fingerprint"), { excludeLabels }, { routing: neo4j.routing.READ });
  const r = records[0]!;
  return { nodes: toNumber(r.get("nodes")), relationships: toNumber(r.get("relationships")), hash: r.get("hash") as string };
}
