/**
 * What a request costs in hand-written Cypher statements (`extensions.cypherQueries`) does not grow
 * with the items it answers: a gap list and its subjects, a pairing network and its nodes' details,
 * the councils of a network and their member units. Each is asked of a small and a large region, and
 * of one item and many, with nothing remembered between requests (ANSWER_CACHE_SIZE=0), both from
 * the kept analytics and computed from scratch. The generated API is not counted: @neo4j/graphql
 * turns each root field, nested relationships included, into one statement of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptAnalyticsReady, laixiTowns, startTestPlatform, type TestPlatform } from "./helpers.js";

const LAIXI = "370285000000";
const TOWN = "370285105000";

// Today's gaps, not the sample's day: only today's are kept, and a run that crosses midnight in the
// platform's time zone would count a gap list from scratch.
const GAPS = `query ($code: String!, $first: Int!) {
  coverageGaps(regionCode: $code, first: $first) {
    totalCount edges { node { kind subjectId subjectName subjectLabel regionCode villageCode townCode missingKinds reason } }
  } }`;
const NETWORK = `query ($code: String!) { pairingNetwork(regionCode: $code, includeCouncils: true) {
  nodes { id type label regionCode attributes { kind category status isWeak formalMembers memberUnits } }
  edges { id type } } }`;

describe.each<{ analytics: string; env: Record<string, string>; gapList: number; network: number }>([
  // The statements each request costs, as measured: the same whatever the region or the page size.
  { analytics: "kept", env: { ANSWER_CACHE_SIZE: "0" }, gapList: 5, network: 5 },
  // From scratch, a gap list first counts the region's village-level units (SCRATCH_MAX_VILLAGES).
  { analytics: "computed from scratch", env: { ANSWER_CACHE_SIZE: "0", ANALYTICS: "scratch" }, gapList: 8, network: 6 },
])("statements per request, analytics $analytics", ({ env, gapList, network }) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(env);
    await keptAnalyticsReady(platform.database.driver);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function cost(query: string, variables: Record<string, unknown>) {
    // Counted with nothing waiting: a change another file left waiting elsewhere adds the check
    // of whether it reaches the region (two statements), whatever the list's length.
    await keptAnalyticsReady(platform.database.driver);
    const response = await platform.gql(query, variables);
    expect(response.errors).toBeUndefined();
    return {
      data: response.data!,
      statements: (response as { extensions?: { cypherQueries: number } }).extensions!.cypherQueries,
    };
  }

  it("lists one gap or all of them, of a town or of the district, for the same statements", async () => {
    const one = await cost(GAPS, { code: LAIXI, first: 1 });
    const many = await cost(GAPS, { code: LAIXI, first: 500 });
    const town = await cost(GAPS, { code: TOWN, first: 500 });
    const counts = [one, many, town].map((c) => c.data.coverageGaps.edges.length);
    expect(counts[0]).toBe(1);
    expect(counts[1]).toBe(many.data.coverageGaps.totalCount);
    expect(counts[1]).toBeGreaterThan(20);
    expect(counts[2]).toBeLessThan(counts[1]!);
    expect([one, many, town].map((c) => c.statements)).toEqual([gapList, gapList, gapList]);
  });

  it("answers a network's nodes with their details, and its councils' member units, for the same statements in a town and the district", async () => {
    const town = await cost(NETWORK, { code: TOWN });
    const district = await cost(NETWORK, { code: LAIXI });
    const nodes = (c: typeof town) =>
      c.data.pairingNetwork.nodes as Array<{ type: string; attributes: { memberUnits: number | null } }>;
    expect(nodes(district).length).toBeGreaterThan(2 * nodes(town).length);
    expect(nodes(district).filter((n) => n.type === "JOINT_COUNCIL").length).toBeGreaterThan(
      nodes(town).filter((n) => n.type === "JOINT_COUNCIL").length,
    );
    expect([town, district].map((c) => c.statements)).toEqual([network, network]);
  });
});

describe("remembered kept answers", () => {
  let platform: TestPlatform;
  const REPORT = `query ($code: String!) { coverageReport(regionCode: $code, depth: 1) { twoNew { total } } }`;
  const PAGE = `query ($code: String!) { coverageGaps(regionCode: $code, first: 5) { totalCount } }`;
  const write = (query: string, params: Record<string, unknown>) =>
    platform.database.driver.executeQuery(query, params).then(() => keptAnalyticsReady(platform.database.driver));
  const touchTwoNew = (village: string, id: string) =>
    write(
      "MATCH (v:Region {code: $village}) CREATE (:TwoNewOrganization {id: $id, name: $id, type: 'ENTERPRISE', employees: 1})-[:LOCATED_IN]->(v)",
      {
        village,
        id,
      },
    );

  beforeAll(async () => {
    platform = await startTestPlatform();
    await keptAnalyticsReady(platform.database.driver);
  });
  afterAll(async () => {
    await platform?.database.driver.executeQuery(
      "MATCH (o:TwoNewOrganization) WHERE o.id STARTS WITH 'statement-counts-' DETACH DELETE o",
    );
    await platform?.stop();
  });

  async function asked(query: string, code: string) {
    const response = await platform.gql(query, { code });
    expect(response.errors).toBeUndefined();
    return {
      data: response.data!,
      statements: (response as { extensions?: { cypherQueries: number } }).extensions!.cypherQueries,
    };
  }

  it("answer again from memory until a write reaches their region, then show the write", async () => {
    const [town, other] = await laixiTowns(platform.database.driver);
    const first = await asked(REPORT, town!.code);
    const firstPage = await asked(PAGE, town!.code);
    // Asked again: the region is looked up and its kept stamp read, nothing else.
    const again = await asked(REPORT, town!.code);
    expect(again.statements).toBe(2);
    expect(again.statements).toBeLessThan(first.statements);
    expect((await asked(PAGE, town!.code)).statements).toBe(2);
    expect(firstPage.statements).toBeGreaterThan(2);

    await touchTwoNew(other!.village, "statement-counts-elsewhere");
    expect((await asked(REPORT, town!.code)).statements).toBe(2);

    await touchTwoNew(town!.village, "statement-counts-here");
    const after = await asked(REPORT, town!.code);
    expect(after.statements).toBe(first.statements);
    expect(after.data.coverageReport.twoNew.total).toBe(first.data.coverageReport.twoNew.total + 1);
  });
});
