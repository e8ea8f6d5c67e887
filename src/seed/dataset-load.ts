/**
 * Loads a generated dataset folder, choosing how (`npm run load`, the benchmark):
 *
 * - into an empty database of the embedded local Neo4j that nothing else runs on: through
 *   Neo4j's import tool (import-csv.ts, database/import-tool.ts), Neo4j stopped meanwhile, then
 *   started again; much faster than MERGE, and safe, since the tool only ever replaces an empty
 *   database (a store that exists is opened and counted first);
 * - into anything else (a database with data, a local Neo4j `npm start` runs, NEO4J_URI: the
 *   tool needs the database's files, which a server elsewhere or in Docker keeps to itself), or
 *   with `merge`: through the MERGE loader (bulk-loader.ts), which never removes anything.
 *
 * Either way the schema is applied and every index is online before it returns, and the time
 * reported runs from reading the files to that point. The caller rebuilds the kept analytics.
 */
import path from "node:path";
import fs from "node:fs";
import type { Config } from "../config.js";
import { openDatabaseForTool, runningLauncher } from "../database/attach.js";
import { openDatabase, type Database } from "../database/database.js";
import { cypher, toNumber } from "../database/cypher.js";
import { importIntoLocal, localStoreExists } from "../database/import-tool.js";
import { applySchema } from "../database/migrations.js";
import { today } from "../domain/dates.js";
import { bulkLoad, type Progress } from "./bulk-loader.js";
import { writeImportCsv } from "./import-csv.js";

export interface DatasetLoadOptions {
  log?: (line: string) => void;
  progress?: Progress;
  /** Load through MERGE even into an empty local database. */
  merge?: boolean;
  /** Leave a database that holds data as it is (the benchmark reuses its loaded database). */
  onlyIfEmpty?: boolean;
  /** The day of loading, which a dataset's dates follow (shiftToLoadDay). */
  day?: string;
}

export interface DatasetLoad {
  database: Database;
  /** "import": Neo4j's import tool; "merge": the MERGE loader; "none": the database held data (onlyIfEmpty). */
  method: "import" | "merge" | "none";
  nodes: number;
  relationships: number;
  /** From reading the files to a database answering with every index online. */
  seconds: number;
  perSecond: number;
}

async function isEmpty(database: Database): Promise<boolean> {
  const { records } = await database.driver.executeQuery(cypher("seed/node-count"));
  return toNumber(records[0]?.get("nodes")) === 0;
}

export async function openAndLoadDataset(
  config: Config,
  dir: string,
  options: DatasetLoadOptions = {},
): Promise<DatasetLoad> {
  const log = options.log ?? console.error;
  const day = options.day ?? today();
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const done = (database: Database, method: DatasetLoad["method"], nodes: number, relationships: number) => {
    const seconds = (Date.now() - started) / 1000;
    return {
      database,
      method,
      nodes,
      relationships,
      seconds,
      perSecond: Math.round((nodes + relationships) / seconds),
    };
  };
  const ownsLocal = !config.neo4jUri && runningLauncher(config.local.home) === undefined;
  if (!(ownsLocal && !options.merge && !localStoreExists(config.local))) {
    const database = await openDatabaseForTool(config, log);
    try {
      await applySchema(database.driver);
      const empty = await isEmpty(database);
      if (!empty && options.onlyIfEmpty) return done(database, "none", 0, 0);
      if (!empty || options.merge || !database.local) {
        if (empty && !options.merge)
          log(
            `The database at ${database.uri} is empty but not this process's to stop (NEO4J_URI or a running platform): ` +
              `Neo4j's import tool needs its files, so loading through MERGE.`,
          );
        const merged = await bulkLoad(database.driver, dir, options.progress, undefined, undefined, day);
        return done(database, "merge", merged.nodes, merged.relationships);
      }
    } catch (error) {
      await database.close();
      throw error;
    }
    await database.close();
  }
  // The CSV files sit beside the store (same disk, removed after).
  fs.mkdirSync(config.local.home, { recursive: true });
  const csvDir = fs.mkdtempSync(path.join(config.local.home, "import-"));
  let counts;
  try {
    counts = await writeImportCsv(dir, csvDir, day);
    log(`Dataset written as import-tool CSV after ${elapsed()}; importing…`);
    await importIntoLocal(config.local, counts.files, log);
    log(`Import tool done after ${elapsed()}; starting Neo4j…`);
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
  const database = await openDatabase(config, log);
  try {
    log(`Neo4j up after ${elapsed()}; applying the schema, waiting for the indexes…`);
    await applySchema(database.driver);
  } catch (error) {
    await database.close();
    throw error;
  }
  return done(database, "import", counts.nodes, counts.relationships);
}
