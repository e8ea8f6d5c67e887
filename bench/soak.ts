/**
 * Soak test: a long day of mixed use, with Neo4j restarted every few minutes, and afterwards a
 * check that nothing acknowledged was lost.
 *
 *   npm run soak                                   # 30 minutes
 *   npm run soak -- --minutes 3 --clients 4 --restart-every 1
 *   npm run soak -- --minutes 1.5 --out /tmp/soak.md --home /tmp/soak-neo4j   # report and Neo4j elsewhere
 *   npm run soak -- --minutes 1 --towns 370285101000,370285102000             # two towns of the sample only
 *
 * Runs its own Neo4j (.neo4j/soak, made afresh with the sample region) and the API in production
 * mode as a child process. `--clients` loops send, through HTTP, a mix of reads (district coverage
 * report, gap lists, networks, the generated API; ANALYST), generated writes (createRegions in a
 * soak district, updateRegions of village populations; ADMIN), domain writes (recordCouncilMeeting),
 * Person imports (CSV through /exchange/import) and merge cycles (save, apply, revert a scenario).
 * Every `--restart-every` minutes (default 5, or a third of a shorter run) Neo4j is restarted,
 * alternately stopped cleanly and killed (SIGKILL); the load goes on for at least 10 s after Neo4j is
 * back from the last one, past `--minutes` if need be. A write whose reply says it committed is
 * *acknowledged*; one whose reply was lost (UNAVAILABLE, a dropped connection) is *unknown*.
 *
 * Afterwards it checks, and writes into bench/results/soak.md:
 * - the graph agrees with the soak's model of its acknowledged writes (created regions, meetings
 *   and people exist; each village's population is its last acknowledged value, or a later unknown
 *   one; every scenario ends reverted);
 * - every acknowledged write has its audit entry (one per mutation field, one per imported file);
 *   entries left over are matched to unknown writes (counted apart) or counted as extra;
 * - the running API's answers (remembered or kept, or not) equal those of a fresh API that
 *   remembers and keeps nothing (ANSWER_CACHE_SIZE=0, ANALYTICS=scratch);
 * - the API's memory (RSS) at minute 5 (or a sixth of a shorter run) and at the end.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mintToken } from "../src/auth/tokens.js";
import { spawnApi } from "./api-process.js";
import { PROJECT_ROOT, localJavaOptions } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { startLocalNeo4j, type LocalNeo4j } from "../src/database/local-neo4j.js";
import { applySchema } from "../src/database/migrations.js";
import { today } from "../src/domain/dates.js";
import { formatCsv } from "../src/exchange/csv.js";
import { headerOf, SHEET_BY_NAME } from "../src/exchange/sheets.js";
import { loadSeed, readSeedFile } from "../src/seed/loader.js";
import { sampleTowns } from "../src/seed/sample-part.js";
import { freePort } from "../scripts/free-port.js";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    clients: { type: "string", default: "4" },
    "restart-every": { type: "string" },
    // The short run in npm test writes its report and its Neo4j elsewhere, leaving the recorded run alone.
    out: { type: "string", default: path.join(PROJECT_ROOT, "bench", "results", "soak.md") },
    home: { type: "string", default: path.join(PROJECT_ROOT, ".neo4j", "soak") },
    // Only these towns of the sample (with Laixi and Qingdao above them): the short run's smaller graph.
    towns: { type: "string" },
  },
});
const minutes = Number(values.minutes);
const clients = Number(values.clients);
const restartEvery = values["restart-every"] ? Number(values["restart-every"]) : minutes >= 15 ? 5 : minutes / 3;
if (!(minutes > 0 && clients > 0 && restartEvery > 0))
  throw new Error("--minutes, --clients and --restart-every must be positive");

const SECRET = "soak-test-secret-of-a-throwaway-api-0123456789";
const NEO4J_PASSWORD = "soak-test-password-of-a-throwaway-neo4j";
const RUN = `soak-${Date.now().toString(36)}`;
const DISTRICT = "370285000000";
const UPDATE_TOWN = "370285101000";
const MERGE_TOWN = "370285102000";
const SOAK_DISTRICT = "379901000000";
const SOAK_TOWNS = Array.from({ length: 20 }, (_, i) => `379901${101 + i}000`);
const AS_OF = "2026-11-15";
let started = Date.now(); // set again when the clients start
const elapsedMin = () => (Date.now() - started) / 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// --- Neo4j and the API ---------------------------------------------------------------------------
const home = path.resolve(values.home);
fs.rmSync(home, { recursive: true, force: true });
const boltPort = await freePort();
// A longer transaction limit than production's 30 s: loading the sample (one transaction) and
// rebuilding the analytics on a machine busy with other work may take longer; the soak is about
// what survives a crash, not the limit.
const startDatabase = () =>
  startLocalNeo4j(
    { home, boltPort, heap: "1g", pageCacheMb: 256, transactionTimeoutMs: 120_000, javaOptions: localJavaOptions() },
    () => {},
  );
let database: LocalNeo4j = await startDatabase();
const driver = await connect({ uri: database.uri, user: "neo4j", password: "neo4j" });
await applySchema(driver);
// The home is made afresh above: the database is empty.
const towns = values.towns?.split(",");
await loadSeed(driver, towns ? sampleTowns(towns) : readSeedFile());
await driver.executeQuery(
  `MERGE (d:Region {code: $district}) SET d.name = '浸泡测试区', d.level = 'DISTRICT', d.status = 'ACTIVE'
   WITH d UNWIND $towns AS code
   MERGE (t:Region {code: code}) SET t.name = '浸泡测试镇' + substring(code, 6, 3), t.level = 'TOWN', t.status = 'ACTIVE'
   MERGE (t)-[:PART_OF]->(d)`,
  { district: SOAK_DISTRICT, towns: SOAK_TOWNS },
);
const pick = async (query: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(query, params)).records.map((r) => r.toObject());
const yesterday = new Date(Date.parse(`${today()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const councilId = (
  await pick("MATCH (c:JointCouncil) WHERE c.establishedOn < date($d) RETURN c.id AS id ORDER BY c.id LIMIT 1", {
    d: yesterday,
  })
)[0]!.id as string;
const updateTargets = (
  await pick(
    "MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(:Region {code: $t}) RETURN v.code AS code ORDER BY code LIMIT 20",
    { t: UPDATE_TOWN },
  )
).map((r) => r.code as string);
const mergeVillages = (
  await pick(
    "MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(:Region {code: $t}) RETURN v.code AS code ORDER BY code LIMIT 2",
    { t: MERGE_TOWN },
  )
).map((r) => r.code as string);

async function startApi(env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawnApi({
    env: {
      ...process.env,
      NEO4J_URI: database.uri,
      NEO4J_PASSWORD,
      PORT: String(port),
      SEED_IF_EMPTY: "false",
      NODE_ENV: "production",
      AUTH_JWT_SECRET: SECRET,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("GraphQL API at") && resolve());
    child.once("exit", (code) => reject(new Error(`the API exited (${code}) while starting`)));
    setTimeout(() => reject(new Error("the API did not start within two minutes")), 120_000).unref();
  });
  child.removeAllListeners("exit");
  return { url: `http://127.0.0.1:${port}`, child };
}
const api = await startApi();

const token = (role: "ADMIN" | "ANALYST", subject: string, regions: string[] = []) =>
  mintToken(SECRET, { subject, role, regions, expiresIn: `${Math.ceil(minutes) + 60}m` });
const actors = {
  writer: `${RUN}-writer`,
  domain: `${RUN}-council`,
  importer: `${RUN}-importer`,
  planner: `${RUN}-planner`,
};
const tokens = {
  reader: await token("ANALYST", `${RUN}-reader`, [DISTRICT]),
  writer: await token("ADMIN", actors.writer),
  domain: await token("ADMIN", actors.domain),
  importer: await token("ADMIN", actors.importer),
  planner: await token("ADMIN", actors.planner),
};

// --- Requests and the model of what was acknowledged ------------------------------------------------
type Outcome = "ok" | "unknown" | "rejected";
interface WriteOp {
  actor: string;
  operation: string;
  key?: string;
  outcome: Outcome;
  code?: string;
}
const writes: WriteOp[] = [];
const reads = { ok: 0, unavailable: 0, other: 0 };
const errorCodes: Record<string, number> = {};
const count = (code: string) => (errorCodes[code] = (errorCodes[code] ?? 0) + 1);

async function gql(
  url: string,
  bearer: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: any; code?: string; message?: string }> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as {
      data?: any;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length)
      return { code: body.errors[0]!.extensions?.code ?? "UNKNOWN", message: body.errors[0]!.message };
    return { data: body.data };
  } catch (error) {
    return { code: "NETWORK", message: String(error) };
  }
}
const lostReply = (code: string) => code === "UNAVAILABLE" || code === "NETWORK" || code === "INTERNAL_SERVER_ERROR";

function record(actor: string, operation: string, key: string | undefined, code: string | undefined): Outcome {
  const outcome: Outcome = code === undefined ? "ok" : lostReply(code) ? "unknown" : "rejected";
  if (code) count(`${operation}: ${code}`);
  writes.push({ actor, operation, key, outcome, code });
  return outcome;
}

const READS = [
  [
    `query($c: String!) { coverageReport(regionCode: $c, asOf: "${AS_OF}", depth: 1) { villages { total chainComplete } gapCounts { kind count } } }`,
    { c: DISTRICT },
  ],
  [
    `query($c: String!) { coverageGaps(regionCode: $c, asOf: "${AS_OF}", first: 50) { totalCount edges { node { kind subjectId } } } }`,
    { c: UPDATE_TOWN },
  ],
  [
    `query($c: String!) { pairingNetwork(regionCode: $c) { nodes { id } edges { id } stats { pairings } } }`,
    { c: DISTRICT },
  ],
  [`query { regions(where: {level: {eq: VILLAGE}}, limit: 50, sort: [{code: ASC}]) { code name population } }`, {}],
] as const;

async function read(): Promise<void> {
  const [query, variables] = READS[Math.floor(Math.random() * READS.length)]!;
  const { code } = await gql(api.url, tokens.reader, query, variables);
  if (code === undefined) reads.ok += 1;
  else if (lostReply(code)) reads.unavailable += 1;
  else {
    reads.other += 1;
    count(`read: ${code}`);
  }
}

let regionSerial = 0;
const createdRegions: string[] = [];
async function createRegion(): Promise<void> {
  const n = regionSerial++;
  const town = SOAK_TOWNS[Math.floor(n / 998) % SOAK_TOWNS.length]!;
  const code = `${town.slice(0, 9)}${String((n % 998) + 1).padStart(3, "0")}`;
  const { code: error } = await gql(
    api.url,
    tokens.writer,
    `mutation($input: [RegionCreateInput!]!) { createRegions(input: $input) { regions { code } } }`,
    {
      input: [
        {
          code,
          name: `浸泡村${n}`,
          level: "VILLAGE",
          status: "ACTIVE",
          population: 100,
          parent: { connect: [{ where: { node: { code: { eq: town } } } }] },
        },
      ],
    },
  );
  if (record(actors.writer, "createRegions", code, error) === "ok") createdRegions.push(code);
}

/** Per village: the values written in order, with their outcomes (one client per village, so in order). */
const populations = new Map<string, Array<{ value: number; outcome: Outcome }>>();
let populationSerial = 1000;
async function updatePopulation(client: number): Promise<void> {
  const mine = updateTargets.filter((_, i) => i % clients === client);
  if (mine.length === 0) return read();
  const village = mine[Math.floor(Math.random() * mine.length)]!;
  const value = populationSerial++;
  const { code } = await gql(
    api.url,
    tokens.writer,
    `mutation($c: String!, $p: Int!) { updateRegions(where: {code: {eq: $c}}, update: {population: {set: $p}}) { regions { code population } } }`,
    {
      c: village,
      p: value,
    },
  );
  const outcome = record(actors.writer, "updateRegions", village, code);
  populations.set(village, [...(populations.get(village) ?? []), { value, outcome }]);
}

