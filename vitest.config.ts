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
    // Two test files at a time, each worker on a throwaway Neo4j of its own with the sample
    // (Community has one user database): a worker runs its files one after another, and they
    // isolate themselves by data as before. On 2 cores this halves the run; more workers only
    // share the same cores.
    globalSetup: ["tests/global-setup.ts"],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
