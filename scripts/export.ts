/**
 * Exports the coverage report, the gap list or the layout comparison (2019 against 2023) of a
 * region to .xlsx or .csv (by --out's extension), from the configured Neo4j (NEO4J_URI, else the
 * local Neo4j `npm start` runs, else the embedded one started here):
 *
 *   npm run export -- coverage --region 370285000000 --as-of 2026-11-15 --depth 2 --out coverage.xlsx
 *   npm run export -- gaps --region 370285000000 --kinds NO_WORK_COVERAGE,SHOULD_FORM_OWN_ORG --out gaps.csv
 *   npm run export -- layout --region 370285000000 [--from 2019 --to 2023] --out layout.xlsx
 */
// The services' types carry type-graphql decorators, which need the metadata polyfill first.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runTool } from "../src/database/attach.js";
import { coverageTable, gapsTable, parseExportRequest } from "../src/exchange/coverage-export.js";
import { layoutTable, parseLayoutRequest } from "../src/exchange/layout-export.js";
import { toCsv, toXlsx } from "../src/exchange/tables.js";
import { servicesFactory } from "../src/services.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    region: { type: "string" },
    "as-of": { type: "string" },
    depth: { type: "string" },
    kinds: { type: "string" },
    village: { type: "string" },
    town: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    out: { type: "string" },
  },
});
const report = positionals[0];
const format = path
  .extname(values.out ?? "")
  .slice(1)
  .toLowerCase();
if (!["coverage", "gaps", "layout"].includes(report ?? "") || (format !== "xlsx" && format !== "csv")) {
  console.error(
    "usage: npm run export -- coverage|gaps --region <code> [--as-of yyyy-mm-dd] [--depth n] [--kinds A,B] [--village code] [--town code] --out <file.xlsx|file.csv>\n" +
      "       npm run export -- layout --region <code> [--from 2019] [--to 2023] --out <file.xlsx|file.csv>",
  );
  process.exit(2);
}

await runTool("Export", async (database, config) => {
  const services = servicesFactory(database.driver, config)();
  const table =
    report === "layout"
      ? await layoutTable(
          services,
          parseLayoutRequest({ regionCode: values.region, fromVintage: values.from, toVintage: values.to }),
        )
      : await (report === "coverage" ? coverageTable : gapsTable)(
          services,
          parseExportRequest({
            regionCode: values.region,
            asOf: values["as-of"],
            depth: values.depth,
            kinds: values.kinds,
            villageCode: values.village,
            townCode: values.town,
          }),
        );
  fs.writeFileSync(values.out!, format === "xlsx" ? await toXlsx([table]) : toCsv(table));
  console.log(`${table.rows.length} rows written to ${path.resolve(values.out!)}`);
});
