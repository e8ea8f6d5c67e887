/**
 * Coverage analytics over GraphQL against the hand-computed fixture (tests/fixtures) and the
 * sample region: every GapKind, both rates, chainComplete, boundaries, rollups, errors, and
 * a constant number of Cypher queries whatever the report's size.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { toNumber } from "../src/database/cypher.js";
import { withCheckCharacter } from "../src/domain/credit-code.js";
import { loadSeed } from "../src/seed/loader.js";
import {
  coverageFixture,
  D,
  EXPECTED,
  FIXTURE_AS_OF,
  T1,
  T2,
  V1,
  V2,
  V3,
  V5,
  NV,
} from "./fixtures/coverage-fixture.js";
import { EVERY_VILLAGE_TIMEOUT_MS, inBatches, startTestPlatform, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { LAIXI } from "./fixtures/sample.js";

let platform: TestPlatform;
let driver: Driver;
beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await loadSeed(driver, coverageFixture());
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

const REPORT = `
  fragment Figures on CoverageReport {
    region { code name level }
    asOf
    twoNew { total organizational workOnly none orgCoverageRate workCoverageRate }
    villages { total withPartyOrg chainComplete secretaryIsDirector secretaryIsCollectiveHead weak withPartyLedCooperative centralHouseholdReach }
    gapCounts { kind count }
  }
  query ($code: String!, $asOf: Date, $depth: Int) {
    coverageReport(regionCode: $code, asOf: $asOf, depth: $depth) {
      ...Figures
      children { ...Figures children { ...Figures children { region { code } } } }
    }
  }`;

type Figures = {
  region: { code: string };
  twoNew: Record<string, number | null>;
  villages: Record<string, number | null>;
  gapCounts: Array<{ kind: string; count: number }>;
  children: Figures[];
};

async function report(code: string, depth: number, asOf: string | null = FIXTURE_AS_OF) {
  const response = await platform.gql<{ coverageReport: Figures }>(REPORT, { code, asOf, depth });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return {
    report: response.data!.coverageReport,
    queries: (response as { extensions?: { cypherQueries: number } }).extensions?.cypherQueries,
  };
}

const gapMap = (r: Figures) => Object.fromEntries(r.gapCounts.map((g) => [g.kind, g.count]));
const sum = (a: Record<string, number | null>, b: Record<string, number | null>) =>
  Object.fromEntries(Object.keys(a).map((k) => [k, a[k] === null || b[k] === null ? null : a[k]! + b[k]!]));

describe("coverageReport on the fixture", () => {
  it("gives each town its hand-computed figures and gap counts", async () => {
    const { report: d } = await report(D, 1);
    const [t1, t2] = d.children;
    expect(t1!.region.code).toBe(T1);
    expect(t2!.region.code).toBe(T2);
    expect(t1!.twoNew).toMatchObject(EXPECTED.T1.twoNew);
    expect(t1!.villages).toEqual(EXPECTED.T1.villages);
    expect(gapMap(t1!)).toEqual(EXPECTED.T1.gaps);
    expect(t2!.villages).toEqual(EXPECTED.T2.villages);
    expect(gapMap(t2!)).toEqual(EXPECTED.T2.gaps);
  });

  it("rolls the towns up into the district, with both rates", async () => {
    const { report: d } = await report(D, 0);
    expect(d.children).toEqual([]);
    expect(d.villages).toEqual(sum(EXPECTED.T1.villages, EXPECTED.T2.villages));
    expect(gapMap(d)).toEqual(sum(EXPECTED.T1.gaps, EXPECTED.T2.gaps));
    expect(d.twoNew.orgCoverageRate).toBeCloseTo(2 / 6, 10);
    expect(d.twoNew.workCoverageRate).toBeCloseTo(4 / 6, 10);
    expect(d.gapCounts.map((g) => g.kind)).toHaveLength(22);
  });

  it("gives null rates where there is no two-new organization", async () => {
    const { report: t2 } = await report(T2, 0);
    expect(t2.twoNew).toEqual({
      total: 0,
      organizational: 0,
      workOnly: 0,
      none: 0,
      orgCoverageRate: null,
      workCoverageRate: null,
    });
  });

  it("goes depth levels down over ACTIVE regions only (the MERGED village is left out)", async () => {
    const { report: d } = await report(D, 3);
    const t1 = d.children[0]!;
    expect(t1.children.map((c) => c.region.code)).toEqual([V1, V2, V3]);
    expect(t1.children[0]!.children.map((c) => c.region.code)).toEqual([`${V1}-G01`, `${V1}-G02`]);
    const village = (code: string) => d.children.flatMap((t) => t.children).find((c) => c.region.code === code)!;
    expect(gapMap(village(V2))).toMatchObject({
      SECRETARY_NOT_DIRECTOR: 1,
      NO_RECENT_RECRUITMENT: 1,
      WEAK_VILLAGE_UNPAIRED: 1,
      GRID_WITHOUT_CENTRAL_HOUSEHOLD: 1,
    });
    expect(village(V1).villages.chainComplete).toBe(1);
    expect(village(NV).villages.chainComplete).toBe(1);
    expect(village(V5).villages.chainComplete).toBe(0);
  });

  it("moves the boundaries with asOf: a day later the 90-day meeting and the exact-two-year recruit lapse", async () => {
    const { report: t1 } = await report(T1, 0, "2026-07-01");
    expect(gapMap(t1)).toMatchObject({ COUNCIL_INACTIVE: 2 });
    const { data } = await platform.gql(
      `{ coverageGaps(regionCode: "${T1}", kinds: [NO_RECENT_RECRUITMENT], asOf: "2026-07-01") { edges { node { subjectId } } } }`,
    );
    // V1's recruit of 2024-06-30 is now out of the window; V2's recruit of 2026-07-01 is now in it.
    expect(data!.coverageGaps.edges.map((e: { node: { subjectId: string } }) => e.node.subjectId)).toEqual([V1]);
  });

  it("costs the same number of Cypher queries for a small town and the whole city at depth 2", async () => {
    const town = await report(T2, 2, null);
    const city = await report("370200000000", 2, null);
    expect(city.report.children.length).toBeGreaterThan(0);
    // Today's answers are kept: the root's lookup, its kept place, the report's regions with their totals, the councils.
    expect(town.queries).toBe(4);
    expect(city.queries).toBe(town.queries);
    // Another day is computed: the count of village-level units, 6 statements of facts, the report's regions,
    // the root's lookup and the graph's state mark.
    const past = await report(T2, 2);
    expect(past.queries).toBe(10);
  });

  it("rejects an unknown region, a malformed code, a negative depth and a too-deep one with BAD_USER_INPUT", async () => {
    for (const [variables, field] of [
      [{ code: "379999999999", depth: 1 }, "regionCode"],
      [{ code: "37-02", depth: 1 }, "regionCode"],
      [{ code: D, depth: -1 }, "depth"],
      [{ code: D, depth: 6 }, "depth"],
    ] as const) {
      const { errors } = await platform.gql(REPORT, variables);
      expect(errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});

const GAPS = `query ($code: String!, $kinds: [GapKind!], $first: Int, $after: String) {
  coverageGaps(regionCode: $code, kinds: $kinds, asOf: "${FIXTURE_AS_OF}", first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { kind subjectId subjectName subjectLabel regionCode reason reasonLabel { zh en } } }
  }
}`;

describe("coverageGaps on the fixture", () => {
  it("lists every gap ordered by kind then subject, with reasons, page by page", async () => {
    const all = await platform.gql(GAPS, { code: D, first: 500 });
    const nodes = all.data!.coverageGaps.edges.map((e: { node: Record<string, string> }) => e.node);
    // 18 of the original kinds, 10 of the December 2026 additions (see EXPECTED).
    expect(all.data!.coverageGaps.totalCount).toBe(28);
    const keys = nodes.map((n: Record<string, string>) => `${n.kind}:${n.subjectId}`);
    expect(keys).toEqual([...keys].sort());
    expect(
      nodes.find((n: Record<string, string>) => n.kind === "SHOULD_FORM_OWN_ORG" && n.subjectId === "fx-e1"),
    ).toMatchObject({
      subjectLabel: "TwoNewOrganization",
      regionCode: V1,
      reason: "3 formal Party members, covered only by a joint branch",
      reasonLabel: {
        zh: "有正式党员 3 名，仅以联合组建方式覆盖",
        en: "3 formal Party members, covered only by a joint branch",
      },
    });
    // Every reason in both languages: the English is `reason`, the Chinese has no English word in it.
    for (const node of nodes as Array<{ reason: string; reasonLabel: { zh: string; en: string } }>) {
      expect(node.reasonLabel.en).toBe(node.reason);
      expect(node.reasonLabel.zh).toMatch(/^[^A-Za-z]+$/);
    }
    expect(nodes.find((n: Record<string, string>) => n.subjectId === "fx-e5")?.reason).toBe(
      "4 formal Party members, no Party organization covers it",
    );
    expect(nodes.find((n: Record<string, string>) => n.subjectId === "fx-e2")).toMatchObject({
      kind: "SHOULD_JOIN_JOINT_ORG",
      reason: "2 formal Party members, no Party organization covers it",
    });
    expect(
      nodes
        .filter((n: Record<string, string>) => n.kind === "COUNCIL_INACTIVE")
        .map((n: Record<string, string>) => n.subjectId),
    ).toEqual(["fx-council-never", "fx-council-v5"]);
    expect(nodes.find((n: Record<string, string>) => n.kind === "VILLAGE_WITHOUT_PARTY_ORG")).toMatchObject({
      subjectId: V3,
      subjectLabel: "Region",
      regionCode: V3,
    });

    const pages: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await platform.gql(GAPS, { code: D, first: 5, after });
      pages.push(
        ...page.data.coverageGaps.edges.map(
          (e: { node: Record<string, string> }) => `${e.node.kind}:${e.node.subjectId}`,
        ),
      );
      after = page.data.coverageGaps.pageInfo.hasNextPage ? page.data.coverageGaps.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual(keys);
  });

  it("filters by kind", async () => {
    const { data } = await platform.gql(GAPS, { code: T1, kinds: ["WEAK_VILLAGE_UNPAIRED", "NO_SERVICE_STATION"] });
    expect(
      data!.coverageGaps.edges.map((e: { node: Record<string, string> }) => `${e.node.kind}:${e.node.subjectId}`),
    ).toEqual([`NO_SERVICE_STATION:${V3}`, `WEAK_VILLAGE_UNPAIRED:${V2}`, `WEAK_VILLAGE_UNPAIRED:${V3}`]);
  });

  it("rejects a malformed cursor and a negative page size", async () => {
    const bad = await platform.gql(GAPS, { code: D, after: "not-a-cursor" });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const negative = await platform.gql(GAPS, { code: D, first: -1 });
    expect(negative.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

const CHAIN = `query ($code: String!) {
  organizationChain(villageCode: $code) {
    village { code } town { code } townOrganization { id } villageOrganization { id }
    grids { code gridOrganization { id } centralHouseholds { personId households } subGrids centralHouseholdsBelow }
    complete missing missingLabels { zh en }
  }
}`;

describe("organizationChain", () => {
  it("shows a complete chain link by link", async () => {
    const { data } = await platform.gql(CHAIN, { code: NV });
    const chain = data!.organizationChain;
    expect(chain).toMatchObject({
      town: { code: T2 },
      townOrganization: { id: "fx-town-2" },
      villageOrganization: { id: "fx-onv" },
      complete: true,
      missing: [],
      missingLabels: [],
    });
    expect(
      chain.grids.map(
        (g: {
          code: string;
          gridOrganization: { id: string } | null;
          subGrids: number;
          centralHouseholdsBelow: number;
        }) => [g.code, g.gridOrganization?.id, g.subGrids, g.centralHouseholdsBelow],
      ),
    ).toEqual([
      ["379900102251", "fx-oa1", 1, 1],
      ["379900102252", "fx-oa2", 0, 1],
    ]);
  });

  it("says what breaks a chain", async () => {
    const v5 = (await platform.gql(CHAIN, { code: V5 })).data!.organizationChain;
    expect(v5.complete).toBe(false);
    expect(v5.townOrganization).toBeNull();
    expect(v5.missing).toEqual([
      "the village Party organization is not subordinate to an active town Party organization of its town",
    ]);
    const v2 = (await platform.gql(CHAIN, { code: V2 })).data!.organizationChain;
    expect(v2.missing).toEqual(["1 grid(s) without a central household"]);
    // In both languages too: the English is missing, the Chinese has no English word.
    expect(v5.missingLabels).toEqual([{ zh: "村党组织未隶属本镇在册的镇党委", en: v5.missing[0] }]);
    expect(v2.missingLabels).toEqual([{ zh: "1 个网格没有党员中心户", en: "1 grid(s) without a central household" }]);
  });

  it("rejects a region that is not a village", async () => {
    const { errors } = await platform.gql(CHAIN, { code: T1 });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "villageCode" });
  });
});

describe("the sample region", () => {
  it(
    "has every GapKind at least once on the day it was loaded, and chain views agreeing with the report",
    async () => {
      const { report: laixi } = await report(LAIXI, 1, inject("sampleAsOf"));
      for (const { kind, count } of laixi.gapCounts) expect(count, kind).toBeGreaterThan(0);
      const villages = await platform.gql(
        `{ regions(where: { level: { eq: VILLAGE }, status: { eq: ACTIVE }, code: { startsWith: "370285" } }, limit: 1000) { code } }`,
      );
      let complete = 0;
      await inBatches(villages.data!.regions as Array<{ code: string }>, async ({ code }) => {
        if ((await platform.gql(CHAIN, { code })).data!.organizationChain.complete) complete += 1;
      });
      expect(complete).toBe(laixi.villages.chainComplete);
    },
    EVERY_VILLAGE_TIMEOUT_MS,
  );
});

describe("kept and remembered answers", () => {
  const creditCode = withCheckCharacter("91379900MA3TCACH0");
  const LOCATED_IN_V5 = `mutation ($code: String!) {
    createTwoNewOrganizations(input: [{ name: "乙镇缓存测试公司", type: ENTERPRISE, creditCode: $code,
      locatedIn: { connect: [{ where: { node: { code: { eq: "${V5}" } } } }] } }]) { twoNewOrganizations { id } }
  }`;

  it("keeps today's report current after every write, through the API or not, at the same cost", async () => {
    const first = await report(T2, 0, null);
    const again = await report(T2, 0, null);
    expect(again.report).toEqual(first.report);
    expect(again.queries).toBe(2); // remembered under the region's kept stamp: the lookup and the kept row

    await platform.ok(LOCATED_IN_V5, { code: creditCode });
    const afterCreate = await report(T2, 0, null);
    expect(afterCreate.report.twoNew).toMatchObject({
      total: first.report.twoNew.total! + 1,
      none: first.report.twoNew.none! + 1,
    });
    // The change was applied to what is kept, not recomputed in the request: the lookup, the kept row, its tree, its councils.
    expect(afterCreate.queries).toBe(4);

    // A write by another client (here the driver itself) is seen as well.
    await driver.executeQuery("MATCH (o:TwoNewOrganization {creditCode: $creditCode}) DETACH DELETE o", { creditCode });
    expect((await report(T2, 0, null)).report).toEqual(first.report);
  });

  it("answers another day's report from memory until anyone commits a write", async () => {
    const first = await report(T2, 0);
    const again = await report(T2, 0);
    expect(again.report).toEqual(first.report);
    expect(again.queries).toBe(2); // the region lookup and the state mark only
    await platform.ok(LOCATED_IN_V5, { code: creditCode });
    // depth 0: the count of its village-level units, the 6 statements of facts, the lookup and the mark
    expect((await report(T2, 0)).queries).toBe(9);
    await driver.executeQuery("MATCH (o:TwoNewOrganization {creditCode: $creditCode}) DETACH DELETE o", { creditCode });
  });

  it("remembers gap lists too: the next page costs no facts", async () => {
    const GAPS = `query ($after: String) { coverageGaps(regionCode: "${D}", asOf: "${FIXTURE_AS_OF}", first: 3, after: $after) {
      edges { node { kind subjectId } } pageInfo { endCursor } } }`;
    const first = await platform.gql(GAPS);
    const second = await platform.gql(GAPS, { after: first.data!.coverageGaps.pageInfo.endCursor });
    expect(second.data!.coverageGaps.edges).toHaveLength(3);
    expect(second.data!.coverageGaps.edges[0]).not.toEqual(first.data!.coverageGaps.edges[0]);
    expect((second as { extensions?: { cypherQueries: number } }).extensions?.cypherQueries).toBe(2);
  });

  it("refuses a report or gap list from scratch for a region over SCRATCH_MAX_VILLAGES, saying what to ask instead, and goes on serving", async () => {
    const units = async (code: string) =>
      toNumber(
        (
          await driver.executeQuery(
            "MATCH (:Region {code: $code})<-[:PART_OF*0..]-(u:Region) WHERE u.level IN ['VILLAGE', 'RESIDENTIAL'] RETURN count(u) AS n",
            { code },
          )
        ).records[0]!.get("n"),
      );
    const [inDistrict, inTown] = [await units(D), await units(T1)];
    expect(inTown).toBeLessThan(inDistrict);
    const small = await startTestPlatform({ SCRATCH_MAX_VILLAGES: String(inTown) });
    try {
      const GAP_PAGE = `query ($code: String!) { coverageGaps(regionCode: $code, asOf: "${FIXTURE_AS_OF}", first: 1) { totalCount } }`;
      const refusals = [
        await small.gql(REPORT, { code: D, asOf: FIXTURE_AS_OF, depth: 1 }),
        await small.gql(GAP_PAGE, { code: D }),
      ];
      // Refused once its size is read: the report reads nothing of the region's tree either (a read
      // left streaming after the refusal filled the API's heap at province scale).
      const statements = refusals.map(
        (refused) => (refused as { extensions?: { cypherQueries: number } }).extensions!.cypherQueries,
      );
      expect(statements[0]).toBe(statements[1]);
      for (const refused of refusals) {
        expect(refused.data).toBeNull();
        expect(refused.errors![0]!.extensions).toMatchObject({
          code: "BAD_USER_INPUT",
          field: "regionCode",
          villageUnits: inDistrict,
          limit: inTown,
        });
        expect(refused.errors![0]!.message).toMatch(/Ask for the regions below it one at a time, or for today/);
      }
      // The town below it still answers from scratch, its report and gap list asked together each
      // taking the whole limit (so one after the other), and today's district report is kept, so it answers too.
      const [townReport, townGaps] = await Promise.all([
        small.ok<{ coverageReport: Figures }>(REPORT, { code: T1, asOf: FIXTURE_AS_OF, depth: 1 }),
        small.ok<{ coverageGaps: { totalCount: number } }>(GAP_PAGE, { code: T1 }),
      ]);
      expect(townReport.coverageReport.region.code).toBe(T1);
      expect(townGaps.coverageGaps.totalCount).toBeGreaterThan(0);
      expect(
        (await small.ok<{ coverageReport: Figures }>(REPORT, { code: D, asOf: null, depth: 1 })).coverageReport.region
          .code,
      ).toBe(D);
    } finally {
      await small.stop();
    }
  });
});
