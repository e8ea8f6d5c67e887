/**
 * The kept analytics by hand:
 *
 *   npm run analytics -- verify    # recompute everything from scratch and list every difference (exit 1 if any)
 *   npm run analytics -- rebuild   # recompute everything kept (read district by district, written in batches)
 *
 * Both use the running local Neo4j when `npm start` runs it (or NEO4J_URI), else start it.
 */
import { CoverageStore } from "../src/coverage/kept/coverage.store.js";
import { runTool } from "../src/database/attach.js";
import { applySchema } from "../src/database/migrations.js";

const command = process.argv[2];
if (command !== "verify" && command !== "rebuild") {
  console.error("usage: npm run analytics -- verify|rebuild");
  process.exit(2);
}
await runTool(
  "Analytics",
  async (database, config) => {
    await applySchema(database.driver);
    const store = new CoverageStore(database.driver, config.rules);
    const started = Date.now();
    if (command === "rebuild") {
      const report = await store.rebuild();
      if (!report) {
        console.log("Another process is rebuilding the kept analytics right now; try again when it has finished.");
        process.exitCode = 1;
      } else {
        console.log(
          `Rebuilt ${report.cells} regions and ${report.councils} councils in ${Date.now() - started} ms (${report.changes} waiting changes absorbed).`,
        );
      }
    } else {
      const problems = await store.verify();
      for (const problem of problems.slice(0, 50)) console.log(problem);
      console.log(
        problems.length === 0
          ? `Verified: what is kept equals a recomputation from scratch (${Date.now() - started} ms).`
          : `${problems.length} difference(s).`,
      );
      process.exitCode = problems.length === 0 ? 0 : 1;
    }
  },
  () => {},
);
