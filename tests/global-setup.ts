/**
 * Starts a throwaway local Neo4j on a free port with its own data folder, applies the
 * schema and loads the sample region; tests get its Bolt URI through inject("neo4jUri").
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PROJECT_ROOT } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { startLocalNeo4j, type LocalNeo4j } from "../src/database/local-neo4j.js";
import { applySchema } from "../src/database/migrations.js";
import { loadSeed } from "../src/seed/loader.js";
import { freePort } from "../scripts/free-port.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let neo4j: LocalNeo4j | undefined;
let home: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  fs.mkdirSync(path.join(PROJECT_ROOT, ".neo4j"), { recursive: true });
  home = fs.mkdtempSync(path.join(PROJECT_ROOT, ".neo4j", "test-"));
  neo4j = await startLocalNeo4j({ home, boltPort: await freePort(), heap: "1g", pageCacheMb: 256, transactionTimeoutMs: 30_000 }, () => {});
  const driver = await connect({ uri: neo4j.uri, user: "neo4j", password: "neo4j" });
  try {
    await applySchema(driver);
    await loadSeed(driver);
  } finally {
    await driver.close();
  }
  project.provide("neo4jUri", neo4j.uri);
}

export async function teardown(): Promise<void> {
  await neo4j?.stop();
  if (home) fs.rmSync(home, { recursive: true, force: true });
}
