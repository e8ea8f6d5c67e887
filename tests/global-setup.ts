/**
 * Starts the run's throwaway local Neo4j instances, one per test worker (vitest.config.ts
 * maxWorkers), each on a free port with its own data folder, the schema applied and the sample
 * region loaded; a test file reaches its worker's through testNeo4jUri() (tests/helpers.ts), and
 * through inject("sampleAsOf") the day the sample was loaded on: its dates follow that day (its
 * reference date 2026-11-15 becomes it), so reports on the sample are asked for that day.
 * With `ownGraphs`, the same JVM also runs an empty DBMS for each of OWN_GRAPHS, which one test
 * file has to itself (tests/helpers.ts ownGraphUri). Meanwhile it builds the web explorer that
 * tests/web.test.ts drives, unless it is up to date.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { PROJECT_ROOT } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { startLocalNeo4js } from "../src/database/local-neo4j.js";
import { today } from "../src/domain/dates.js";
import { applySchema } from "../src/database/migrations.js";
import { loadSeed } from "../src/seed/loader.js";
import { freePort } from "../scripts/free-port.js";

/**
 * Empty graphs a test file needs of its own (an empty database to restore into, a graph that is
 * not the sample's), each used by the one file its name says. They live in the run's JVM, whose
 * code is compiled already: a JVM of the file's own cost a start and ran its queries at C1 speed.
 * Only a file that kills or stops its Neo4j still starts one (tests/helpers.ts startOwnNeo4j).
 */
export const OWN_GRAPHS = ["backup-source", "backup-target", "migrations", "dataset-merge"] as const;
export type OwnGraph = (typeof OWN_GRAPHS)[number];

declare module "vitest" {
  export interface ProvidedContext {
    /** The Bolt URIs of the run's Neo4j instances, one per worker (VITEST_POOL_ID 1, 2, …). */
    neo4jUris: string[];
    /** The Bolt URI of each own graph (OWN_GRAPHS), empty at the start of the run. */
    ownGraphUris: Partial<Record<OwnGraph, string>>;
    /** The day the sample was loaded on, which its dates follow: the sample's reference date. */
    sampleAsOf: string;
  }
}

let running: { stop(): Promise<void> } | undefined;
const homesToRemove: string[] = [];

/**
 * `npm run build:web` (typecheck and Vite build) when a source under web/app, a domain module
 * it shares with the API (gap kinds, labels and what labels.ts imports), or the lockfile is newer
 * than web/dist.
 */
async function buildWebExplorer(): Promise<void> {
  const app = path.join(PROJECT_ROOT, "web", "app");
  const sources = [
    path.join(PROJECT_ROOT, "package-lock.json"),
    ...["gap-kinds.ts", "labels.ts", "org-life.ts", "principal.ts", "region-levels.ts"].map((file) =>
      path.join(PROJECT_ROOT, "src", "domain", file),
    ),
    ...(fs.readdirSync(app, { recursive: true }) as string[]).map((file) => path.join(app, file)),
  ];
  const newest = Math.max(...sources.map((file) => fs.statSync(file).mtimeMs));
  const built = path.join(PROJECT_ROOT, "web", "dist", "index.html");
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newest) return;
  await promisify(execFile)("npm", ["run", "-s", "build:web"], { cwd: PROJECT_ROOT });
}

export async function setup(project: TestProject): Promise<void> {
  await startTestDatabase(project, { webExplorer: true, ownGraphs: true });
}

/**
 * The run's Neo4j instances, loaded with the sample; with `ownGraphs`, the empty own graphs beside
 * them; with `webExplorer`, the explorer built meanwhile.
 */
export async function startTestDatabase(
  project: TestProject,
  { webExplorer, ownGraphs }: { webExplorer: boolean; ownGraphs: boolean },
): Promise<void> {
  const webBuild = webExplorer ? buildWebExplorer() : Promise.resolve();
  // Awaited once Neo4j is up; until then a failure must not count as an unhandled rejection.
  webBuild.catch(() => {});
  const sampleAsOf = today();
  // Files run at once only in different workers, each on its own graph (Community has one user database).
  const owned = ownGraphs ? OWN_GRAPHS : [];
  // 1 GB of heap for each sample graph, 512 MB for each own graph (what a JVM of its own had).
  const all = await startThrowawayNeo4js(
    project.config.maxWorkers + owned.length,
    1024 * project.config.maxWorkers + 512 * owned.length,
  );
  const uris = all.slice(0, project.config.maxWorkers);
  await Promise.all(uris.map((uri) => loadSample(uri, sampleAsOf)));
  await webBuild;
  project.provide("neo4jUris", uris);
  project.provide(
    "ownGraphUris",
    Object.fromEntries(owned.map((name, i) => [name, all[project.config.maxWorkers + i]!])),
  );
  project.provide("sampleAsOf", sampleAsOf);
}

/**
 * `count` throwaway DBMSes on free ports with data folders of their own, removed at teardown, in
 * one JVM: they run the same queries all run long, and each JVM of its own compiled them again
 * (C2 alone spent 200 s of a run's CPU in two).
 */
async function startThrowawayNeo4js(count: number, heapMb: number): Promise<string[]> {
  fs.mkdirSync(path.join(PROJECT_ROOT, ".neo4j"), { recursive: true });
  const homes = await Promise.all(
    Array.from({ length: count }, async () => {
      const home = fs.mkdtempSync(path.join(PROJECT_ROOT, ".neo4j", "test-"));
      homesToRemove.push(home);
      // A plan stays as first made: the tests' writes keep moving the statistics of small labels
      // (scenarios, the change feed), and every 10 s Neo4j planned such queries again (97 times in
      // nine files), which a throwaway graph of minutes does not need.
      fs.writeFileSync(path.join(home, "neo4j.conf"), "dbms.cypher.min_replan_interval=1h\n");
      return { home, boltPort: await freePort() };
    }),
  );
  // A loaded machine (CI beside other work) can take far longer than production's 30 s to load the sample (24k nodes,
  // 46k relationships) in one transaction: over 2 minutes with a dozen processes on 2 cores.
  const neo4j = await startLocalNeo4js(
    {
      heap: `${heapMb}m`,
      pageCacheMb: 256,
      transactionTimeoutMs: 300_000,
      // Not NEO4J_JAVA_OPTS' C1 alone: these run most of the run's queries. With C1 a full run spent
      // 650 s of their CPU executing queries against 345 s with C2 (C2 compiling: 297 s → 60 s).
      // But C2 only for code three times as hot as by default: the lukewarm rest is not worth
      // compiling in a run of minutes. Four files (web, workflows, exchange, planning): this JVM's
      // CPU 296 s → 253 s (C2 compiling 91 s → 70 s, queries 138 s → 128 s).
      javaOptions: [
        "-XX:Tier4InvocationThreshold=15000",
        "-XX:Tier4MinInvocationThreshold=1800",
        "-XX:Tier4CompileThreshold=45000",
        "-XX:Tier4BackEdgeThreshold=120000",
      ],
    },
    homes,
    () => {},
  );
  running = neo4j;
  return neo4j.uris;
}

/** The schema applied and the sample loaded as of `day`. */
async function loadSample(uri: string, day: string): Promise<void> {
  const driver = await connect({ uri, user: "neo4j", password: "neo4j" });
  try {
    await applySchema(driver);
    await loadSeed(driver, undefined, { day });
  } finally {
    await driver.close();
  }
}

export async function teardown(): Promise<void> {
  await running?.stop();
  for (const home of homesToRemove) fs.rmSync(home, { recursive: true, force: true });
}
