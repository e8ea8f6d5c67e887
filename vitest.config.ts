import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// The run's Neo4j instances are short-lived and see many distinct queries: C2 compiling their hot
// code took 40% of the shared instances' CPU (297 of 751 s in a full run), and a start costs 12 s
// of CPU with C1 alone against 21. C1 alone runs eight query-heavy files in 14% less CPU and 9%
// less time. Spawned commands inherit it (loadConfig).
process.env.NEO4J_JAVA_OPTS ??= "-XX:TieredStopAtLevel=1";

export default defineConfig({
  resolve: {
    // Node (and so the server) loads graphql's CommonJS build for everyone; Vite would hand our
    // sources the .mjs build instead, and two graphql instances cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts", "web/app/src/**/*.test.ts"],
    // type-graphql decorators need the metadata polyfill before any resolver module loads.
    setupFiles: ["reflect-metadata"],
    // Two test files at a time, each worker on a throwaway Neo4j of its own with the sample
    // (Community has one user database): a worker runs its files one after another, and they
    // isolate themselves by data as before. On 2 cores this halves the run; more workers only
    // share the same cores.
    globalSetup: ["tests/global-setup.ts"],
    fileParallelism: true,
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one file to the next: each file importing the
    // platform anew (type-graphql, @neo4j/graphql, Apollo) cost about 2.5 s of CPU, 120 s a run.
    // Files share no module state they rely on: each starts and stops its own platforms.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
