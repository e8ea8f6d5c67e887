/**
 * What a front end can rely on (issue 17): one error shape for arguments, whatever refuses them
 * (a documented bound, a scalar, graphql-js's own checks), QUERY_TOO_COMPLEX only for the cost
 * of a whole operation; Date and DateTime with specifiedByURL; queries over GET with CSRF
 * protection, mutations refused over GET.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, tokenFor, type GraphQLResponse, type TestPlatform } from "./helpers.js";

let platform: TestPlatform;
let admin: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  admin = await tokenFor("ADMIN", [], "contract-admin");
});
afterAll(() => platform?.stop());

const GAP_PAGE = `query ($first: Int) { coverageGaps(regionCode: "370285000000", first: $first) {
  totalCount edges { cursor node { kind subjectId subjectName regionCode reason } } } }`;

/** The first error's message and extensions (without the stack trace). */
async function firstError(query: string, variables?: Record<string, unknown>) {
  const { errors } = await platform.gql(query, variables);
  expect(errors, "an error").toBeDefined();
  const { stacktrace: _, ...extensions } = errors![0]!.extensions ?? {};
  return { message: errors![0]!.message, extensions };
}

describe("arguments beyond their documented bounds", () => {
  it("refuses a hand-written page size above 500 as BAD_USER_INPUT naming `first`, however large", async () => {
    for (const first of [501, 600, 10_000, 1_000_000]) {
      const { extensions, message } = await firstError(GAP_PAGE, { first });
      expect(extensions, String(first)).toEqual({ code: "BAD_USER_INPUT", field: "first" });
      expect(message).toBe(`first must be a whole number from 0 to 500, got ${first}`);
    }
    const literal = await firstError(
      `{ auditTrail(first: 10000) { entries { id at actor role operation subjectIds regionCodes } } }`,
    );
    expect(literal.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    expect((await firstError(GAP_PAGE, { first: -1 })).extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    expect((await platform.ok(GAP_PAGE, { first: 500 })).coverageGaps.edges.length).toBeGreaterThan(0);
  });

  it("refuses a negative generated limit, first or offset as BAD_USER_INPUT naming it", async () => {
    expect((await firstError(`{ regions(limit: -1) { code } }`)).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "limit",
    });
    expect((await firstError(`{ regions(limit: 1, offset: -5) { code } }`)).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "offset",
    });
    expect(
      (await firstError(`query ($n: Int) { regionsConnection(first: $n) { totalCount } }`, { n: -1 })).extensions,
    ).toEqual({
      code: "BAD_USER_INPUT",
      field: "first",
    });
  });

  it("caps a generated limit at the type's maximum, and counts the cost at that cap", async () => {
    const { people } = await platform.ok(`{ people(limit: 60000) { id } }`);
    expect(people).toHaveLength(1000);
  });

  it("keeps QUERY_TOO_COMPLEX for the cost of a whole operation", async () => {
    const { extensions } = await firstError(`{ regions(limit: 1000) { children(limit: 1000) { code name level } } }`);
    expect(extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxComplexity: 50_000 });
  });
});

