/**
 * Loads a generated dataset into the configured Neo4j (NEO4J_URI, else the local Neo4j
 * `npm start` runs, else the embedded one started here):
 *
 *   npm run load -- .tmp/datasets/qingdao-1 [--merge]
 *
 * Into an empty embedded database it goes through Neo4j's import tool; otherwise (or with
 * --merge) through MERGE, with a progress bar, safe to interrupt and run again (see
 * src/seed/dataset-load.ts). Prints the rate from the files to a database answering with its
 * indexes online, then rebuilds the kept analytics (a load's writes are not recorded one by one).
 */
import path from "node:path";
import { runTool } from "../src/database/attach.js";
import { rebuildAfterBulkWrite } from "../src/coverage/kept/coverage.store.js";
import { openAndLoadDataset, type DatasetLoad } from "../src/seed/dataset-load.js";

const dir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "");
let loaded: DatasetLoad | undefined;
let last = 0;
const progress = (done: number, total: number, what: string) => {
  if (Date.now() - last < 500 && done < total) return;
  last = Date.now();
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${((100 * done) / total).toFixed(1)}% ${done}/${total} ${what.padEnd(24)}`,
  );
  if (done === total) process.stderr.write("\n");
};
await runTool(
  "Load",
  async (database, config) => {
    const { method, nodes, relationships, seconds, perSecond } = loaded!;
    console.log(
      `Loaded ${nodes} nodes and ${relationships} relationships ${method === "import" ? "through Neo4j's import tool" : "through MERGE"} ` +
        `in ${seconds.toFixed(1)} s, files to indexes online (${perSecond} per second), from ${dir}`,
    );
    console.log(await rebuildAfterBulkWrite(database.driver, config.rules));
  },
  console.error,
  async (config, log) => {
    loaded = await openAndLoadDataset(config, dir, { log, progress, merge: process.argv.includes("--merge") });
    return loaded.database;
  },
);
