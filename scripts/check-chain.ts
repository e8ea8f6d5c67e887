/**
 * Checks DOMAIN.md's chain invariant (Additions, "Chain gaps") on whatever the configured Neo4j
 * holds (NEO4J_URI, else the local Neo4j `npm start` runs, else the embedded one): every ACTIVE village in the region whose organization
 * chain is incomplete has a chain gap on itself or on a grid below it.
 *
 *   npx tsx scripts/check-chain.ts [--region 370200000000] [--as-of yyyy-mm-dd]
 *
 * Prints the villages, the incomplete ones, the chain gaps by kind and every violation; exits 1
 * when there is one. The rules and facts are the coverage service's own (src/coverage).
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { readFacts } from "../src/coverage/coverage.facts.js";
import { chainBreaks } from "../src/coverage/coverage.rules.js";
import { runTool } from "../src/database/attach.js";
import { today } from "../src/domain/dates.js";
import { servicesFactory } from "../src/services.js";

const CHAIN_KINDS = [
  "VILLAGE_WITHOUT_PARTY_ORG",
  "VILLAGE_ORG_DETACHED",
  "VILLAGE_WITHOUT_GRID",
  "GRID_WITHOUT_PARTY_ORG",
  "GRID_ORG_DETACHED",
  "GRID_WITHOUT_CENTRAL_HOUSEHOLD",
] as const;

const { values } = parseArgs({ options: { region: { type: "string" }, "as-of": { type: "string" } } });
const regionCode = values.region ?? "370200000000";
const asOf = values["as-of"] ?? today();

await runTool("Chain check", async (database, config) => {
  const { graph, coverage } = servicesFactory(database.driver, config)();
  const { villages } = await readFacts((name, params) => graph.read(name, params), config.rules, {
    regionCode,
    asOf,
    families: new Set(["villages"]),
  });

  const gaps = await coverage.gapList(regionCode, [...CHAIN_KINDS], asOf);
  const withGap = new Set(gaps.map((gap) => gap.villageCode));
  const incomplete = villages.filter((village) => chainBreaks(village).length > 0);
  const violations = incomplete.filter((village) => !withGap.has(village.code));
  const byKind = Object.fromEntries(CHAIN_KINDS.map((kind) => [kind, gaps.filter((gap) => gap.kind === kind).length]));
  console.log(
    JSON.stringify({
      regionCode,
      asOf,
      villages: villages.length,
      incomplete: incomplete.length,
      chainGaps: byKind,
      violations: violations.length,
    }),
  );
  for (const village of violations)
    console.log(
      `${village.code} ${village.name}: ${chainBreaks(village)
        .map((b) => b.en)
        .join("; ")} — and no chain gap`,
    );
  process.exitCode = violations.length ? 1 : 0;
});
