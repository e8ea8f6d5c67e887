/**
 * Persisted queries as the web explorer sends them (Apollo's automatic persisted queries): the
 * hash alone, the text once when the server has not seen it. A kept operation grants nothing:
 * each request is checked against its own token as if it had sent the text.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestPlatform, tokenFor, type GraphQLResponse, type TestPlatform } from "./helpers.js";

let platform: TestPlatform;

const GAPS = `query PersistedGaps($code: String!) { coverageGaps(regionCode: $code, first: 1) { totalCount } }`;
const hashOf = (query: string) => createHash("sha256").update(query).digest("hex");
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: hashOf(query) } });

async function post(body: Record<string, unknown>, token: string): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(`${platform.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

it("asks for the text of an unknown hash, keeps it once sent, then answers the hash alone", async () => {
  const analyst = await tokenFor("ANALYST", ["370285000000"]);
  const variables = { code: "370285000000" };
  const unknown = await post({ extensions: persisted(GAPS), variables }, analyst);
  expect(unknown.body.errors![0]!.extensions!.code).toBe("PERSISTED_QUERY_NOT_FOUND");

  const registered = await post({ query: GAPS, extensions: persisted(GAPS), variables }, analyst);
  expect(registered.body.errors).toBeUndefined();
  const total = registered.body.data!.coverageGaps.totalCount as number;
  expect(total).toBeGreaterThan(0);

  const byHash = await post({ extensions: persisted(GAPS), variables }, analyst);
  expect(byHash.body.errors).toBeUndefined();
  expect(byHash.body.data).toEqual({ coverageGaps: { totalCount: total } });

  // Over GET too, with the CSRF header, as a cacheable URL.
  const url = new URL(`${platform.url}/graphql`);
  url.searchParams.set("extensions", JSON.stringify(persisted(GAPS)));
  url.searchParams.set("variables", JSON.stringify(variables));
  const get = await fetch(url, { headers: { authorization: `Bearer ${analyst}`, "apollo-require-preflight": "true" } });
  expect(((await get.json()) as GraphQLResponse).data).toEqual({ coverageGaps: { totalCount: total } });
});

it("checks every request against its own token: a kept operation grants nothing", async () => {
  await post(
    { query: GAPS, extensions: persisted(GAPS), variables: { code: "370285000000" } },
    await tokenFor("ADMIN"),
  );
  const viewer = await post(
    { extensions: persisted(GAPS), variables: { code: "370285000000" } },
    await tokenFor("VIEWER", ["370285000000"]),
  );
  expect(viewer.body.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  const outside = await post(
    { extensions: persisted(GAPS), variables: { code: "370285000000" } },
    await tokenFor("ANALYST", ["370285105000"]),
  );
  expect(outside.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "regionCode" });
});

it("refuses a text whose hash is not the one sent", async () => {
  const refused = await post(
    { query: GAPS, extensions: persisted(`${GAPS} `), variables: { code: "370285000000" } },
    await tokenFor("ADMIN"),
  );
  expect(refused.status).toBe(400);
  expect(refused.body.errors![0]!.message).toMatch(/sha does not match/);
});
