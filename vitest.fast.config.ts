/**
 * `npm run test:fast`, the inner loop (within 2 minutes): the unit tests and project-wide checks
 * (vitest.unit.config.ts), and two integration tests
 * that cover the API end to end (generated and hand-written reads, the error contract), on the
 * same throwaway Neo4j as `npm test` but without building the web explorer. Most of its time is
 * that Neo4j's start and the sample's load (about a minute). `npm test` runs everything.
 */
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";
import { UNIT_TESTS } from "./vitest.unit.config.js";

// Spread, not mergeConfig: that would append these lists to the base's instead of replacing them.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [...UNIT_TESTS, "tests/platform.test.ts", "tests/api-contract.test.ts"],
    globalSetup: ["tests/global-setup-fast.ts"],
    // One worker, so one Neo4j to start and load: its two integration files are short.
    maxWorkers: 1,
  },
});
