import neo4j, { type Driver } from "neo4j-driver";
import { expect, inject } from "vitest";
import type { Role } from "../src/domain/principal.js";
import { mintToken } from "../src/auth/tokens.js";
import { cypher, toNumber } from "../src/database/cypher.js";
import { loadConfig, localJavaOptions } from "../src/config.js";
import { startLocalNeo4j, type LocalNeo4j } from "../src/database/local-neo4j.js";
import { startPlatform, type RunningPlatform } from "../src/server.js";
import { CoverageStore } from "../src/coverage/kept/coverage.store.js";
import type { OwnGraph } from "./global-setup.js";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestPlatform extends RunningPlatform {
  /** POSTs a GraphQL request over HTTP, as any client would, with an ADMIN token (`tokenFor` for others). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /** `gql` as ADMIN that expects no errors (the test fails naming them) and returns the data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** The secret the test platforms sign and check tokens with. */
export const TEST_JWT_SECRET = "test-secret-of-the-throwaway-platform-0123456789";

/** A bearer token for a role and region scope (subject: the role in lower case unless given). */
export function tokenFor(role: Role, regions: string[] = [], subject = role.toLowerCase()): Promise<string> {
  return mintToken(TEST_JWT_SECRET, { subject, role, regions });
}

/** The password the test platforms give Neo4j: the throwaway Neo4j checks none, but production refuses a default. */
export const TEST_NEO4J_PASSWORD = "test-password-of-the-throwaway-neo4j";

/**
 * The Bolt URI of this test file's throwaway Neo4j. The run starts one per worker
 * (tests/global-setup.ts) and a worker runs its files one after another, so files that run at
 * the same time never share a graph, and each sees the sample as the files before it left it.
 */
export function testNeo4jUri(): string {
  const uris = inject("neo4jUris");
  return uris[(Number(process.env.VITEST_POOL_ID ?? "1") - 1) % uris.length]!;
}

/** The Bolt URI of an own graph of the run (tests/global-setup.ts OWN_GRAPHS): empty until its one file writes. */
export function ownGraphUri(name: OwnGraph): string {
  const uri = inject("ownGraphUris")[name];
  if (!uri) throw new Error(`no own graph "${name}" in this run: npm test starts them, npm run test:fast does not`);
  return uri;
}

/** The real server on a free port, against the run's throwaway Neo4j. */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const config = loadConfig({
    NEO4J_URI: testNeo4jUri(),
    PORT: "0",
    SEED_IF_EMPTY: "false",
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    NEO4J_PASSWORD: TEST_NEO4J_PASSWORD,
    ...env,
  });
  const platform = await startPlatform(config, () => {});
  const admin = await tokenFor("ADMIN", [], "test-admin");
  const gql: TestPlatform["gql"] = async (query, variables, token = admin) => {
    const response = await fetch(`${platform.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  return {
    ...platform,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const { data, errors } = await gql<T>(query, variables);
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      return data!;
    },
  };
}

/**
 * Waits until the kept analytics can answer (current, no rebuild under way): a test that measures
 * them must not run while a rebuild, set off by another file's bulk writes, serves from scratch.
 */
export async function keptAnalyticsReady(driver: Driver, timeoutMs = 180_000): Promise<void> {
  const store = new CoverageStore(driver, loadConfig().rules);
  for (const until = Date.now() + timeoutMs; !(await store.current());) {
    if (Date.now() > until) throw new Error("the kept analytics did not become current in time");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * A fingerprint of the whole graph (less `excludeLabels`): counts plus a hash over every node's
 * and relationship's properties, independent of internal ids.
 */
export async function fingerprint(
  driver: Driver,
  excludeLabels: string[] = [],
): Promise<{ nodes: number; relationships: number; hash: string }> {
  const { records } = await driver.executeQuery(
    cypher("platform/fingerprint"),
    { excludeLabels },
    { routing: neo4j.routing.READ },
  );
  const r = records[0]!;
  return {
    nodes: toNumber(r.get("nodes")),
    relationships: toNumber(r.get("relationships")),
    hash: r.get("hash") as string,
  };
}

/**
 * What tells whether domain data was committed since (outside the audit trail and the kept
 * analytics, labels Analytics*, as platform/fingerprint leaves them out): the node and relationship
 * counts, and the change feed's length (scripts/neo4j/ChangeFeed.java records every transaction
 * that changes a domain node's labels or properties, or a relationship; the counts catch a bare
 * node deleted alone). Count-store reads, where `fingerprint` hashes the whole graph, so a test
 * can ask after every call. `changes` means something only while nothing takes from the feed: a
 * platform started with ANALYTICS=scratch, no other in the worker.
 */
export async function writeMark(driver: Driver): Promise<{ nodes: number; relationships: number; changes: number }> {
  const { records } = await driver.executeQuery(
    `CALL apoc.meta.stats() YIELD nodeCount, relCount, labels
     CALL { MATCH (:AuditEntry)-[r]->() RETURN count(r) AS auditOut }
     CALL { MATCH ()-[r]->(:AuditEntry) RETURN count(r) AS auditIn }
     RETURN nodeCount - reduce(left = 0, label IN keys(labels) |
         left + CASE WHEN label = 'AuditEntry' OR label STARTS WITH 'Analytics' THEN labels[label] ELSE 0 END) AS nodes,
       relCount - auditOut - auditIn AS relationships, coalesce(labels.AnalyticsChange, 0) AS changes`,
    {},
    { routing: neo4j.routing.READ },
  );
  const r = records[0]!;
  return {
    nodes: toNumber(r.get("nodes")),
    relationships: toNumber(r.get("relationships")),
    changes: toNumber(r.get("changes")),
  };
}

/**
 * Deletes everything in a test's own Neo4j, unrecorded by the analytics' change feed. The inner
 * transactions of a batched delete do not carry the outer one's metadata, so whatever change they
 * recorded goes in a last, plain transaction.
 */
export async function emptyGraph(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run(
      "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
      {},
      { metadata: { analytics: "rebuild" } },
    );
    await session.run("MATCH (n) DETACH DELETE n", {}, { metadata: { analytics: "rebuild" } });
  } finally {
    await session.close();
  }
}

/** Runs `task` on every item, `size` at a time: the sample's 855 villages asked one by one would take a minute. */
// Even so a test asking each village takes seconds on a quiet machine and minutes on a crowded one.
export const EVERY_VILLAGE_TIMEOUT_MS = 300_000;

export async function inBatches<T>(items: T[], task: (item: T) => Promise<void>, size = 16): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

/** Laixi's (370285000000) ACTIVE towns by code, each with its first ACTIVE village: places where one test's writes land and another's do not. */
export async function laixiTowns(driver: Driver): Promise<Array<{ code: string; village: string }>> {
  const { records } = await driver.executeQuery(
    `MATCH (t:Region {level: 'TOWN', status: 'ACTIVE'})-[:PART_OF]->(:Region {code: '370285000000'})
     MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(t)
     WITH t, min(v.code) AS village ORDER BY t.code RETURN t.code AS code, village`,
    {},
    { routing: neo4j.routing.READ },
  );
  return records.map((r) => ({ code: r.get("code") as string, village: r.get("village") as string }));
}

/**
 * A small Neo4j of a test file's own, in a JVM of its own, for a file that kills or stops it (an
 * empty graph alone is an own graph of the run, ownGraphUri): 512 MB of heap, 64 MB of page
 * cache, the run's JVM options.
 */
export function startOwnNeo4j(home: string, boltPort: number, transactionTimeoutMs: number): Promise<LocalNeo4j> {
  return startLocalNeo4j(
    { home, boltPort, heap: "512m", pageCacheMb: 64, transactionTimeoutMs, javaOptions: localJavaOptions() },
    () => {},
  );
}