const meetings: string[] = [];
async function recordMeeting(): Promise<void> {
  const { data, code } = await gql(
    api.url,
    tokens.domain,
    `mutation($input: RecordCouncilMeetingInput!) { recordCouncilMeeting(input: $input) { id } }`,
    {
      input: { councilId, heldOn: yesterday, topics: ["浸泡测试议题"], resolutions: ["浸泡测试决议"] },
    },
  );
  const id = data?.recordCouncilMeeting?.id as string | undefined;
  if (record(actors.domain, "recordCouncilMeeting", id, code) === "ok") meetings.push(id!);
}

let importSerial = 0;
const importedPeople: string[] = [];
const personSheet = SHEET_BY_NAME.get("Person")!;
async function importPeople(): Promise<void> {
  const n = importSerial++;
  const ids = [`${RUN}-p${n}a`, `${RUN}-p${n}b`];
  const row = (id: string): Record<string, string> => ({
    id,
    name: `浸泡导入${id.slice(-6)}`,
    partyStatus: "NONE",
    residenceCode: updateTargets[n % updateTargets.length]!,
  });
  const csv = formatCsv([
    personSheet.columns.map(headerOf),
    ...ids.map((id) => personSheet.columns.map((c) => row(id)[c.key] ?? "")),
  ]);
  let code: string | undefined;
  try {
    const response = await fetch(`${api.url}/exchange/import?format=csv&sheet=Person`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.importer}`, "content-type": "text/csv" },
      body: csv,
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as {
      imported?: boolean;
      errors?: Array<{ extensions?: { code?: string }; message?: string }>;
    };
    if (!(response.ok && body.imported))
      code =
        response.status === 422 ? "IMPORT_REJECTED" : (body.errors?.[0]?.extensions?.code ?? `HTTP_${response.status}`);
  } catch {
    code = "NETWORK";
  }
  if (code === "HTTP_503" || code === "HTTP_500") code = "UNAVAILABLE";
  if (record(actors.importer, "import", ids[0], code) === "ok") importedPeople.push(...ids);
}

/**
 * Tries of a step whose reply was lost (a second apart) before the soak gives up on it: Neo4j is back
 * within half a minute, so more is a fault to report, not to wait out.
 */
const MAX_TRIES = 120;
const scenarios = new Map<string, string>(); // id → the status the planner last saw acknowledged
let mergeSerial = 0;
async function scenarioStatus(id: string): Promise<string | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const { data, code, message } = await gql(
      api.url,
      tokens.planner,
      `query($t: String!) { mergeScenarios(townCode: $t) { id status } }`,
      { t: MERGE_TOWN },
    );
    if (!code) return (data.mergeScenarios as Array<{ id: string; status: string }>).find((s) => s.id === id)?.status;
    if (attempt === MAX_TRIES)
      throw new Error(`mergeScenarios: no answer after ${attempt} tries (${code}: ${message})`);
    await sleep(1000);
  }
}
/** Save, apply, revert; after a lost reply, looks at the scenario's status and carries on from there. */
async function mergeCycle(): Promise<void> {
  const n = mergeSerial++;
  const saved = await gql(
    api.url,
    tokens.planner,
    `mutation($input: MergeInput!, $name: String!) { saveMergeScenario(input: $input, name: $name) { id } }`,
    {
      input: { townCode: MERGE_TOWN, groups: [{ name: `浸泡新村${n}`, villageCodes: mergeVillages }] },
      name: `${RUN} ${n}`,
    },
  );
  const id = saved.data?.saveMergeScenario?.id as string | undefined;
  if (record(actors.planner, "saveMergeScenario", id, saved.code) !== "ok") return;
  scenarios.set(id!, "DRAFT");
  for (const step of ["applyMergeScenario", "revertMergeScenario"] as const) {
    const want = step === "applyMergeScenario" ? "APPLIED" : "REVERTED";
    for (let attempt = 1; ; attempt += 1) {
      const { code, message } = await gql(
        api.url,
        tokens.planner,
        `mutation($id: ID!) { ${step}(id: $id) { id status } }`,
        { id },
      );
      const outcome = record(actors.planner, step, id, code);
      if (outcome === "ok") break;
      if (outcome === "rejected") return;
      if (attempt === MAX_TRIES)
        throw new Error(`${step} of ${id}: no answer after ${attempt} tries (${code}: ${message})`);
      const status = await scenarioStatus(id!);
      if (status === want || (want === "APPLIED" && status === "REVERTED")) break;
      await sleep(1000);
    }
    scenarios.set(id!, want);
  }
}

// --- The run --------------------------------------------------------------------------------------
/**
 * Load goes on at least this long after Neo4j is back from each restart, however long it took to
 * come back (half a minute on a crowded machine): what a crash tests is the writes around it.
 */
const LOAD_AFTER_RESTART_MS = 10_000;
// Every read asked once before the clock starts: a cold API and Neo4j answer their first queries
// in seconds on a busy machine, which took a short run's time before its first restart.
for (const [query, variables] of READS) await gql(api.url, tokens.reader, query, variables);
started = Date.now();
const deadline = started + minutes * 60_000;
let loadUntil = deadline;
const restarts: Array<{ at: number; kind: string; downSeconds: number; answeredAfterMs: number }> = [];
const memory: Array<{ minute: number; rssMb: number }> = [];
const rss = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024);

async function client(n: number): Promise<void> {
  while (Date.now() < loadUntil) {
    const r = Math.random();
    if (n === 0 && r < 0.05) await mergeCycle();
    else if (n === 1 % clients && r < 0.08) await importPeople();
    else if (r < 0.2) await updatePopulation(n);
    else if (r < 0.3) await createRegion();
    else if (r < 0.38) await recordMeeting();
    else await read();
    await sleep(50);
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

/** Waits for the API to answer /health again; two minutes without is a fault to report. */
async function untilHealthy(url: string): Promise<void> {
  const giveUp = Date.now() + 120_000;
  while (!(await healthy(url))) {
    if (Date.now() > giveUp) throw new Error(`${url}/health: not healthy for two minutes`);
    await sleep(200);
  }
}

async function restarter(): Promise<void> {
  for (let n = 1; started + n * restartEvery * 60_000 < deadline - 20_000; n += 1) {
    await sleep(started + n * restartEvery * 60_000 - Date.now());
    const kind = n % 2 === 1 ? "killed (SIGKILL)" : "stopped cleanly";
    const down = Date.now();
    if (n % 2 === 1) process.kill(database.pid, "SIGKILL");
    await database.stop();
    database = await startDatabase();
    const back = Date.now();
    await untilHealthy(api.url);
    loadUntil = Math.max(loadUntil, Date.now() + LOAD_AFTER_RESTART_MS);
    restarts.push({
      at: (down - started) / 60_000,
      kind,
      downSeconds: (back - down) / 1000,
      answeredAfterMs: Date.now() - back,
    });
    console.error(`${elapsedMin().toFixed(1)} min: Neo4j ${kind} and started again`);
  }
}

const sampler = setInterval(() => memory.push({ minute: elapsedMin(), rssMb: rss(api.child.pid!) }), 10_000);
const progress = setInterval(() => {
  const acked = writes.filter((w) => w.outcome === "ok").length;
  console.error(
    `${elapsedMin().toFixed(1)} / ${minutes} min: ${reads.ok} reads, ${acked} acknowledged writes, ${writes.length - acked} other, API ${rss(api.child.pid!)} MB`,
  );
}, 60_000);

let fresh: { url: string; child: ChildProcess } | undefined;
const lines: string[] = [];
const say = (line = "") => {
  console.log(line);
  lines.push(line);
};
try {
  await Promise.all([...Array.from({ length: clients }, (_, n) => client(n)), restarter()]);
  clearInterval(sampler);
  clearInterval(progress);
  await untilHealthy(api.url);

  // 1. The graph against the model of acknowledged writes.
  const existing = async (label: string, key: string, ids: string[]) =>
    new Set(
      (await pick(`MATCH (n:${label}) WHERE n.${key} IN $ids RETURN n.${key} AS id`, { ids })).map(
        (r) => r.id as string,
      ),
    );
  const regionsThere = await existing("Region", "code", createdRegions);
  const meetingsThere = await existing("CouncilMeeting", "id", meetings);
  const peopleThere = await existing("Person", "id", importedPeople);
  const lostRegions = createdRegions.filter((c) => !regionsThere.has(c)).length;
  const lostMeetings = meetings.filter((id) => !meetingsThere.has(id)).length;
  const lostPeople = importedPeople.filter((id) => !peopleThere.has(id)).length;
  const finalPopulation = new Map(
    (
      await pick("MATCH (v:Region) WHERE v.code IN $codes RETURN v.code AS code, v.population AS p", {
        codes: updateTargets,
      })
    ).map((r) => [r.code as string, Number(r.p)]),
  );
  let populationMismatches = 0;
  for (const [village, history] of populations) {
    // The last acknowledged value, or any value written after it whose reply was lost.
    const lastOk = history.map((h) => h.outcome).lastIndexOf("ok");
    if (lastOk < 0) continue; // nothing acknowledged, nothing to lose
    const allowed = new Set([
      history[lastOk]!.value,
      ...history
        .slice(lastOk + 1)
        .filter((h) => h.outcome === "unknown")
        .map((h) => h.value),
    ]);
    if (!allowed.has(finalPopulation.get(village)!)) populationMismatches += 1;
  }
  const statuses = new Map(
    (
      await pick("MATCH (s:MergeScenario) WHERE s.id IN $ids RETURN s.id AS id, s.status AS status", {
        ids: [...scenarios.keys()],
      })
    ).map((r) => [r.id as string, r.status as string]),
  );
  const scenarioMismatches = [...scenarios].filter(([id, status]) => statuses.get(id) !== status).length;
  const lost = lostRegions + lostMeetings + lostPeople + populationMismatches + scenarioMismatches;

  // 2. Audit entries against acknowledged writes.
  const entries = (
    await pick(
      "MATCH (a:AuditEntry) WHERE a.actor STARTS WITH $run RETURN a.actor AS actor, a.operation AS operation, a.subjectIds AS ids",
      { run: RUN },
    )
  ).map((r) => ({
    actor: r.actor as string,
    operation: r.operation as string,
    ids: r.ids as string[],
    used: false,
  }));
  let missing = 0;
  for (const op of writes.filter((w) => w.outcome === "ok")) {
    const entry = entries.find(
      (e) =>
        !e.used &&
        e.actor === op.actor &&
        e.operation === op.operation &&
        (op.key === undefined || e.ids.includes(op.key)),
    );
    if (entry) entry.used = true;
    else missing += 1;
  }
  let ofLostReplies = 0;
  let extra = 0;
  const leftOver = new Map<string, number>();
  for (const e of entries.filter((e) => !e.used))
    leftOver.set(`${e.actor} ${e.operation}`, (leftOver.get(`${e.actor} ${e.operation}`) ?? 0) + 1);
  for (const [key, left] of leftOver) {
    const unknown = writes.filter((w) => w.outcome === "unknown" && `${w.actor} ${w.operation}` === key).length;
    ofLostReplies += Math.min(left, unknown);
    extra += Math.max(0, left - unknown);
  }

  // 3. Answers: the running API (asked twice: the second answer is remembered) against a fresh API computing from scratch.
  fresh = await startApi({ ANSWER_CACHE_SIZE: "0", ANALYTICS: "scratch" });
  let mismatches = 0;
  for (const [query, variables] of READS) {
    await gql(api.url, tokens.reader, query, variables);
    const remembered = await gql(api.url, tokens.reader, query, variables);
    const computed = await gql(fresh.url, tokens.reader, query, variables);
    if (remembered.code || computed.code || JSON.stringify(remembered.data) !== JSON.stringify(computed.data))
      mismatches += 1;
  }

  // 4. Memory.
  const mark = Math.min(5, minutes / 6);
  const early = memory.find((m) => m.minute >= mark) ?? memory[0]!;
  const late = memory.at(-1)!;
  const growth = ((late.rssMb - early.rssMb) / early.rssMb) * 100;

  const acked = writes.filter((w) => w.outcome === "ok");
  const byOperation = new Map<string, { ok: number; unknown: number; rejected: number }>();
  for (const w of writes) {
    const row = byOperation.get(w.operation) ?? { ok: 0, unknown: 0, rejected: 0 };
    row[w.outcome] += 1;
    byOperation.set(w.operation, row);
  }
  say(`# Soak test, ${new Date().toISOString().slice(0, 10)}`);
  say();
  say(
    `Machine: ${os.cpus().length} cores (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ", ",
      )} at the end; shared with other work). ${towns ? `Towns ${values.towns} of the sample` : "Sample region"}, API in production mode,`,
  );
  say(
    `${clients} clients for ${minutes} minutes, Neo4j restarted every ${restartEvery} minutes (alternately killed and stopped cleanly). \`npm run soak -- --minutes ${minutes} --clients ${clients}${towns ? ` --towns ${values.towns}` : ""}\`.`,
  );
  say();
  say("| check | result |");
  say("| --- | ---: |");
  say(
    `| reads answered / unavailable during restarts / other errors | ${reads.ok} / ${reads.unavailable} / ${reads.other} |`,
  );
  say(
    `| writes acknowledged / reply lost (unknown) / rejected | ${acked.length} / ${writes.filter((w) => w.outcome === "unknown").length} / ${writes.filter((w) => w.outcome === "rejected").length} |`,
  );
  say(`| lost acknowledged writes (graph against the soak's model) | ${lost} |`);
  say(`| acknowledged writes without their audit entry | ${missing} |`);
  say(`| audit entries of writes whose reply was lost (counted apart) | ${ofLostReplies} |`);
  say(`| extra audit entries | ${extra} |`);
  say(`| answers differing from a fresh API's (remembered answers included) | ${mismatches} of ${READS.length} |`);
  say(
    `| API RSS at minute ${early.minute.toFixed(1)} → end (minute ${late.minute.toFixed(1)}) | ${early.rssMb} MB → ${late.rssMb} MB (${growth >= 0 ? "+" : ""}${growth.toFixed(1)}%) |`,
  );
  say(`| API RSS peak | ${Math.max(...memory.map((m) => m.rssMb))} MB |`);
  say();
  say("| write | acknowledged | reply lost | rejected |");
  say("| --- | ---: | ---: | ---: |");
  for (const [operation, row] of [...byOperation].sort())
    say(`| ${operation} | ${row.ok} | ${row.unknown} | ${row.rejected} |`);
  say();
  say("| Neo4j restart at minute | how | down (s) | API answered again after Neo4j was ready (ms) |");
  say("| ---: | --- | ---: | ---: |");
  for (const r of restarts)
    say(`| ${r.at.toFixed(1)} | ${r.kind} | ${r.downSeconds.toFixed(1)} | ${r.answeredAfterMs} |`);
  if (Object.keys(errorCodes).length > 0) {
    say();
    say(
      `Error codes seen: ${Object.entries(errorCodes)
        .map(([k, v]) => `${k} ×${v}`)
        .join(", ")}.`,
    );
  }
  say();
  say(
    `Lost writes by kind: regions ${lostRegions}, meetings ${lostMeetings}, imported people ${lostPeople}, populations ${populationMismatches}, scenarios ${scenarioMismatches}.`,
  );
  fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  fs.writeFileSync(path.resolve(values.out), `${lines.join("\n")}\n`);
  process.exitCode = lost + missing + extra + mismatches > 0 ? 1 : 0;
} finally {
  clearInterval(sampler);
  clearInterval(progress);
  fresh?.child.kill("SIGTERM");
  api.child.kill("SIGTERM");
  await sleep(1000);
  await driver.close();
  await database.stop();
}
