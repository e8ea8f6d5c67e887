/**
 * Live updates over graphql-ws, as a front end gets them: a client subscribes to `regionChanged`
 * over ws://…/graphql with its token in connection_init, a write committed by another client (the
 * driver, not the API) reaches it within a second; a region outside the token's scope is refused;
 * a socket whose token expires is closed with 4403, one without a valid token with 4401.
 */
import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import type { Driver } from "neo4j-driver";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../src/auth/tokens.js";
import { connect } from "../src/database/driver.js";
import {
  laixiTowns,
  startTestPlatform,
  tokenFor,
  TEST_JWT_SECRET,
  type TestPlatform,
  testNeo4jUri,
} from "./helpers.js";

const SUBSCRIPTION = `subscription ($code: String!) { regionChanged(regionCode: $code) { regionCode version mayHaveChanged } }`;

interface RegionChange {
  regionCode: string;
  version: string;
  mayHaveChanged: string[];
}

let platform: TestPlatform;
let driver: Driver;
let towns: Array<{ code: string; village: string }>;
const clients: Client[] = [];

const wsUrl = () => `${platform.url.replace(/^http/, "ws")}/graphql`;

/** A graphql-ws client that does not retry, and the close event of its socket once closed. */
function client(token: string | null): { client: Client; closed: Promise<{ code: number; reason: string }> } {
  let closed!: (event: { code: number; reason: string }) => void;
  const created = createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => closed(event as { code: number; reason: string }) },
  });
  clients.push(created);
  return { client: created, closed: new Promise((resolve) => (closed = resolve)) };
}

const touch = (village: string) =>
  driver.executeQuery(
    "MATCH (v:Region {code: $code}) SET v.subscriptionTestWrites = coalesce(v.subscriptionTestWrites, 0) + 1",
    { code: village },
  );
const regionVersion = async (code: string) =>
  (
    await platform.ok<{ regionVersion: string }>(`query ($code: String!) { regionVersion(regionCode: $code) }`, {
      code,
    })
  ).regionVersion;

beforeAll(async () => {
  platform = await startTestPlatform();
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  // The last two towns: tests/region-events.test.ts writes in the first two.
  towns = (await laixiTowns(driver)).slice(-2).reverse();
  // Neo4j plans the analytics' catch-up queries on their first run, which can take seconds on a
  // loaded machine: one write applied before anything is timed.
  const before = await regionVersion(towns[1]!.code);
  await touch(towns[1]!.village);
  expect(await regionVersion(towns[1]!.code)).not.toBe(before);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await driver?.close();
  await platform?.stop();
});

describe("regionChanged", () => {
  it("sends the version at once, then within a second of a commit by another client; two sockets on one region hear the same", async () => {
    const town = towns[0]!;
    const token = await tokenFor("VIEWER", [town.code]);
    const iterators = [client(token).client, client(token).client].map((c) =>
      c
        .iterate<{ regionChanged: RegionChange }>({ query: SUBSCRIPTION, variables: { code: town.code } })
        [Symbol.asyncIterator](),
    );
    const next = async (
      iterator: AsyncIterator<FormattedExecutionResult<{ regionChanged: RegionChange }, unknown>>,
    ) => {
      const { value } = await iterator.next();
      expect(value.errors, JSON.stringify(value.errors)).toBeUndefined();
      return value.data!.regionChanged;
    };
    const firsts = await Promise.all(iterators.map(next));
    for (const first of firsts)
      expect(first).toEqual({ regionCode: town.code, version: await regionVersion(town.code), mayHaveChanged: [] });

    await touch(town.village);
    const committed = Date.now();
    const seconds = await Promise.all(iterators.map(next));
    const latency = Date.now() - committed;
    console.log(`regionChanged arrived ${latency} ms after the commit`);
    expect(latency).toBeLessThan(1000);
    for (const second of seconds) {
      expect(second.version).not.toBe(firsts[0]!.version);
      expect(second).toEqual({
        regionCode: town.code,
        version: await regionVersion(town.code),
        mayHaveChanged: ["COVERAGE_REPORT", "GAP_LIST", "PAIRING_NETWORK"],
      });
    }
    await Promise.all(iterators.map((iterator) => iterator.return!()));
  });

  it("stays quiet about a write elsewhere", async () => {
    const [watched, other] = towns as [{ code: string; village: string }, { code: string; village: string }];
    const iterator = client(await tokenFor("ANALYST", [watched.code]))
      .client.iterate<{ regionChanged: RegionChange }>({ query: SUBSCRIPTION, variables: { code: watched.code } })
      [Symbol.asyncIterator]();
    await iterator.next();
    await touch(other.village);
    const quiet = await Promise.race([
      iterator.next().then(() => "event"),
      new Promise((resolve) => setTimeout(() => resolve("quiet"), 1500)),
    ]);
    expect(quiet).toBe("quiet");
    await iterator.return!();
  });

  it("refuses a region outside the token's scope as queries do, and keeps the socket open", async () => {
    const [inside, outside] = towns as [{ code: string; village: string }, { code: string; village: string }];
    const { client: scoped } = client(await tokenFor("VIEWER", [inside.code]));
    const refused = await scoped
      .iterate({ query: SUBSCRIPTION, variables: { code: outside.code } })
      .next()
      .then(
        (result) => result.value as FormattedExecutionResult,
        (errors: Array<{ message: string; extensions?: Record<string, unknown> }>) => ({ errors }),
      );
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "regionCode" });
    // The same socket still serves the region in scope.
    const allowed = await scoped
      .iterate<{ regionChanged: RegionChange }>({ query: SUBSCRIPTION, variables: { code: inside.code } })
      .next();
    expect(allowed.value.data!.regionChanged.regionCode).toBe(inside.code);
  });

  it("carries only subscriptions: a query over the socket gets an error", async () => {
    const { client: c } = client(await tokenFor("ADMIN"));
    const refused = await c
      .iterate({ query: `{ me { subject } }` })
      .next()
      .then(
        () => null,
        (errors: Array<{ message: string; extensions?: Record<string, unknown> }>) => errors,
      );
    expect(refused![0]!.extensions).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the socket's token", () => {
  it("closes the socket with 4403 when the token expires", async () => {
    const town = towns[0]!;
    const token = await mintToken(TEST_JWT_SECRET, {
      subject: "short-lived",
      role: "VIEWER",
      regions: [town.code],
      expiresIn: "3s",
    });
    const { client: c, closed } = client(token);
    const iterator = c
      .iterate<{ regionChanged: RegionChange }>({ query: SUBSCRIPTION, variables: { code: town.code } })
      [Symbol.asyncIterator]();
    expect((await iterator.next()).value.data!.regionChanged.regionCode).toBe(town.code);
    const event = await closed;
    expect(event.code).toBe(4403);
    expect(event.reason).toMatch(/expired/);
  });

  it("closes with 4401 without a valid token in connection_init", async () => {
    for (const token of [null, "not-a-token"]) {
      const { closed } = client(token);
      expect((await closed).code).toBe(4401);
    }
  });
});
