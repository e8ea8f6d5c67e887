/**
 * Live changes for an open page: `regionVersion` moves when a write reaches the region and stays
 * put when it lands elsewhere (so the region's network stays remembered), and GET
 * /events/regions/:code pushes the new version to a listening page.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { laixiTowns, startTestPlatform, tokenFor, type TestPlatform, testNeo4jUri } from "./helpers.js";

const LAIXI = "370285000000";

let platform: TestPlatform;
let driver: Driver;
let towns: Array<{ code: string; village: string }>;

const version = async (code: string, token?: string) =>
  platform.gql<{ regionVersion: string }>(
    `query ($code: String!) { regionVersion(regionCode: $code) }`,
    { code },
    token,
  );
const touch = (village: string) =>
  driver.executeQuery("MATCH (v:Region {code: $code}) SET v.eventsTestWrites = coalesce(v.eventsTestWrites, 0) + 1", {
    code: village,
  });
const networkQueries = async (code: string) =>
  (
    (await platform.gql(`query ($code: String!) { pairingNetwork(regionCode: $code) { nodes { id } } }`, { code })) as {
      extensions?: { cypherQueries: number };
    }
  ).extensions!.cypherQueries;

beforeAll(async () => {
  platform = await startTestPlatform();
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  towns = (await laixiTowns(driver)).slice(0, 2);
});

afterAll(async () => {
  await driver?.close();
  await platform?.stop();
});

describe("a region's version", () => {
  it("moves with a write in the region and not with one elsewhere, which leaves the region's network remembered", async () => {
    const [a, b] = towns as [{ code: string; village: string }, { code: string; village: string }];
    const before = {
      a: (await version(a.code)).data!.regionVersion,
      b: (await version(b.code)).data!.regionVersion,
      laixi: (await version(LAIXI)).data!.regionVersion,
    };
    await networkQueries(b.code); // remembered from here on
    await touch(a.village);
    expect((await version(a.code)).data!.regionVersion).not.toBe(before.a);
    expect((await version(LAIXI)).data!.regionVersion).not.toBe(before.laixi);
    expect((await version(b.code)).data!.regionVersion).toBe(before.b);
    // Remembered: only the scope check, the state and the stamp are read, not the network's Cypher.
    expect(await networkQueries(b.code)).toBeLessThanOrEqual(3);
    await touch(b.village);
    expect((await version(b.code)).data!.regionVersion).not.toBe(before.b);
    expect(await networkQueries(b.code)).toBeGreaterThan(3);
  });

  it("is refused for a malformed code, and outside the token's scope as for an unknown region", async () => {
    const bad = await version("3702");
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "regionCode" });
    const scoped = await tokenFor("VIEWER", [towns[0]!.code]);
    expect((await version(towns[0]!.code, scoped)).data!.regionVersion).toBeTruthy();
    const outside = await version(towns[1]!.code, scoped);
    expect(outside.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "regionCode" });
    const response = await fetch(`${platform.url}/events/regions/${towns[1]!.code}`, {
      headers: { authorization: `Bearer ${scoped}` },
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: Array<{ extensions: { field: string } }> }).errors[0]!.extensions.field,
    ).toBe("regionCode");
  });
});

describe("GET /events/regions/:code", () => {
  it("sends the version at once and again when a write reaches the region", async () => {
    const town = towns[1]!;
    const token = await tokenFor("ANALYST", [town.code]);
    const abort = new AbortController();
    const response = await fetch(`${platform.url}/events/regions/${town.code}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffered = "";
    const nextVersion = async (): Promise<string> => {
      for (;;) {
        const end = buffered.indexOf("\n\n");
        if (end >= 0) {
          const message = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = /^event: version\ndata: (.*)$/m.exec(message)?.[1];
          if (data) return (JSON.parse(data) as { version: string }).version;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        buffered += decoder.decode(value, { stream: true });
      }
    };
    try {
      const first = await nextVersion();
      expect(first).toBe((await version(town.code)).data!.regionVersion);
      await touch(town.village);
      const second = await nextVersion();
      expect(second).not.toBe(first);
      expect(second).toBe((await version(town.code)).data!.regionVersion);
    } finally {
      abort.abort();
    }
  });
});
