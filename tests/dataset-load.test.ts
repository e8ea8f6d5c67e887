/**
 * The first load of a generated dataset through Neo4j's import tool gives the graph the MERGE
 * loader gives (same nodes, relationships, properties and property types, so the same coverage
 * facts and gaps), with the schema's indexes online; a database that holds data is never
 * imported over. One town of the real skeleton (日庄镇, 87 villages): imported into a throwaway
 * local Neo4j home of its own (the import tool needs a stopped database), loaded through MERGE
 * into an own graph of the run (tests/global-setup.ts OWN_GRAPHS).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintOf } from "../src/backup/restore.js";
import { loadConfig, PROJECT_ROOT, type Config } from "../src/config.js";
import { cypher, toPlain } from "../src/database/cypher.js";
import type { Database } from "../src/database/database.js";
import { readFacts } from "../src/coverage/coverage.facts.js";
import {
  councilGaps,
  gridGaps,
  orgLifeGaps,
  townGaps,
  twoNewGaps,
  villageGaps,
} from "../src/coverage/coverage.rules.js";
import { today } from "../src/domain/dates.js";
import { openAndLoadDataset } from "../src/seed/dataset-load.js";
import { freePort } from "../scripts/free-port.js";
import { ownGraphUri } from "./helpers.js";

const TOWN = "370285105000";
const work = fs.mkdtempSync(path.join(PROJECT_ROOT, ".neo4j", "dataset-load-"));
const dataset = path.join(work, "dataset");
const day = today();
const open: Database[] = [];
afterAll(async () => {
  for (const database of open) await database.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The embedded local Neo4j on `home`, or with `uri` the Neo4j there. */
async function configFor(home: string, uri?: string): Promise<Config> {
  const { NEO4J_URI: _ignored, ...env } = process.env;
  return loadConfig({
    ...(uri ? { NEO4J_URI: uri } : {}),
    ...env,
    NEO4J_HOME: path.join(work, home),
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: "512m",
    NEO4J_PAGECACHE_MB: "128",
  });
}

/** Everything a coverage report of the town is computed from, and its gaps by kind. */
async function report(database: Database, config: Config) {
  const run = async <R>(name: string, params: Record<string, unknown> = {}) =>
    (await database.driver.executeQuery(cypher(name), { scope: null, ...params })).records.map(
      (r) => toPlain(r.toObject()) as R,
    );
  const facts = await readFacts(run, config.rules, { regionCode: TOWN, asOf: day });
  const gaps = [
    ...facts.twoNew.flatMap((f) => twoNewGaps(f, config.rules)),
    ...facts.villages.flatMap((f) => villageGaps(f, day, config.rules)),
    ...facts.grids.flatMap((f) => gridGaps(f)),
    ...facts.towns.flatMap((f) => townGaps(f)),
    ...facts.councils.flatMap((f) => councilGaps(f, day, config.rules)),
    ...facts.orgLife.flatMap((f) => orgLifeGaps(f, day)),
  ];
  const byKind: Record<string, number> = {};
  for (const gap of gaps) byKind[gap.kind] = (byKind[gap.kind] ?? 0) + 1;
  // Rows, and lists inside them, come in no particular order.
  const canonical = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(canonical).sort().join(",")}]`
      : value && typeof value === "object"
        ? `{${Object.entries(value)
            .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
            .join(",")}}`
        : JSON.stringify(value);
  const sorted = Object.fromEntries(Object.entries(facts).map(([family, rows]) => [family, canonical(rows)]));
  return { villages: facts.villages.length, facts: sorted, byKind };
}

describe("loading a generated dataset", { timeout: 900_000 }, () => {
  execFileSync("npx", ["tsx", "scripts/generate.ts", "--region", TOWN, "--seed", "3", "--out", dataset], {
    cwd: PROJECT_ROOT,
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(dataset, "manifest.json"), "utf8")) as {
    files: Record<string, number>;
  };
  const count = (prefix: string) =>
    Object.entries(manifest.files)
      .filter(([file]) => file.startsWith(prefix))
      .reduce((sum, [, n]) => sum + n, 0);

  let imported: Awaited<ReturnType<typeof fingerprintOf>>;
  let importedReport: Awaited<ReturnType<typeof report>>;
  // The MERGE load runs beside the import, which it is then compared with.
  let merged: Promise<{ method: string; fingerprint: typeof imported; report: typeof importedReport }>;

  it("goes through the import tool into an empty local database, answering with every index online", async () => {
    merged = (async () => {
      const config = await configFor("merged", ownGraphUri("dataset-merge"));
      const load = await openAndLoadDataset(config, dataset, { log: () => {}, day, merge: true });
      open.push(load.database);
      return {
        method: load.method,
        fingerprint: await fingerprintOf(load.database.driver),
        report: await report(load.database, config),
      };
    })();
    merged.catch(() => {}); // awaited by the next test
    const config = await configFor("imported");
    const load = await openAndLoadDataset(config, dataset, { log: () => {}, day });
    open.push(load.database);
    expect(load).toMatchObject({ method: "import", nodes: count("nodes/"), relationships: count("relationships/") });
    const { records } = await load.database.driver.executeQuery(cypher("seed/index-states"));
    expect(records.map((r) => r.get("state"))).toEqual(records.map(() => "ONLINE"));
    imported = await fingerprintOf(load.database.driver);
    expect(imported.fingerprint).toMatchObject({ nodes: count("nodes/"), relationships: count("relationships/") });
    importedReport = await report(load.database, config);
    expect(importedReport.villages).toBe(87);
    expect(Object.keys(importedReport.byKind).length).toBeGreaterThan(3);

    // Loaded again, the database holds data: MERGE, never the import tool; MERGE over the
    // imported graph finds every node and relationship and rewrites every property unchanged.
    await load.database.close();
    open.splice(open.indexOf(load.database), 1);
    const again = await openAndLoadDataset(config, dataset, { log: () => {}, day });
    open.push(again.database);
    expect(again.method).toBe("merge");
    expect(await fingerprintOf(again.database.driver)).toEqual(imported);
  });

  it("gives the graph, property types and coverage report that MERGE gives", async () => {
    const load = await merged;
    expect(load.method).toBe("merge");
    expect(load.fingerprint).toEqual(imported);
    expect(load.report).toEqual(importedReport);
  });
});
