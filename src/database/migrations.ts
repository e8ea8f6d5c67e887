import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { PROJECT_ROOT } from "../config.js";
import { statements } from "./cypher.js";

const SCHEMA_DIR = path.join(PROJECT_ROOT, "cypher", "schema");

/**
 * Applies every cypher/schema/*.cypher file in name order. Each statement is
 * `CREATE … IF NOT EXISTS`, so running this at every start is idempotent.
 * Returns how many statements ran.
 */
export async function applySchema(driver: Driver): Promise<number> {
  const files = fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".cypher"))
    .sort();
  let count = 0;
  for (const file of files) {
    for (const statement of statements(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8"))) {
      await driver.executeQuery(statement);
      count += 1;
    }
  }
  return count;
}
