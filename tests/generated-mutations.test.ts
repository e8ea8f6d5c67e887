/**
 * A request of generated mutations is one transaction with its audit entries: all of it commits,
 * entries included, or none of it does. Works in a region of its own (379500000000).
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { fingerprint, startTestPlatform, tokenFor, type TestPlatform, testNeo4jUri } from "./helpers.js";

const DISTRICT = "379500000000";
const TOWN = "379500101000";
const village = (n: number) => `3795001012${String(n).padStart(2, "0")}`;

let platform: TestPlatform;
let driver: Driver;
let editor: string;

const CREATE_VILLAGE = `createRegions(input: [{ code: $code, name: "审计测试村", level: VILLAGE, status: ACTIVE,
  parent: { connect: [{ where: { node: { code: { eq: "${TOWN}" } } } }] } }]) { regions { code } }`;

/** The audit entries by this file's editor that name `code`. */
async function entriesFor(code: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    "MATCH (a:AuditEntry {actor: 'generated-editor'}) WHERE $code IN a.subjectIds RETURN a.operation AS operation ORDER BY a.at",
    { code },
  );
  return records.map((record) => record.get("operation") as string);
}

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  platform = await startTestPlatform();
  await platform.ok(`mutation { createRegions(input: [{ code: "${DISTRICT}", name: "审计测试区", level: DISTRICT, status: ACTIVE,
    children: { create: [{ node: { code: "${TOWN}", name: "审计测试镇", level: TOWN, status: ACTIVE } }] } }]) { regions { code } } }`);
  editor = await tokenFor("EDITOR", [DISTRICT], "generated-editor");
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

describe("a request of generated mutations", () => {
  it("commits its mutations and one audit entry per field together", async () => {
    const { data, errors } = await platform.gql(
      `mutation($code: String!, $other: String!) {
        first: ${CREATE_VILLAGE}
        second: updateRegions(where: { code: { eq: $other } }, update: { population: { set: 5 } }) { regions { code } }
      }`,
      { code: village(1), other: TOWN },
      editor,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ first: { regions: [{ code: village(1) }] }, second: { regions: [{ code: TOWN }] } });
    expect(await entriesFor(village(1))).toEqual(["createRegions"]);
    expect(await entriesFor(TOWN)).toContain("updateRegions");
  });

  it("writes nothing, no entry either, when one of its fields fails", async () => {
    const before = await fingerprint(driver);
    const { data, errors } = await platform.gql(
      `mutation($code: String!, $taken: String!) {
        fine: ${CREATE_VILLAGE}
        taken: createRegions(input: [{ code: $taken, name: "重复", level: VILLAGE, status: ACTIVE }]) { regions { code } }
      }`,
      { code: village(2), taken: village(1) },
      editor,
    );
    expect(errors?.[0]?.extensions?.code).toBe("CONSTRAINT_VIOLATION");
    expect(data ?? null).toBeNull();
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("audits a mutation reached through a fragment", async () => {
    const { errors } = await platform.gql(
      `mutation($code: String!) { ...Create } fragment Create on Mutation { ${CREATE_VILLAGE} }`,
      { code: village(3) },
      editor,
    );
    expect(errors).toBeUndefined();
    expect(await entriesFor(village(3))).toEqual(["createRegions"]);
  });

  it("may not mix generated and hand-written mutations: 400, nothing written", async () => {
    const before = await fingerprint(driver);
    const response = await fetch(`${platform.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editor}` },
      body: JSON.stringify({
        query: `mutation($code: String!) { ${CREATE_VILLAGE} endPairing(pairingId: "nowhere", endedOn: "2026-01-01") { id } }`,
        variables: { code: village(4) },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    expect(await fingerprint(driver)).toEqual(before);
  });
});
