import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { PROJECT_ROOT } from "../config.js";
import { statements } from "./cypher.js";

const SCHEMA_DIR = path.join(PROJECT_ROOT, "cypher", "schema");
const CONSTRAINT = /^CREATE\s+CONSTRAINT\b/i;
const INDEX = /^CREATE\s+(?:\w+\s+)?INDEX\b/i;
const AWAIT_INDEXES_SECONDS = 600;

/** Every cypher/schema/*.cypher statement, files in name order. */
function schemaStatements(): string[] {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .flatMap((file) => statements(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")));
}

/**
 * Applies every cypher/schema/*.cypher statement (each `CREATE … IF NOT EXISTS`, so running this
 * at every start is idempotent) and returns once every index is online; returns how many ran.
 *
 * On a loaded graph (the fast first load) index population is the cost, so the indexes are
 * created first, in one transaction, which Neo4j populates in the background in one pass over the
 * store; the constraints meanwhile, one by one (each waits for its own index, and Neo4j creates
 * them one at a time even when asked side by side); then one wait for everything.
 */
export async function applySchema(driver: Driver): Promise<number> {
  const all = schemaStatements();
  const constraints = all.filter((s) => CONSTRAINT.test(s));
  const indexes = all.filter((s) => INDEX.test(s));
  const other = all.filter((s) => !CONSTRAINT.test(s) && !INDEX.test(s));
  if (other.length)
    throw new Error(`cypher/schema holds statements that are neither CREATE INDEX nor CREATE CONSTRAINT: ${other[0]}`);
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      for (const statement of indexes) await tx.run(statement);
    });
  } finally {
    await session.close();
  }
  for (const statement of constraints) await driver.executeQuery(statement);
  await driver.executeQuery(`CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})`);
  return constraints.length + indexes.length;
}
