import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node (and so the server) loads graphql's CommonJS build for everyone; Vite would hand our
    // sources the .mjs build instead, and two graphql instances cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // type-graphql decorators need the metadata polyfill before any resolver module loads.
    setupFiles: ["reflect-metadata"],
    // One throwaway Neo4j for the whole run (Community has one user database):
    // test files run one after another and isolate themselves by data.
    globalSetup: ["tests/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
