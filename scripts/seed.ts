/**
 * Loads a seed file (default: the sample region, seeds/laixi.json) into the configured Neo4j.
 *
 *   npm run seed                 # the local Neo4j `npm start` runs, else the embedded one started here
 *   NEO4J_URI=bolt://… npm run seed -- seeds/other.json
 *
 * Idempotent: loading the same file twice changes nothing. The sample's dates follow the day it is
 * loaded (its reference date 2026-11-15 becomes today; every date moves by the same whole days),
 * so loading it on a later day moves them again.
 */
import path from "node:path";
import { runTool } from "../src/database/attach.js";
import { applySchema } from "../src/database/migrations.js";
import { loadSeed, readSeedFile, SAMPLE_SEED } from "../src/seed/loader.js";

const file = process.argv[2] ? path.resolve(process.argv[2]) : SAMPLE_SEED;
await runTool(
  "Seed",
  async (database) => {
    await applySchema(database.driver);
    const started = Date.now();
    const summary = await loadSeed(database.driver, readSeedFile(file));
    console.log(
      `${file}: ${summary.nodes} nodes and ${summary.relationships} relationships merged in ${Date.now() - started} ms`,
    );
  },
  console.log,
);
