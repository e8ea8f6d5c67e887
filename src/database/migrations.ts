import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { PROJECT_ROOT } from "../config.js";
import { cypher, statements } from "./cypher.js";

const SCHEMA_DIR = path.join(PROJECT_ROOT, "cypher", "schema");
const CONSTRAINT = /^CREATE\s+CONSTRAINT\b/i;
/** A statement's name: each is `CREATE CONSTRAINT name IF NOT EXISTS …` or `CREATE [kind] INDEX name IF NOT EXISTS …`. */
const NAME = /^CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS\b/i;
const AWAIT_INDEXES_SECONDS = 600;

/** Every cypher/schema/*.cypher statement, files in name order. */
function schemaStatements(): string[] {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .flatMap((file) => statements(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")));
}

/** The names of the constraints and indexes the database has. */
async function existingNames(driver: Driver): Promise<Set<string>> {
  const found = await Promise.all(
    ["platform/constraint-names", "platform/index-names"].map((name) => driver.executeQuery(cypher(name))),
  );
  return new Set(found.flatMap(({ records }) => records.map((r) => r.get("name") as string)));
}

/**
 * Applies the cypher/schema/*.cypher statements whose constraint or index the database lacks
 * (by name, as `IF NOT EXISTS` would: a start with nothing to create runs two reads instead of 53
 * schema statements) and returns once every index is online; returns how many ran.
 *
 * On a loaded graph (the fast first load) index population is the cost, so the indexes are
 * created first, in one transaction, which Neo4j populates in the background in one pass over the
 * store; the constraints meanwhile, one by one (each waits for its own index, and Neo4j creates
 * them one at a time even when asked side by side); then one wait for everything.
 */
export async function applySchema(driver: Driver): Promise<number> {
  const all = schemaStatements();
  const other = all.find((s) => !NAME.test(s));
  if (other) throw new Error(`cypher/schema holds a statement that is not a named CREATE … IF NOT EXISTS: ${other}`);
  const existing = await existingNames(driver);
  const missing = all.filter((s) => !existing.has(NAME.exec(s)![1]!));
  const constraints = missing.filter((s) => CONSTRAINT.test(s));
  const indexes = missing.filter((s) => !CONSTRAINT.test(s));
  if (indexes.length > 0) {
    const session = driver.session();
    try {
      await session.executeWrite(async (tx) => {
        for (const statement of indexes) await tx.run(statement);
      });
    } finally {
      await session.close();
    }
  }
  for (const statement of constraints) await driver.executeQuery(statement);
  await driver.executeQuery(`CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})`);
  return constraints.length + indexes.length;
}
