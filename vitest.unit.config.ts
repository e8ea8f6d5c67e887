/**
 * `npm run test:unit`: the tests that need no database, in seconds: every unit test (the *.test.ts
 * files beside the code in src/ and web/app/src/) and the project-wide checks. No Neo4j is started.
 */
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

export const UNIT_TESTS = [
  // unit tests, beside the module each tests
  "src/**/*.test.ts",
  "web/app/src/**/*.test.ts",
  // project-wide checks: no single module
  "tests/import-cycles.test.ts",
  "tests/schema-descriptions.test.ts",
  "tests/schema-file.test.ts",
];

// Spread, not mergeConfig: that would append these lists to the base's instead of replacing them.
export default defineConfig({
  ...base,
  test: { ...base.test, include: UNIT_TESTS, globalSetup: [] },
});
