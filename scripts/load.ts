/**
 * Loads a generated dataset into the configured Neo4j (NEO4J_URI, else the local Neo4j
 * `npm start` runs, else the embedded one started here):
 *
 *   npm run load -- .tmp/datasets/qingdao-1
 *
 * Prints a progress bar and a final summary; safe to interrupt and run again. Ends with a
 * rebuild of the kept analytics (the load's own transactions are not recorded one by one).
 */
import path from "node:path";
import { runTool } from "../src/database/attach.js";
import { applySchema } from "../src/database/migrations.js";
import { CoverageStore } from "../src/analytics/coverage.store.js";
import { bulkLoad } from "../src/seed/bulk-loader.js";

const dir = path.resolve(process.argv[2] ?? "");
await runTool("Load", async (database, config) => {
  await applySchema(database.driver);
  let last = 0;
  const summary = await bulkLoad(database.driver, dir, (done, total, what) => {
    if (Date.now() - last < 500 && done < total) return;
    last = Date.now();
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${((100 * done) / total).toFixed(1)}% ${done}/${total} ${what.padEnd(24)}`,
    );
  });
  process.stderr.write("\n");
  console.log(
    `Loaded ${summary.nodes} nodes and ${summary.relationships} relationships in ${summary.seconds.toFixed(1)} s ` +
      `(${summary.perSecond} per second) from ${dir}`,
  );
  const started = Date.now();
  const rebuilt = await new CoverageStore(database.driver, config.rules).rebuild();
  console.log(
    rebuilt
      ? `Analytics rebuilt: ${rebuilt.cells} regions, ${rebuilt.councils} councils in ${Date.now() - started} ms`
      : "Analytics: another process is rebuilding them.",
  );
});
