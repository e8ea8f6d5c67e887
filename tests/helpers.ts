import { inject } from "vitest";
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
