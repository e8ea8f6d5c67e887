/**
 * Writes the merged GraphQL schema as SDL to docs/schema.graphql (commit it):
 *
 *   npm run schema
 *
 * Needs no database. Prints what changed against the previous file, breaking changes first.
 */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { describeSchemaChange, printPlatformSchema, SCHEMA_FILE } from "../src/graphql/printed-schema.js";

const current = await printPlatformSchema();
const previous = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : undefined;
const relative = path.relative(process.cwd(), SCHEMA_FILE);
if (previous === current) {
  console.log(`${relative} is up to date.`);
} else {
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, current);
  console.log(
    previous === undefined ? `Wrote ${relative}.` : `Updated ${relative}.\n${describeSchemaChange(previous, current)}`,
  );
}
