/**
 * Imports an .xlsx or .csv file (laid out as `npm run template` shows) into the configured
 * Neo4j (NEO4J_URI, else the local Neo4j `npm start` runs, else the embedded one started here),
 * as a local ADMIN named after the OS user:
 *
 *   npm run import -- villages.xlsx
 *   npm run import -- PartyOrganization.csv            # the sheet comes from the file name …
 *   npm run import -- orgs.csv --sheet PartyOrganization --dry-run   # … or from --sheet
 *
 * Prints a progress bar (validation, then writing) and a summary, or the row-level report and
 * exit code 1: a file goes in whole or not at all. Ends with the kept analytics brought current.
 */
// The services' types carry type-graphql decorators, which need the metadata polyfill first.
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openCoverageStore } from "../src/coverage/kept/change-feed.js";
import type { Principal } from "../src/domain/principal.js";
import { runTool } from "../src/database/attach.js";
import { applySchema } from "../src/database/migrations.js";
import type { ImportPhase } from "../src/exchange/import.service.js";
import { csvSheetName, type ImportFormat } from "../src/exchange/workbook.js";
import { servicesFactory } from "../src/services.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sheet: { type: "string" }, "dry-run": { type: "boolean" } },
});
const file = positionals[0];
const format = path
  .extname(file ?? "")
  .slice(1)
  .toLowerCase();
if (!file || (format !== "xlsx" && format !== "csv")) {
  console.error("usage: npm run import -- <file.xlsx|file.csv> [--sheet Name] [--dry-run]");
  process.exit(2);
}

const principal: Principal = { subject: `cli:${os.userInfo().username}`, role: "ADMIN", regions: [] };
let last = 0;
function bar(phase: ImportPhase, done: number, total: number): void {
  if (Date.now() - last < 200 && done < total) return;
  last = Date.now();
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r${phase.padEnd(10)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\n");
}

await runTool("Import", async (database, config) => {
  await applySchema(database.driver);
  const result = await servicesFactory(
    database.driver,
    config,
  )(principal).imports.importFile(fs.readFileSync(file), {
    format: format as ImportFormat,
    sheet: values.sheet ?? csvSheetName(file),
    dryRun: values["dry-run"],
    onProgress: bar,
  });
  if ("errors" in result) {
    console.error(`${file}: nothing imported, ${result.errorCount} problem(s):`);
    for (const e of result.errors)
      console.error(`  ${e.sheet ?? "-"} row ${e.row ?? "-"} ${e.column ?? "-"}: ${e.message}`);
    process.exitCode = 1;
  } else {
    const counts = Object.entries(result.counts)
      .map(([sheet, n]) => `${sheet} ${n}`)
      .join(", ");
    console.log(
      `${file}: ${result.rows} rows ${result.dryRun ? "checked (dry run, nothing written)" : "imported"}: ${counts}`,
    );
    // The import ends with the kept analytics current: its changes applied, or everything
    // rebuilt when they touched more than a rebuild costs.
    if (!result.dryRun) await openCoverageStore(database.driver, config.rules, config.analytics, console.log);
  }
});