describe("invalid dates", () => {
  it("refuses an impossible or malformed Date as BAD_USER_INPUT naming the argument, literal or variable", async () => {
    const report = (asOf: string) => `{ coverageReport(regionCode: "370285000000", asOf: ${asOf}, depth: 0) { asOf } }`;
    for (const bad of [`"2026-02-30"`, `"2026-13-01"`, `"15/11/2026"`, `"2026-11-15T00:00:00Z"`, `20261115`]) {
      expect((await firstError(report(bad))).extensions, bad).toEqual({ code: "BAD_USER_INPUT", field: "asOf" });
    }
    const variable = await firstError(
      `query ($d: Date) { coverageReport(regionCode: "370285000000", asOf: $d, depth: 0) { asOf } }`,
      { d: "2026-02-30" },
    );
    expect(variable.extensions).toEqual({ code: "BAD_USER_INPUT", field: "asOf" });
    expect(variable.message).toMatch(/yyyy-mm-dd/);
    expect((await platform.ok(report(`"2028-02-29"`))).coverageReport.asOf).toBe("2028-02-29");
  });

  it("names the path inside input objects and lists, in the hand-written and the generated API", async () => {
    const pairing = await firstError(`mutation ($input: CreatePairingInput!) { createPairing(input: $input) { id } }`, {
      input: { kind: "URBAN_RURAL", startedOn: "2026-04-31", parties: [] },
    });
    expect(pairing.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.startedOn" });
    const created = await firstError(
      `mutation { createRegions(input: [{ code: "379300101299", name: "x", level: VILLAGE, status: ACTIVE, validFrom: "2026-1-1" }]) { info { nodesCreated } } }`,
    );
    expect(created.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input[0].validFrom" });
    const filtered = await firstError(`query ($d: Date) { regions(where: { validFrom: { gt: $d } }) { code } }`, {
      d: "yesterday",
    });
    expect(filtered.extensions).toEqual({ code: "BAD_USER_INPUT", field: "where.validFrom.gt" });
  });

  it("refuses a DateTime that is no instant, naming the argument", async () => {
    expect((await firstError(`{ auditTrail(from: "soon") { hasNextPage } }`)).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "from",
    });
    expect(
      (await firstError(`query ($to: DateTime) { auditTrail(to: $to) { hasNextPage } }`, { to: 17 })).extensions,
    ).toEqual({ code: "BAD_USER_INPUT", field: "to" });
  });

  it("also names the argument of graphql-js's own value checks, keeping their code", async () => {
    const { extensions } = await firstError(`{ regions(where: { level: { eq: VILAGE } }) { code } }`);
    expect(extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", field: "where.level.eq" });
  });
});

describe("scalars", () => {
  it("publish their format with specifiedByURL", async () => {
    const data = await platform.ok(
      `{ date: __type(name: "Date") { specifiedByURL } dateTime: __type(name: "DateTime") { specifiedByURL } }`,
    );
    expect(data).toEqual({
      date: { specifiedByURL: "https://scalars.graphql.org/andimarek/local-date.html" },
      dateTime: { specifiedByURL: "https://scalars.graphql.org/andimarek/date-time.html" },
    });
  });
});

describe("GET", () => {
  const get = async (params: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${platform.url}/graphql?${new URLSearchParams(params)}`, {
      headers: { authorization: `Bearer ${admin}`, ...headers },
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  };
  const QUERY = `query Towns($parent: String!) { regions(where: { parent: { some: { code: { eq: $parent } } } }, sort: [{ code: ASC }], limit: 2) { code } }`;
  const params = { query: QUERY, variables: JSON.stringify({ parent: "370285000000" }), operationName: "Towns" };

  it("answers a query that carries apollo-require-preflight or x-apollo-operation-name", async () => {
    const expected = { regions: [{ code: "370285001000" }, { code: "370285002000" }] };
    for (const header of [{ "apollo-require-preflight": "true" }, { "x-apollo-operation-name": "Towns" }] as Array<
      Record<string, string>
    >) {
      const { status, body } = await get(params, header);
      expect(status, JSON.stringify(header)).toBe(200);
      expect(body.data).toEqual(expected);
    }
  });

  it("refuses a GET without those headers as a possible cross-site request (CSRF)", async () => {
    const { status, body } = await get(params);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions?.code).toBe("BAD_REQUEST");
    expect(body.errors![0]!.message).toMatch(/Cross-Site Request Forgery/);
  });

  it("refuses mutations over GET (405), writing nothing", async () => {
    const code = "379300101298";
    const { status, body } = await get(
      {
        query: `mutation { createRegions(input: [{ code: "${code}", name: "经GET", level: VILLAGE, status: ACTIVE }]) { info { nodesCreated } } }`,
      },
      { "apollo-require-preflight": "true" },
    );
    expect(status).toBe(405);
    expect(body.errors![0]!.extensions?.code).toBe("BAD_REQUEST");
    expect((await platform.ok(`{ regions(where: { code: { eq: "${code}" } }) { code } }`)).regions).toEqual([]);
  });

  it("still needs the bearer token", async () => {
    const response = await fetch(`${platform.url}/graphql?${new URLSearchParams(params)}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(401);
  });
});
