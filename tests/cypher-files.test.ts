/**
 * Every Cypher file the code can name exists, and every query file parses and plans on the real
 * database: a renamed file or a typo in a name otherwise shows only when that path runs.
 *
 * Names are string literals "<folder>/<name>" whose folder is one of cypher/'s; names built from
 * a template must be listed in TEMPLATES with what they expand to, so a new template fails here
 * until someone says what it can name.
 */
import fs from "node:fs";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testNeo4jUri } from "./helpers.js";
import { PROJECT_ROOT } from "../src/config.js";
import { statements } from "../src/database/cypher.js";
import { connect } from "../src/database/driver.js";
import { cypherStem } from "../src/exchange/import.service.js";
import { SHEETS } from "../src/exchange/sheets.js";

const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");
/** Not single queries: schema/ is applied at start by applySchema, migrations/ by the migration runner. */
const NOT_QUERIES = new Set(["schema", "migrations"]);
const FOLDERS = fs
  .readdirSync(CYPHER_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_QUERIES.has(entry.name))
  .map((entry) => entry.name);

/** Template names in the code, by their text, and the names each can take (from the same fixed lists the code uses). */
const TEMPLATES: Record<string, string[]> = {
  // coverage.facts.ts: read(family, file) with the six fact files
  "coverage/${file}": [
    "two-new-facts",
    "village-facts",
    "grid-facts",
    "town-facts",
    "council-facts",
    "org-life-facts",
  ].map((file) => `coverage/${file}`),
  // import.service.ts: one node and one link statement per sheet (a links-only sheet, such as OrgLifeEvent, has no node statement)
  "exchange/${cypherStem(spec.name)}-${pass}": SHEETS.flatMap((spec) =>
    (spec.linksOnly ? ["links"] : ["nodes", "links"]).map((pass) => `exchange/${cypherStem(spec.name)}-${pass}`),
  ),
};

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true }) as string[])
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(PROJECT_ROOT, dir, file));
}

/** Each Cypher name the code holds, with where it stands. */
function namedInCode(): { names: Map<string, string>; templates: Map<string, string> } {
  const folders = FOLDERS.join("|");
  const literal = new RegExp(`["'\`]((?:${folders})/[a-z0-9-]+)["'\`]`, "g");
  const template = new RegExp(`\`((?:${folders})/[^\`]*\\$\\{[^\`]*)\``, "g");
  const names = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of ["src", "scripts", "bench"].flatMap(sourceFiles)) {
    const where = path.relative(PROJECT_ROOT, file);
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(literal)) names.set(match[1]!, where);
    for (const match of text.matchAll(template)) templates.set(match[1]!, where);
  }
  return { names, templates };
}

const exists = (name: string) => fs.existsSync(path.join(CYPHER_DIR, `${name}.cypher`));

describe("Cypher files named by the code", () => {
  const { names, templates } = namedInCode();

  it("finds the names (the scan itself works)", () => {
    expect(names.size).toBeGreaterThan(100);
    expect(names.has("pairing/network-structure")).toBe(true); // named on a line of its own
  });

  it("every literal name has its file", () => {
    const missing = [...names].filter(([name]) => !exists(name)).map(([name, where]) => `${name} (${where})`);
    expect(missing).toEqual([]);
  });

  it("every template is listed here, and each name it can take has its file", () => {
    expect([...templates.keys()].filter((text) => !(text in TEMPLATES))).toEqual([]);
    const missing = Object.values(TEMPLATES)
      .flat()
      .filter((name) => !exists(name));
    expect(missing).toEqual([]);
  });
});

describe("Cypher query files on the database", () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  });
  afterAll(() => driver?.close());

  const files = FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(path.join(CYPHER_DIR, folder))
      .filter((file) => file.endsWith(".cypher"))
      .map((file) => `${folder}/${file}`),
  );

  it("finds the query files", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)("%s passes EXPLAIN", async (file) => {
    // {{slot}}: a name the code fills from a fixed list (seed labels, a backup's labels); any name plans.
    // Comments go first: a ";" ending a comment line is no statement's end.
    const text = fs
      .readFileSync(path.join(CYPHER_DIR, file), "utf8")
      .replace(/\{\{(\w+)\}\}/g, (_, slot: string) => (slot === "labels" ? ":Slot" : "Slot"))
      .split("\n")
      .filter((line) => !line.trim().startsWith("//"))
      .join("\n");
    const parts = statements(text);
    expect(parts.length).toBeGreaterThan(0);
    // Auto-commit (EXPLAIN runs nothing, so write mode is harmless): statements with CALL { … } IN TRANSACTIONS plan only there.
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const statement of parts) await session.run(`EXPLAIN ${statement}`);
    } finally {
      await session.close();
    }
  });
});
