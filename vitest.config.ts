import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./tests/longest-first-sequencer.js";

const require = createRequire(import.meta.url);

// The Neo4j instances a test file starts for itself live for a minute or two: C1 alone compiles
// their hot code at about half the CPU of a start (12 s against 21), which a 2-core machine running
// two test files at once needs more than C2's faster steady state. Spawned commands inherit it
// (loadConfig); the run's two shared instances keep C2 (tests/global-setup.ts).
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
    sequence: { sequencer: LongestFirstSequencer },
    // A worker keeps the modules it loaded from one file to the next: each file importing the
    // platform anew (type-graphql, @neo4j/graphql, Apollo) cost about 2.5 s of CPU, 120 s a run.
    // Files share no module state they rely on: each starts and stops its own platforms.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
