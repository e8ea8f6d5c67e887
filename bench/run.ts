/**
 * Benchmark: our HTTP GraphQL endpoint against the floor (the same Cypher through the driver),
 * the naive rollup, and sustained load from a second process.
 *
 *   npm run bench -- --scale laixi|qingdao [--seed 1] [--iterations 20] [--seconds 15]
 *
 * It generates the dataset if needed (.tmp/datasets/<scale>-<seed>), runs its own Neo4j in
 * .neo4j/bench-<scale> (or uses NEO4J_URI), bulk-loads it when empty, starts the API as a
 * child process, measures, and writes bench/results/<scale>.md.
 *
 * The layout section (issue 14) compares suggestMerges with Laixi's real layout adjustment: for
 * every town of the official 2019/2023 lists of Laixi (370285), matched by code to the graph's
 * towns, the real 2023 count of villages (村), the count suggestMerges reaches with it as
 * targetVillages, and the count it suggests by default. It records both vintages (from the shipped
 * lists, as data of their own) when they are missing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { spawnApi } from "./api-process.js";
import { PROJECT_ROOT, loadConfig } from "../src/config.js";
import { cypher } from "../src/database/cypher.js";
import { neo4jDate, today, yearsBefore } from "../src/domain/dates.js";
import { CoverageStore } from "../src/coverage/kept/coverage.store.js";
import { openAndLoadDataset } from "../src/seed/dataset-load.js";
import { freePort } from "../scripts/free-port.js";
import { mintToken } from "../src/auth/tokens.js";
import { graphFor } from "../src/audit/audit.js";
import { DivisionImportService } from "../src/divisions/division-import.service.js";
import { significantPrefix } from "../src/domain/region-code.js";

/** The benchmark's API checks tokens signed with this secret; the benchmark mints an ADMIN one. */
const BENCH_SECRET = "benchmark-secret-of-a-throwaway-api-0123456789";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const scale = arg("scale", "laixi");
const seed = arg("seed", "1");
const iterations = Number(arg("iterations", "20"));
const loadSeconds = Number(arg("seconds", "15"));
const SECTIONS = ["queries", "rollup", "write", "sustained", "layout"];
/** --only sustained,write: run some sections (queries, rollup, write, sustained, layout); all by default. */
const only = new Set(arg("only", SECTIONS.join(",")).split(","));
const dataset = path.join(PROJECT_ROOT, ".tmp", "datasets", `${scale}-${seed}`);
const lines: string[] = [];
const say = (line = "") => {
  console.log(line);
  lines.push(line);
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
/** Times `run` after 2 warm-ups; `before` (untimed) runs ahead of each run. */
async function timeIt(run: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i += 1) await run(); // warm-up: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    await before?.();
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
/** The result, or what stopped it (a transaction past the server's limit), said briefly for the table. */
async function attempt<T>(run: () => Promise<T>): Promise<T | string> {
  try {
    return await run();
  } catch (error) {
    const message = (error as Error).message;
    return /timeout|terminated|TransactionTimedOut/i.test(message)
      ? "stopped at the transaction limit"
      : `failed: ${message.slice(0, 80)}`;
  }
}
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

// ------------------------------------------------------------------------------------------
if (!fs.existsSync(path.join(dataset, "manifest.json"))) {
  spawnSync("npx", ["tsx", "scripts/generate.ts", "--scale", scale, "--seed", seed], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
}
const config = loadConfig({
  ...process.env,
  NEO4J_HOME: process.env.NEO4J_HOME ?? `.neo4j/bench-${scale}`,
  NEO4J_BOLT_PORT: process.env.NEO4J_BOLT_PORT ?? String(await freePort()),
  NEO4J_HEAP: process.env.NEO4J_HEAP ?? "3g",
  NEO4J_PAGECACHE_MB: process.env.NEO4J_PAGECACHE_MB ?? "2048",
});
const loaded = await openAndLoadDataset(config, dataset, { onlyIfEmpty: true });
const database = loaded.database;
const driver: Driver = database.driver;
let api: ChildProcess | undefined;
try {
  say(`# Benchmark: ${scale} scale (seed ${seed}), ${today()}`);
  say();
  say(
    `Machine: ${spawnSync("nproc").stdout.toString().trim()} cores; Neo4j heap ${config.local.heap}, page cache ${config.local.pageCacheMb} MB, transaction limit ${config.local.transactionTimeoutMs / 1000} s; ${iterations} timed runs per query after 2 warm-ups.`,
  );
  if (loaded.method !== "none") {
    say(
      `Loaded ${loaded.nodes} nodes + ${loaded.relationships} relationships ${loaded.method === "import" ? "through Neo4j's import tool" : "through MERGE"} in ${loaded.seconds.toFixed(1)} s, files to indexes online: **${loaded.perSecond} per second** (load average ${loadAverage()}).`,
    );
  }
  const rebuildStarted = Date.now();
  const rebuilt = await new CoverageStore(driver, config.rules).rebuild();
  say(
    `Kept analytics rebuilt from scratch (${rebuilt?.cells} regions, ${rebuilt?.councils} councils) in ${((Date.now() - rebuildStarted) / 1000).toFixed(1)} s.`,
  );
  say();

  // Reference subjects of the dataset.
  const pick = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params)).records.map((r) => r.toObject());
  const [city] = await pick("MATCH (c:Region {level: 'CITY'}) RETURN c.code AS code ORDER BY code LIMIT 1");
  const [district] = await pick(cypher("bench/district"), { cityCode: city!.code });
  const [province] = await pick(cypher("bench/province"));
  const towns = await pick(
    "MATCH (t:Region {level: 'TOWN'})<-[:PART_OF]-(v:Region {level: 'VILLAGE', status: 'ACTIVE'}) RETURN t.code AS code, count(v) AS villages ORDER BY villages DESC, code",
  );
  const town = towns[Math.floor(towns.length / 2)]!;
  const largestTown = towns[0]!;
  const largestTownVillages = (
    await pick(
      "MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(:Region {code: $t}) RETURN v.code AS code ORDER BY code",
      { t: largestTown.code },
    )
  ).map((r) => r.code as string);
  const tenVillages = (
    await pick(
      "MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(:Region {code: $t}) RETURN v.code AS code ORDER BY code LIMIT 10",
      { t: largestTown.code },
    )
  ).map((r) => r.code as string);

  // The API, as its own process, against the same Neo4j.
  const port = await freePort();
  api = spawnApi({
    env: {
      ...process.env,
      NEO4J_URI: database.uri,
      PORT: String(port),
      SEED_IF_EMPTY: "false",
      NODE_ENV: "production",
      AUTH_JWT_SECRET: BENCH_SECRET,
      // Production refuses a default Neo4j password; the benchmark's own Neo4j checks none.
      NEO4J_PASSWORD: "benchmark-password-of-a-throwaway-neo4j",
      // The nested query asks for up to 1000 towns × 1000 villages: measured here, refused by the default limit.
      LIMIT_QUERY_COMPLEXITY: "100000000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) =>
    api!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("GraphQL API at") && resolve()),
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const token = await mintToken(BENCH_SECRET, { subject: "bench", role: "ADMIN" });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
  const facts = (regionCode: string) => {
    const asOf = today();
    return { regionCode, exact: false, asOf: neo4jDate(asOf), recruitedSince: neo4jDate(yearsBefore(asOf, 2)) };
  };
  // As the API runs them for an ADMIN: no region scope.
  const read = (file: string, params: Record<string, unknown>) =>
    driver.executeQuery(cypher(file), { scope: null, ...params }, { routing: neo4j.routing.READ });
  const FACT_FILES = [
    "coverage/two-new-facts",
    "coverage/village-facts",
    "coverage/grid-facts",
    "coverage/town-facts",
    "coverage/council-facts",
    "coverage/org-life-facts",
  ];
  const reportFloor = (code: string, depth: number) => () =>
    Promise.all([
      read("region/region", { regionCode: code }),
      ...(depth ? [read("coverage/scope-regions", { regionCode: code, maxDepth: depth })] : []),
      ...FACT_FILES.map((f) => read(f, facts(code))),
    ]);
  const REPORT = `query ($code: String!, $depth: Int) { coverageReport(regionCode: $code, depth: $depth) { region { code } twoNew { total orgCoverageRate } villages { total chainComplete } gapCounts { kind count } children { region { code } villages { total } gapCounts { kind count } children { region { code } villages { total } } } } }`;
  const NETWORK = `query ($code: String!) { pairingNetwork(regionCode: $code) { truncated nodes { id type } edges { id } stats { pairings components } } }`;
  const networkFloor = (code: string, ids: string[]) => () => {
    const params = {
      regionCode: code,
      kinds: null,
      includeEnded: false,
      limit: neo4j.int(config.networkMaxNodes + 1),
      touching: null,
    };
    return Promise.all([
      read("region/region", params),
      read("pairing/network-pairings", params),
      read("pairing/network-councils", params),
      read("coverage/village-facts", facts(code)),
      read("pairing/network-structure", { ids, regionCode: code }),
    ]);
  };
  const townNetwork = await gql(NETWORK, { code: town.code });
  const districtNetwork = await gql(NETWORK, { code: district!.code });
  const orgs = districtNetwork.pairingNetwork.nodes
    .filter((n: { type: string }) => n.type === "PARTY_ORGANIZATION")
    .map((n: { id: string }) => n.id);
  const [fromId, toId] = [orgs[0], orgs[orgs.length - 1]];
  const NESTED = `query ($district: String!) { regions(where: { level: { eq: TOWN }, parent: { some: { code: { eq: $district } } } }, limit: 1000) {
    code name children(where: { level: { eq: VILLAGE }, status: { eq: ACTIVE } }, limit: 1000) { code name partyOrganizations(where: { category: { eq: VILLAGE } }) { name formalMemberCount } } } }`;
  const simulation = { townCode: largestTown.code, groups: [{ name: "基准新村", villageCodes: tenVillages }] };

  // Each coverage answer and network is timed right after a write (committed before every run,
  // untimed, through the driver like any other client: the kept analytics apply it first) and
  // with nothing written since. Coverage writes go to one village (a different one each time),
  // network writes to one pairing.
  const villageCodes = (
    await pick("MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'}) RETURN v.code AS code ORDER BY code")
  ).map((r) => r.code as string);
  let ticks = 0;
  const villageWrite = () =>
    driver.executeQuery(cypher("bench/village-write"), { code: villageCodes[(ticks += 7919) % villageCodes.length] });
  const pairingIds = (
    await pick(
      "MATCH (p:Pairing)<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $d}) RETURN DISTINCT p.id AS id ORDER BY id",
      { d: district!.code },
    )
  ).map((r) => r.id as string);
  const pairingWrite = () =>
    driver.executeQuery(cypher("bench/pairing-write"), { id: pairingIds[(ticks += 1) % pairingIds.length] });
  const provinceRows = province
    ? [
        {
          name: `coverage report, province depth 1 (${province.cities} cities)`,
          write: villageWrite,
          ours: () => gql(REPORT, { code: province.code, depth: 1 }),
          floor: reportFloor(province.code as string, 1),
        },
        {
          name: "coverage gaps, province, first page",
          write: villageWrite,
          ours: () =>
            gql(
              `query ($code: String!) { coverageGaps(regionCode: $code, first: 50) { totalCount edges { node { kind subjectId reason } } } }`,
              { code: province.code },
            ),
        },
      ]
    : [];
  const remembered: Array<{
    name: string;
    write: () => Promise<unknown>;
    ours: () => Promise<unknown>;
    floor?: () => Promise<unknown>;
  }> = [
    ...provinceRows,
    {
      name: "coverage report, city depth 1",
      write: villageWrite,
      ours: () => gql(REPORT, { code: city!.code, depth: 1 }),
      floor: reportFloor(city!.code, 1),
    },
    {
      name: "coverage report, district depth 2",
      write: villageWrite,
      ours: () => gql(REPORT, { code: district!.code, depth: 2 }),
      floor: reportFloor(district!.code, 2),
    },
    {
      name: "coverage gaps, city, first page",
      write: villageWrite,
      ours: () =>
        gql(
          `query ($code: String!) { coverageGaps(regionCode: $code, first: 50) { totalCount edges { node { kind subjectId reason } } } }`,
          { code: city!.code },
        ),
      floor: () =>
        Promise.all([
          read("region/region", { regionCode: city!.code }),
          ...FACT_FILES.map((f) => read(f, facts(city!.code))),
        ]),
    },
    {
      name: `pairing network, town (${townNetwork.pairingNetwork.nodes.length} nodes)`,
      write: pairingWrite,
      ours: () => gql(NETWORK, { code: town.code }),
      floor: networkFloor(
        town.code,
        townNetwork.pairingNetwork.nodes.map((n: { id: string }) => n.id),
      ),
    },
    {
      name: `pairing network, district (${districtNetwork.pairingNetwork.nodes.length} nodes)`,
      write: pairingWrite,
      ours: () => gql(NETWORK, { code: district!.code }),
      floor: networkFloor(
        district!.code,
        districtNetwork.pairingNetwork.nodes.map((n: { id: string }) => n.id),
      ),
    },
  ];
  const mix: Array<{
    name: string;
    ours: () => Promise<unknown>;
    floor?: () => Promise<unknown>;
    before?: () => Promise<unknown>;
  }> = [
    ...remembered.map((q) => ({ ...q, name: `${q.name}, after a write`, before: q.write })),
    ...remembered.map((q) => ({ ...q, name: `${q.name}, nothing written` })),
    {
      name: "connection path",
      ours: () =>
        gql(
          `query ($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b, maxHops: 8) { found hops nodes { id } } }`,
          { a: fromId, b: toId },
        ),
      floor: () =>
        Promise.all([
          read("pairing/known-organizations", { ids: [fromId, toId] }),
          read("pairing/connection-path", { fromId, toId, maxHops: neo4j.int(8) }),
        ]),
    },
    {
      name: "simulate a 10-village merge",
      ours: () =>
        gql(
          `query ($input: MergeInput!) { simulateMerge(input: $input) { groups { population formalMembers warnings { code } } town { villagesAfter gapsAfter { kind count } } } }`,
          { input: simulation },
        ),
    },
    {
      name: `suggest merges, town of ${largestTown.villages} villages`,
      ours: () =>
        gql(`query ($t: String!) { suggestMerges(townCode: $t) { groups { villageCodes } leftAlone } }`, {
          t: largestTown.code,
        }),
      floor: () => read("planning/villages", { townCode: largestTown.code, codes: largestTownVillages }),
    },
    {
      name: "nested generated query (towns → villages → orgs with member counts)",
      ours: () => gql(NESTED, { district: district!.code }),
      floor: () => read("bench/nested-floor", { districtCode: district!.code }),
    },
  ];

  if (only.has("queries")) say("| query | ours p50 | p95 | p99 (ms) | floor p50 (ms) | ours / floor |");
  if (only.has("queries")) say("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const q of only.has("queries") ? mix : []) {
    const ours = await attempt(() => timeIt(q.ours, q.before));
    const floor = q.floor ? await attempt(() => timeIt(q.floor!, q.before)) : null;
    if (typeof ours === "string") {
      say(`| ${q.name} | ${ours} | | | ${Array.isArray(floor) ? fmt(percentile(floor, 50)) : (floor ?? "–")} | – |`);
      continue;
    }
    const ratio = Array.isArray(floor) ? (percentile(ours, 50) / percentile(floor, 50)).toFixed(2) : "–";
    say(
      `| ${q.name} | ${fmt(percentile(ours, 50))} | ${fmt(percentile(ours, 95))} | ${fmt(percentile(ours, 99))} | ${Array.isArray(floor) ? fmt(percentile(floor, 50)) : (floor ?? "–")} | ${ratio} |`,
    );
  }

  // The naive rollup: one coverage query per region of the report, no batching; both fresh.
  if (only.has("rollup")) {
    const children = (await gql(REPORT, { code: city!.code, depth: 1 })).coverageReport.children.map(
      (c: { region: { code: string } }) => c.region.code,
    );
    const naive = await timeIt(async () => {
      for (const code of [city!.code, ...children]) await gql(REPORT, { code, depth: 0 });
    }, villageWrite);
    const ours = await timeIt(() => gql(REPORT, { code: city!.code, depth: 1 }), villageWrite);
    say();
    say(
      `Rollup, city at depth 1 (${children.length} children), after a write: naive one-query-per-region p50 ${fmt(percentile(naive, 50))} ms vs ours ${fmt(percentile(ours, 50))} ms: **${(percentile(naive, 50) / percentile(ours, 50)).toFixed(1)}× faster**.`,
    );
  }

  // What keeping the analytics current adds to a write: the same one-village write with the change
  // feed recording it and with the feed told to skip it (a bulk load's metadata).
  if (only.has("write")) {
    const recorded = await timeIt(villageWrite);
    const skipped = await timeIt(() =>
      driver.executeQuery(
        cypher("bench/village-write"),
        { code: villageCodes[(ticks += 7919) % villageCodes.length] },
        { transactionConfig: { metadata: { analytics: "rebuild" } } },
      ),
    );
    await new CoverageStore(driver, config.rules).rebuild();
    say();
    say(
      `A one-village write: p50 ${fmt(percentile(recorded, 50))} ms with the change feed recording it, ${fmt(percentile(skipped, 50))} ms without: the feed adds **${fmt(percentile(recorded, 50) - percentile(skipped, 50))} ms**. Applying it to the kept answers is paid by the next reader (the "after a write" rows).`,
    );
    // A past date is computed from scratch: its cost.
    const pastDay = neo4jDate(yearsBefore(today(), 1)).toString();
    const past = await timeIt(
      () =>
        gql(
          `query ($code: String!, $asOf: Date) { coverageReport(regionCode: $code, depth: 1, asOf: $asOf) { region { code } gapCounts { kind count } } }`,
          { code: city!.code, asOf: pastDay },
        ),
      villageWrite,
    );
    say(
      `City report at depth 1 for a past asOf (${pastDay}), computed from scratch after a write: p50 ${fmt(percentile(past, 50))} ms.`,
    );
    if (province) {
      // Once: from scratch, the whole province may meet the transaction limit.
      await villageWrite();
      const started = performance.now();
      const fresh = await attempt(() =>
        gql(
          `query ($code: String!, $asOf: Date) { coverageReport(regionCode: $code, depth: 1, asOf: $asOf) { region { code } gapCounts { kind count } } }`,
          { code: province.code, asOf: pastDay },
        ),
      );
      say(
        `Province report at depth 1 for a past asOf, computed from scratch after a write (once): ${typeof fresh === "string" ? fresh : `${fmt(performance.now() - started)} ms`}.`,
      );
    }
  }

  // Sustained load from a second process.
  if (only.has("sustained")) {
    say();
    say(
      `Sustained load (autocannon, ${loadSeconds} s each) on a read mix of random towns: town report depth 1, town gaps first page, town network; with a writer, the benchmark commits one-village writes to random towns meanwhile.`,
    );
    say();
    say("| connections | writer | reads/s | p50 (ms) | p99 (ms) | errors | non-2xx | writes/s (share of the mix) |");
    say("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    const mixTowns = towns.filter((_, i) => i % Math.max(1, Math.floor(towns.length / 30)) === 0).slice(0, 30);
    const bodies = mixTowns
      .flatMap((t) => [
        { query: REPORT, variables: { code: t.code, depth: 1 } },
        {
          query: `query ($code: String!) { coverageGaps(regionCode: $code, first: 20) { totalCount edges { node { kind subjectId } } } }`,
          variables: { code: t.code },
        },
        { query: NETWORK, variables: { code: t.code } },
      ])
      .map((b) => ({ body: JSON.stringify(b), token }));
    for (const [connections, writesPerSecond] of [
      [10, 0],
      [20, 0],
      [20, 5],
      [50, 5],
    ] as const) {
      const load = new Promise<{ stdout: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "bench/load.ts", url, String(connections), String(loadSeconds), JSON.stringify(bodies)],
          { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] },
        );
        let stdout = "";
        child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.once("exit", () => resolve({ stdout }));
      });
      // The writer: one-village writes at a steady rate until the load ends.
      let writes = 0;
      let writing = writesPerSecond > 0;
      const writer = (async () => {
        const started = Date.now();
        while (writing) {
          await villageWrite();
          writes += 1;
          const due = started + (writes * 1000) / writesPerSecond;
          await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
        }
      })();
      const result = JSON.parse((await load).stdout.trim().split("\n").at(-1)!);
      writing = false;
      await writer;
      const rate = writes / loadSeconds;
      const share = writes ? ` (${((100 * writes) / (writes + result.requests)).toFixed(1)}%)` : "";
      say(
        `| ${connections} | ${writesPerSecond ? `${writesPerSecond}/s` : "none"} | ${result.rps} | ${result.p50} | ${result.p99} | ${result.errors} | ${result.non2xx} | ${rate.toFixed(1)}${share} |`,
      );
    }
  }
  // Laixi's real layout adjustment against suggestMerges, town by town (matched by code).
  if (only.has("layout")) {
    const LAIXI = "370285000000";
    const years = [2019, 2023];
    const admin = graphFor(driver, { subject: "bench", role: "ADMIN", regions: [] });
    const comparison = () =>
      admin.read<{
        towns: Array<{ code: string; vintage: number; name: string; villages: number }>;
        vintages: Array<{ year: number; regions?: string[] }>;
      }>("divisions/layout-comparison", { prefix: "370285", regionCode: LAIXI, years });
    const recorded = (await comparison())[0]!.vintages;
    for (const year of years) {
      if (
        !recorded.some((v) => v.year === year && v.regions?.some((code) => LAIXI.startsWith(significantPrefix(code))))
      ) {
        await new DivisionImportService(admin).importRegion({ regionCode: "370285", year, reference: true });
      }
    }
    const official = (await comparison())[0]!.towns;
    const codes = [...new Set(official.map((t) => t.code))].sort();
    const live = new Map<string, { name: string; villages: number }>(
      (
        await gql(
          `query ($codes: [String!]!) { regions(where: { code: { in: $codes }, level: { eq: TOWN }, status: { eq: ACTIVE } }, limit: 1000) {
            code name children(where: { level: { eq: VILLAGE }, status: { eq: ACTIVE } }, limit: 1000) { code } } }`,
          { codes },
        )
      ).regions.map((r: { code: string; name: string; children: unknown[] }) => [
        r.code,
        { name: r.name, villages: r.children.length },
      ]),
    );
    const SUGGEST = `query ($t: String!, $options: SuggestOptions) { suggestMerges(townCode: $t, options: $options) {
      town { villagesAfter } target { reached limitedBy } } }`;
    const timed = async (townCode: string, options: Record<string, unknown> | null) => {
      const started = performance.now();
      const answer = (await gql(SUGGEST, { t: townCode, options })).suggestMerges;
      return { answer, ms: performance.now() - started };
    };
    say();
    say(
      `Laixi's real layout adjustment (统计用区划代码 2019 → 2023, 村 only) against suggestMerges, by town code: the graph's ACTIVE villages, the suggestion with the real 2023 count as targetVillages, and the default suggestion (one run each).`,
    );
    say();
    say(
      "| town (official) | code | 2019 村 | 2023 村 (target) | graph: town, 村 | with target: reached | limited by | ms | default: 村 after | ms |",
    );
    say("| --- | --- | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: |");
    for (const code of codes) {
      const before = official.find((t) => t.code === code && t.vintage === 2019);
      const after = official.find((t) => t.code === code && t.vintage === 2023);
      const name = (after ?? before)!.name;
      const town = live.get(code);
      const head = `| ${name} | ${code} | ${before?.villages ?? "–"} | ${after?.villages ?? "–"} |`;
      if (!town) {
        say(`${head} – | – | – | – | – | – |`);
        continue;
      }
      const byDefault = await timed(code, null);
      // A target above what the graph's town has is refused (merging only lowers the count).
      const targeted =
        after && after.villages >= 1 && after.villages <= town.villages
          ? await timed(code, { targetVillages: after.villages })
          : null;
      say(
        `${head} ${town.name}, ${town.villages} | ${targeted ? targeted.answer.target.reached : "–"} | ${targeted?.answer.target.limitedBy.join(", ") || "–"} | ${targeted ? fmt(targeted.ms) : "–"} | ${byDefault.answer.town.villagesAfter} | ${fmt(byDefault.ms)} |`,
      );
    }
  }
  const status = fs.readFileSync(`/proc/${api.pid}/status`, "utf8");
  const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  say();
  say(`API peak memory (VmHWM of the API process): **${Math.round(Number(peak) / 1024)} MB**.`);
  say();
  // Figures on a shared 2-core machine move with whatever else runs: say how busy it was.
  say(`Load average at the end: ${loadAverage()}.`);
  fs.mkdirSync(path.join(PROJECT_ROOT, "bench", "results"), { recursive: true });
  // A partial run is printed, not recorded.
  if (SECTIONS.every((section) => only.has(section)))
    fs.writeFileSync(path.join(PROJECT_ROOT, "bench", "results", `${scale}.md`), `${lines.join("\n")}\n`);
} finally {
  api?.kill("SIGTERM");
  await database.close();
}
