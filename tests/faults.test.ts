/**
 * Faults, on a Neo4j of this test's own (it is stopped and killed here):
 * 1. Neo4j dies (SIGKILL) under a stream of writes: requests fail fast with UNAVAILABLE,
 *    /health says so, and once Neo4j is back the same API process serves again; every write
 *    that was acknowledged is in the graph.
 * 2. The API process dies (SIGKILL) in the middle of a merge apply, while the apply's
 *    transaction has written its first group and waits on a lock for the second: nothing of
 *    it remains, the scenario is still a DRAFT, and a new API process applies and reverts it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, loadConfig } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import type { LocalNeo4j } from "../src/database/local-neo4j.js";
import { applySchema } from "../src/database/migrations.js";
import { loadSeed } from "../src/seed/loader.js";
import { SeedBuilder } from "../src/seed/seed-file.js";
import { startPlatform, type RunningPlatform } from "../src/server.js";
import { freePort } from "../scripts/free-port.js";
import { fingerprint, startOwnNeo4j, TEST_JWT_SECRET, tokenFor, type GraphQLResponse } from "./helpers.js";

const BASE = "379500";
const TOWN = `${BASE}101000`;
const V = (n: number) => `${BASE}1012${String(n).padStart(2, "0")}`;
const EXCLUDE = ["AuditEntry", "MergeScenario", "ProposedVillage"];

function faultFixture() {
  const s = new SeedBuilder();
  s.node("Region", { code: `${BASE}000000`, name: "故障测试区", level: "DISTRICT", status: "ACTIVE" });
  s.node("Region", { code: TOWN, name: "故障测试镇", level: "TOWN", status: "ACTIVE" });
  s.rel("PART_OF", ["Region", TOWN], ["Region", `${BASE}000000`]);
  s.node("PartyOrganization", {
    id: "ft-town",
    name: "故障测试镇党委",
    kind: "COMMITTEE",
    category: "TOWN",
    status: "ACTIVE",
  });
  s.rel("BASED_IN", ["PartyOrganization", "ft-town"], ["Region", TOWN]);
  for (let n = 1; n <= 4; n += 1) {
    s.node("Region", {
      code: V(n),
      name: `故障测试${n}村`,
      level: "VILLAGE",
      status: "ACTIVE",
      population: 600,
      households: 200,
      collectiveIncome: 30,
      location: { longitude: 120.5 + n / 100, latitude: 36.8 },
    });
    s.rel("PART_OF", ["Region", V(n)], ["Region", TOWN]);
    s.node("PartyOrganization", {
      id: `ft-v${n}`,
      name: `故障测试${n}村党支部`,
      kind: "BRANCH",
      category: "VILLAGE",
      status: "ACTIVE",
    });
    s.rel("BASED_IN", ["PartyOrganization", `ft-v${n}`], ["Region", V(n)]);
    s.rel("SUBORDINATE_TO", ["PartyOrganization", `ft-v${n}`], ["PartyOrganization", "ft-town"]);
  }
  return s.build({ name: "fault-fixture", description: "", referenceDate: "2026-11-15" });
}

let home: string;
let port: number;
let database: LocalNeo4j | undefined;
let driver: Driver;
let token: string;

const startDatabase = async () => {
  database = await startOwnNeo4j(home, port, 30_000);
};

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(PROJECT_ROOT, ".neo4j", "test-faults-"));
  port = await freePort();
  await startDatabase();
  driver = await connect({ uri: database!.uri, user: "neo4j", password: "neo4j" });
  await applySchema(driver);
  await loadSeed(driver, faultFixture());
  token = await tokenFor("ADMIN", [], "fault-test");
}, 180_000);

afterAll(async () => {
  await driver?.close();
  await database?.stop();
  fs.rmSync(home, { recursive: true, force: true });
});

describe("when Neo4j dies under load", () => {
  let platform: RunningPlatform;
  beforeAll(async () => {
    platform = await startPlatform(
      loadConfig({ NEO4J_URI: database!.uri, PORT: "0", SEED_IF_EMPTY: "false", AUTH_JWT_SECRET: TEST_JWT_SECRET }),
      () => {},
    );
  });
  afterAll(() => platform?.stop());

  const create = (n: number) =>
    post(
      platform.url,
      `mutation($input: [RegionCreateInput!]!) { createRegions(input: $input) { regions { code } } }`,
      {
        input: [
          {
            code: `${BASE}101${300 + n}`,
            name: `写入${n}`,
            level: "VILLAGE",
            status: "ACTIVE",
            parent: { connect: [{ where: { node: { code: { eq: TOWN } } } }] },
          },
        ],
      },
    );

  it("fails fast with UNAVAILABLE, says so on /health, recovers by itself and keeps every acknowledged write", async () => {
    const acknowledged: string[] = [];
    const outcomes: string[] = [];
    const failures: number[] = [];
    let n = 0;
    let stopped = false;
    // Writes one after another, as a client would, until Neo4j is back and two more succeed.
    const writer = (async () => {
      let afterRecovery = 0;
      while (afterRecovery < 2 && n < 600) {
        n += 1;
        const started = Date.now();
        const { data, errors } = await create(n);
        if (data?.createRegions) {
          acknowledged.push(data.createRegions.regions[0].code);
          outcomes.push("ok");
          if (stopped) afterRecovery += 1;
        } else {
          outcomes.push(errors![0]!.extensions!.code as string);
          failures.push(Date.now() - started);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    })();
    // Enough acknowledged writes for the crash to be able to lose some; each costs the cold JVM a while.
    while (acknowledged.length < 8) await new Promise((r) => setTimeout(r, 20));
    process.kill(database!.pid, "SIGKILL");
    await database!.stop();
    stopped = true;
    const health = await fetch(`${platform.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", neo4j: { reachable: false } });
    // The exchange routes say so too: 503 with the GraphQL error's code, an import and an export alike.
    const authorization = `Bearer ${token}`;
    const refused = await Promise.all([
      fetch(`${platform.url}/exchange/import?format=csv&sheet=Institution`, {
        method: "POST",
        headers: { authorization, "content-type": "text/csv" },
        body: `编号 id,名称 name,类型 kind,所在区划 regionCode\nfault-inst,故障测试单位,SOE,${TOWN}\n`,
      }),
      fetch(`${platform.url}/exchange/export/coverage.csv?regionCode=${TOWN}`, { headers: { authorization } }),
    ]);
    for (const response of refused) {
      expect(response.status, response.url).toBe(503);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "UNAVAILABLE" } }] });
    }
    await new Promise((r) => setTimeout(r, 1500));
    await startDatabase();
    await writer;

    expect(
      outcomes.filter((o) => o !== "ok").every((o) => o === "UNAVAILABLE"),
      outcomes.join(","),
    ).toBe(true);
    expect(failures.length).toBeGreaterThan(0);
    expect(Math.max(...failures), "each failed request answered within seconds").toBeLessThan(8000);
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
    await driver.close();
    driver = await connect({ uri: database!.uri, user: "neo4j", password: "neo4j" });
    const { records } = await driver.executeQuery(
      "UNWIND $codes AS code MATCH (r:Region {code: code}) RETURN count(r) AS found",
      { codes: acknowledged },
    );
    expect(records[0]!.get("found").toNumber()).toBe(acknowledged.length);
    console.log(
      `faults: ${acknowledged.length} writes acknowledged, ${failures.length} refused with UNAVAILABLE (slowest ${Math.max(...failures)} ms), all acknowledged writes present after the crash`,
    );
  }, 180_000);
});

describe("when the API dies during a merge apply", () => {
  let api: ChildProcess | undefined;
  let url = "";

  async function startApi(): Promise<void> {
    const apiPort = await freePort();
    // One process (node with tsx's loader, not the tsx wrapper), so SIGKILL hits the server itself.
    api = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: database!.uri,
        PORT: String(apiPort),
        SEED_IF_EMPTY: "false",
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    url = `http://127.0.0.1:${apiPort}`;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      api!.stdout!.on("data", (chunk) => {
        output += chunk;
        if (output.includes("GraphQL API at")) resolve();
      });
      api!.once("exit", (code) => reject(new Error(`the API exited (${code}): ${output}`)));
    });
  }

  afterAll(() => {
    api?.kill("SIGKILL");
  });

  it("leaves nothing of the apply, and a new API process applies and reverts it", async () => {
    await startApi();
    const saved = await post(
      url,
      `mutation($input: MergeInput!) { saveMergeScenario(input: $input, name: "故障测试方案") { id } }`,
      {
        input: {
          townCode: TOWN,
          asOf: "2026-11-15",
          groups: [
            { name: "故障东新村", villageCodes: [V(1), V(2)] },
            { name: "故障西新村", villageCodes: [V(3), V(4)] },
          ],
        },
      },
    );
    const id = saved.data!.saveMergeScenario.id as string;
    const before = await fingerprint(driver, EXCLUDE);

    // Hold a write lock on a village of the second group, so the apply blocks half-way.
    const session = driver.session();
    const blocker = session.beginTransaction();
    await blocker.run("MATCH (v:Region {code: $code}) SET v.heldByFaultTest = true", { code: V(3) });
    const applying = post(url, `mutation($id: ID!) { applyMergeScenario(id: $id) { status } }`, { id }).catch(
      () => "connection lost",
    );
    const applyIsBlocked = async () =>
      (
        await driver.executeQuery(
          "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
        )
      ).records[0]!.get("n").toNumber() > 0;
    for (let i = 0; i < 200 && !(await applyIsBlocked()); i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(await applyIsBlocked(), "the apply waits half-way").toBe(true);
    api!.kill("SIGKILL");
    expect(await applying).toBe("connection lost");
    await blocker.rollback();
    await session.close();

    // The server rolled the apply back when its connection died: nothing of it is left.
    expect(await fingerprint(driver, EXCLUDE)).toEqual(before);
    const status = await driver.executeQuery("MATCH (s:MergeScenario {id: $id}) RETURN s.status AS status", { id });
    expect(status.records[0]!.get("status")).toBe("DRAFT");

    await startApi();
    expect((await post(url, `mutation($id: ID!) { applyMergeScenario(id: $id) { status } }`, { id })).data).toEqual({
      applyMergeScenario: { status: "APPLIED" },
    });
    expect((await post(url, `mutation($id: ID!) { revertMergeScenario(id: $id) { status } }`, { id })).data).toEqual({
      revertMergeScenario: { status: "REVERTED" },
    });
    expect(await fingerprint(driver, EXCLUDE)).toEqual(before);
  }, 180_000);
});
