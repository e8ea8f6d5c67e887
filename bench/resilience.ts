/**
 * Load test of the secured API, and of its survival when Neo4j crashes under that load:
 *
 *   npm run loadtest [-- --connections 20 --seconds 30]
 *
 * Runs its own Neo4j (.neo4j/loadtest, the sample region) and the API in production mode as a
 * child process. A mix of tokens (a district ANALYST, a town EDITOR, a town PLANNER, a VIEWER)
 * sends reports, gap lists, networks, generated queries and audited writes.
 * 1. Steady: the mix for S seconds (after a 5 s warm-up).
 * 2. Crash: the same, while Neo4j is killed (SIGKILL) a third of the way in and started again;
 *    it reports what the clients saw (UNAVAILABLE answers, no other errors) and how long after
 *    Neo4j was back the API answered again, without a restart.
 * Prints the figures and writes bench/results/resilience.md.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { mintToken } from "../src/auth/tokens.js";
import { spawnApi } from "./api-process.js";
import { PROJECT_ROOT, localJavaOptions } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { startLocalNeo4j, type LocalNeo4j } from "../src/database/local-neo4j.js";
import { applySchema } from "../src/database/migrations.js";
import { seedIfEmpty } from "../src/seed/loader.js";
import { freePort } from "../scripts/free-port.js";

const { values } = parseArgs({
  options: { connections: { type: "string", default: "20" }, seconds: { type: "string", default: "30" } },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const SECRET = "load-test-secret-of-a-throwaway-api-0123456789";
// Production refuses a default Neo4j password; this throwaway Neo4j checks none, so any will do.
const NEO4J_PASSWORD = "load-test-password-of-a-throwaway-neo4j";
const DISTRICT = "370285000000";
const TOWN = "370285107000";
const lines: string[] = [];
const say = (line = "") => {
  console.log(line);
  lines.push(line);
};

const home = path.join(PROJECT_ROOT, ".neo4j", "loadtest");
const boltPort = await freePort();
const startDatabase = () =>
  startLocalNeo4j(
    { home, boltPort, heap: "1g", pageCacheMb: 256, transactionTimeoutMs: 30_000, javaOptions: localJavaOptions() },
    () => {},
  );
let database: LocalNeo4j = await startDatabase();
const driver = await connect({ uri: database.uri, user: "neo4j", password: "neo4j" });
await applySchema(driver);
await seedIfEmpty(driver);
await driver.close();

const port = await freePort();
const api = spawnApi({
  env: {
    ...process.env,
    NEO4J_URI: database.uri,
    PORT: String(port),
    SEED_IF_EMPTY: "false",
    NODE_ENV: "production",
    AUTH_JWT_SECRET: SECRET,
    NEO4J_PASSWORD,
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) =>
  api.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("GraphQL API at") && resolve()),
);
const url = `http://127.0.0.1:${port}/graphql`;

try {
  const token = (role: "ANALYST" | "EDITOR" | "PLANNER" | "VIEWER", regions: string[]) =>
    mintToken(SECRET, { subject: `load-${role.toLowerCase()}`, role, regions });
  const [analyst, editor, planner, viewer] = await Promise.all([
    token("ANALYST", [DISTRICT]),
    token("EDITOR", [TOWN]),
    token("PLANNER", [TOWN]),
    token("VIEWER", [DISTRICT]),
  ]);
  const request = (query: string, variables: Record<string, unknown>, bearer: string) => ({
    body: JSON.stringify({ query, variables }),
    token: bearer,
  });
  const mix = [
    request(
      `query($c: String!) { coverageReport(regionCode: $c, depth: 1) { villages { total chainComplete } children { region { code } } } }`,
      { c: DISTRICT },
      analyst,
    ),
    request(
      `query($c: String!) { coverageGaps(regionCode: $c, first: 20) { totalCount edges { node { kind subjectId } } } }`,
      { c: TOWN },
      analyst,
    ),
    request(
      `query($c: String!) { pairingNetwork(regionCode: $c) { nodes { id } edges { id } } }`,
      { c: TOWN },
      planner,
    ),
    request(`query { regions(where: {level: {eq: VILLAGE}}, limit: 50) { code name parent { code } } }`, {}, editor),
    request(
      `query($c: String!) { coverageReport(regionCode: $c, depth: 0) { twoNew { orgCoverageRate } } }`,
      { c: DISTRICT },
      viewer,
    ),
  ];
  // The writer: two audited generated updates that change a village's collective income back and
  // forth, so that every one commits a real change (the kept analytics must apply it).
  const writes = [12.5, 13.5].map((income) =>
    request(
      `mutation($c: String!, $i: Float!) { updateRegions(where: {code: {eq: $c}}, update: {collectiveIncome: {set: $i}}) { regions { code } } }`,
      { c: "370285107201", i: income },
      editor,
    ),
  );
  mix.splice(3, 0, writes[0]!);
  mix.push(writes[1]!);
  const load = (duration: number) =>
    new Promise<Record<string, any>>((resolve) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "bench/load.ts", url, String(connections), String(duration), JSON.stringify(mix)],
        { cwd: PROJECT_ROOT },
      );
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.on("exit", () => resolve(JSON.parse(out.trim().split("\n").at(-1)!)));
    });
  const row = (phase: string, r: Record<string, any>) =>
    say(
      `| ${phase} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${JSON.stringify(r.graphqlErrors)} |`,
    );

  say(`# Load and crash test, ${new Date().toISOString().slice(0, 10)}`);
  say();
  say(
    `Machine: ${spawnSync("nproc").stdout.toString().trim()} cores. Sample region, API in production mode, ${connections} connections, ${seconds} s per phase.`,
  );
  say(
    "Mix: district report (ANALYST), town gaps (ANALYST), town network (PLANNER), 50 villages via the generated API (EDITOR), district report depth 0 (VIEWER), and a writer: audited generated updates of a village's collective income (EDITOR).",
  );
  say(
    `The writer's share of the mix: ${writes.length} of ${mix.length} requests (${((100 * writes.length) / mix.length).toFixed(0)}%), each a committed change.`,
  );
  say();
  say(
    "| phase | requests | requests/s | p50 (ms) | p99 (ms) | connection errors | non-2xx | responses with GraphQL errors, by code |",
  );
  say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  await load(5); // warm-up: plans compiled, pages cached
  row("steady", await load(seconds));

  const crashed = load(seconds);
  await new Promise((r) => setTimeout(r, (seconds * 1000) / 3));
  process.kill(database.pid, "SIGKILL");
  await database.stop();
  const down = Date.now();
  database = await startDatabase();
  const back = Date.now();
  let recoveredAfter = -1;
  for (let waited = 0; recoveredAfter < 0 && waited < 30_000; waited += 100) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ query: "{ regions(limit: 1) { code } }" }),
    });
    const body = (await response.json()) as { errors?: unknown };
    const health = await fetch(`${url.replace("/graphql", "")}/health`);
    if (!body.errors && health.ok) recoveredAfter = Date.now() - back;
    else await new Promise((r) => setTimeout(r, 100));
  }
  row("Neo4j killed and restarted", await crashed);
  say();
  say(
    `Neo4j was down for ${((back - down) / 1000).toFixed(1)} s (kill to ready); the same API process answered again ${recoveredAfter} ms after Neo4j was ready, with no restart.`,
  );
  const status = fs.readFileSync(`/proc/${api.pid}/status`, "utf8");
  say(`API peak memory (VmHWM): ${Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024)} MB.`);
  fs.mkdirSync(path.join(PROJECT_ROOT, "bench", "results"), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, "bench", "results", "resilience.md"), `${lines.join("\n")}\n`);
} finally {
  api.kill("SIGTERM");
  await database.stop();
}
