/**
 * The rules of DOMAIN.md's "Additions (December 2026)" over GraphQL against their hand-computed
 * fixture (tests/fixtures/additions-fixture.ts): organizational life at every window boundary,
 * first secretaries and work teams at their service dates, new-village structures, the chain
 * gaps (one per break, and the invariant), villageCode/townCode on every gap with the filters,
 * and the two indicators. Then the sample region: every new kind present, and the chain invariant.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { loadSeed } from "../src/seed/loader.js";
import {
  AD,
  additionsFixture,
  ADDITIONS_AS_OF,
  ADDITIONS_EXPECTED as EXPECTED,
  AT,
  av,
  before,
  COMMUNITY_T3,
  NO_TOWN_VILLAGE,
} from "./fixtures/additions-fixture.js";
import { EVERY_VILLAGE_TIMEOUT_MS, inBatches, startTestPlatform, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { LAIXI, plantedAt } from "./fixtures/sample.js";

let platform: TestPlatform;
let driver: Driver;
beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await loadSeed(driver, additionsFixture());
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

interface GapNode {
  kind: string;
  subjectId: string;
  subjectLabel: string;
  regionCode: string;
  villageCode: string | null;
  townCode: string | null;
  missingKinds: string[];
  reason: string;
}

async function gaps(args: {
  regionCode?: string;
  kinds?: string[];
  villageCode?: string;
  townCode?: string;
  asOf?: string;
}): Promise<GapNode[]> {
  const { regionCode = AD, kinds, villageCode, townCode, asOf = ADDITIONS_AS_OF } = args;
  const data = await platform.ok<{ coverageGaps: { edges: Array<{ node: GapNode }> } }>(
    `query ($code: String!, $kinds: [GapKind!], $village: String, $town: String, $asOf: Date) {
      coverageGaps(regionCode: $code, kinds: $kinds, villageCode: $village, townCode: $town, asOf: $asOf, first: 500) {
        edges { node { kind subjectId subjectLabel regionCode villageCode townCode missingKinds reason } }
      }
    }`,
    { code: regionCode, kinds, village: villageCode, town: townCode, asOf },
  );
  return data.coverageGaps.edges.map((e) => e.node);
}
const subjects = (list: GapNode[]) => list.map((g) => g.subjectId);

describe("ORG_LIFE_OVERDUE", () => {
  it("lists exactly the village organizations of the hand-computed table, with their missing kinds", async () => {
    const list = await gaps({ kinds: ["ORG_LIFE_OVERDUE"], townCode: AT.T1 });
    expect(Object.fromEntries(list.map((g) => [g.subjectId, g.missingKinds]))).toEqual(EXPECTED.orgLife);
    for (const gap of list) {
      expect(gap).toMatchObject({ subjectLabel: "PartyOrganization", townCode: AT.T1 });
      expect(gap.villageCode).toBe(gap.regionCode);
    }
  });

  it("names every missing kind by its label in the reason, with the day it was last held", async () => {
    const list = await gaps({ kinds: ["ORG_LIFE_OVERDUE"], townCode: AT.T1 });
    const never = list.find((g) => g.subjectId === "ad-ol-14")!;
    for (const label of ["党员大会", "支部委员会/党委会", "党课", "主题党日", "组织生活会", "民主评议党员"])
      expect(never.reason).toContain(label);
    expect(never.reason.match(/never held/g)).toHaveLength(6);
    // The event after asOf does not count: the last one held is the one 40 days before.
    expect(list.find((g) => g.subjectId === "ad-ol-5")!.reason).toBe(
      `organizational life overdue: 主题党日 (theme Party day): none in the last 31 days, last held ${before(40)}`,
    );
  });

  it("moves with asOf: a day earlier the 93-day lecture and the 32-day meeting are in time; the event after asOf is not yet", async () => {
    const list = await gaps({ kinds: ["ORG_LIFE_OVERDUE"], townCode: AT.T1, asOf: before(1) });
    const missing = Object.fromEntries(list.map((g) => [g.subjectId, g.missingKinds]));
    expect(missing["ad-ol-2"]).toBeUndefined();
    expect(missing["ad-ol-3"]).toBeUndefined();
    expect(missing["ad-ol-4"]).toBeUndefined();
    // The rhythm events were held the day before the fixture's asOf, i.e. on this asOf: still in time.
    expect(missing["ad-ol-1"]).toBeUndefined();
    // Founded 93 days before the fixture's asOf is 92 days before this one: inside the window now.
    expect(missing["ad-ol-7"]).toEqual(["COMMITTEE_MEETING", "THEME_DAY"]);
  });
});

describe("WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY", () => {
  it("holds for weak villages no first secretary or work team serves on asOf", async () => {
    expect(subjects(await gaps({ kinds: ["WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY"] }))).toEqual(
      EXPECTED.weakWithoutFirstSecretary,
    );
  });

  it("counts a town's work team for the villages under its rural community too", async () => {
    const list = await gaps({ regionCode: AT.T3 });
    expect(list.filter((g) => g.kind === "WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY")).toEqual([]);
    expect(list.find((g) => g.subjectId === av(3, 2) && g.kind === "NO_SERVICE_STATION")).toMatchObject({
      villageCode: av(3, 2),
      townCode: AT.T3,
    });
    expect(COMMUNITY_T3).toMatch(/^379400103/);
  });

  it("a day later, the first secretary whose until was asOf no longer serves, and the one starting after asOf does", async () => {
    const list = subjects(
      await gaps({ kinds: ["WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY"], townCode: AT.T2, asOf: before(-1) }),
    );
    expect(list).toContain(av(2, 1));
    expect(list).not.toContain(av(2, 4));
  });
});

describe("new-village structures", () => {
  it("finds the new village without a part-time committee member and the one without a mass organization", async () => {
    expect(subjects(await gaps({ kinds: ["NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER"] }))).toEqual(
      EXPECTED.newVillageWithoutPartTimeMember,
    );
    expect(subjects(await gaps({ kinds: ["NEW_VILLAGE_WITHOUT_MASS_ORG"] }))).toEqual(
      EXPECTED.newVillageWithoutMassOrg,
    );
    expect(subjects(await gaps({ kinds: ["VILLAGE_WITHOUT_PARTY_ORG"], townCode: AT.T5 }))).toEqual([
      av(5, 4),
      av(5, 6),
    ]);
  });
});

const CHAIN_KINDS = [
  "VILLAGE_WITHOUT_PARTY_ORG",
  "VILLAGE_ORG_DETACHED",
  "VILLAGE_WITHOUT_GRID",
  "GRID_WITHOUT_PARTY_ORG",
  "GRID_ORG_DETACHED",
  "GRID_WITHOUT_CENTRAL_HOUSEHOLD",
];

describe("chain gaps", () => {
  it("maps each break of the chain to its own gap", async () => {
    expect(subjects(await gaps({ kinds: ["VILLAGE_ORG_DETACHED"] }))).toEqual(EXPECTED.villageOrgDetached);
    expect(subjects(await gaps({ kinds: ["VILLAGE_WITHOUT_GRID"], townCode: AT.T6 }))).toEqual(
      EXPECTED.villageWithoutGrid,
    );
    // The grid under a DISSOLVED village organization (T1) is detached too; the nested grid of T6 is no subject.
    expect(subjects(await gaps({ kinds: ["GRID_ORG_DETACHED"] }))).toEqual([
      `${av(1, 15)}-G01`,
      ...EXPECTED.gridOrgDetached,
    ]);
    const t6 = await gaps({ kinds: CHAIN_KINDS, townCode: AT.T6 });
    expect(t6.map((g) => `${g.kind}:${g.subjectId}`)).toEqual([
      `GRID_ORG_DETACHED:${av(6, 3)}-G02`,
      `GRID_ORG_DETACHED:${av(6, 4)}-G01`,
      `GRID_WITHOUT_CENTRAL_HOUSEHOLD:${av(6, 7)}-G01`,
      `GRID_WITHOUT_PARTY_ORG:${av(6, 3)}-G03`,
      `VILLAGE_ORG_DETACHED:${av(6, 1)}`,
      `VILLAGE_WITHOUT_GRID:${av(6, 2)}`,
      `VILLAGE_WITHOUT_PARTY_ORG:${av(6, 4)}`,
    ]);
  });

  it("says the same in organizationChain, and every incomplete village has a chain gap on itself or a grid below it", async () => {
    const villages = [...[1, 2, 3, 4, 5, 6, 7].map((k) => av(6, k)), NO_TOWN_VILLAGE];
    const incomplete: string[] = [];
    for (const code of villages) {
      const { organizationChain } = await platform.ok<{ organizationChain: { complete: boolean } }>(
        `query ($code: String!) { organizationChain(villageCode: $code) { complete } }`,
        { code },
      );
      if (!organizationChain.complete) incomplete.push(code);
    }
    expect(incomplete).toEqual(EXPECTED.chainIncomplete);
    const chainGaps = await gaps({ kinds: CHAIN_KINDS });
    for (const village of incomplete)
      expect(
        chainGaps.some((g) => g.villageCode === village),
        village,
      ).toBe(true);
  });
});

describe("villageCode and townCode", () => {
  it("place every gap: villages, grids (nested too), organizations, towns, councils, two-new organizations", async () => {
    const all = await gaps({});
    const find = (kind: string, subjectId: string) => all.find((g) => g.kind === kind && g.subjectId === subjectId);
    expect(find("GRID_WITHOUT_CENTRAL_HOUSEHOLD", `${av(6, 7)}-G01`)).toMatchObject({
      villageCode: av(6, 7),
      townCode: AT.T6,
    });
    expect(find("GRID_WITHOUT_PARTY_ORG", `${av(7, 2)}-G01-G01`)).toMatchObject({
      villageCode: av(7, 2),
      townCode: AT.T7,
    });
    expect(find("NO_RESERVE_SECRETARY", av(6, 5))).toMatchObject({ villageCode: av(6, 5), townCode: AT.T6 }); // through a rural community
    expect(find("TOWN_WITHOUT_JOINT_MEETING", AT.T1)).toMatchObject({ villageCode: null, townCode: AT.T1 });
    expect(find("COUNCIL_INACTIVE", "ad-council-town")).toMatchObject({ villageCode: null, townCode: AT.T6 });
    expect(find("COUNCIL_INACTIVE", "ad-council-village")).toMatchObject({ villageCode: av(5, 1), townCode: AT.T5 });
    expect(find("NO_WORK_COVERAGE", "ad-tno-town")).toMatchObject({ villageCode: null, townCode: AT.T7 });
    expect(find("VILLAGE_ORG_DETACHED", NO_TOWN_VILLAGE)).toMatchObject({
      villageCode: NO_TOWN_VILLAGE,
      townCode: null,
    });
    expect(find("ORG_LIFE_OVERDUE", "ad-c7")).toMatchObject({
      regionCode: av(6, 7),
      villageCode: av(6, 7),
      townCode: AT.T6,
    });
    expect(
      all.every((g) => Array.isArray(g.missingKinds) && (g.kind === "ORG_LIFE_OVERDUE") === g.missingKinds.length > 0),
    ).toBe(true);
  });

  it("filter gap lists by village and by town", async () => {
    const village = await gaps({ villageCode: av(6, 3) });
    expect(village.length).toBeGreaterThan(2);
    expect(village.every((g) => g.villageCode === av(6, 3) && g.townCode === AT.T6)).toBe(true);
    expect(subjects(village)).toEqual(
      expect.arrayContaining([`${av(6, 3)}-G02`, `${av(6, 3)}-G03`, av(6, 3), "ad-c3"]),
    );
    const town = await gaps({ townCode: AT.T6 });
    expect(town.every((g) => g.townCode === AT.T6)).toBe(true);
    expect(town.length).toBeGreaterThan(village.length);
    expect(await gaps({ villageCode: av(6, 3), townCode: AT.T1 })).toEqual([]);
    const { errors } = await platform.gql(
      `{ coverageGaps(regionCode: "${AD}", villageCode: "37940010620") { totalCount } }`,
    );
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "villageCode" });
  });
});

describe("indicators", () => {
  type Villages = { withPartyLedCooperative: number; centralHouseholdReach: number | null };
  type Report = {
    region: { code: string };
    villages: Villages;
    gapCounts: Array<{ kind: string; count: number }>;
    children: Report[];
  };

  it("rolls up withPartyLedCooperative and centralHouseholdReach as a ratio of sums, per region", async () => {
    const { coverageReport: t7 } = await platform.ok<{ coverageReport: Report }>(
      `{ coverageReport(regionCode: "${AT.T7}", asOf: "${ADDITIONS_AS_OF}", depth: 2) {
        region { code } villages { withPartyLedCooperative centralHouseholdReach }
        children { region { code } villages { withPartyLedCooperative centralHouseholdReach } children { region { code } villages { centralHouseholdReach } } }
      } }`,
    );
    expect(t7.villages.withPartyLedCooperative).toBe(EXPECTED.withPartyLedCooperative.T7);
    expect(t7.villages.centralHouseholdReach).toBeCloseTo(EXPECTED.reach.T7!, 12);
    for (const child of t7.children) {
      const code = child.region.code;
      expect(child.villages.withPartyLedCooperative, code).toBe(EXPECTED.withPartyLedCooperative[code]);
      if (EXPECTED.reach[code] === null) expect(child.villages.centralHouseholdReach, code).toBeNull();
      else expect(child.villages.centralHouseholdReach, code).toBeCloseTo(EXPECTED.reach[code]!, 12);
      // A grid has no village households below it.
      for (const grid of child.children) expect(grid.villages.centralHouseholdReach).toBeNull();
    }
    expect(t7.children.map((c) => c.region.code)).toEqual([av(7, 1), av(7, 2), av(7, 3), av(7, 5)]);
  });

  it("counts the new kinds per town, and each kind once in the district's total", async () => {
    const { coverageReport: d } = await platform.ok<{ coverageReport: Report }>(
      `{ coverageReport(regionCode: "${AD}", asOf: "${ADDITIONS_AS_OF}", depth: 1) { region { code } villages { withPartyLedCooperative centralHouseholdReach } gapCounts { kind count }
        children { region { code } gapCounts { kind count } } } }`,
    );
    const count = (r: Report, kind: string) => r.gapCounts.find((g) => g.kind === kind)!.count;
    const town = (code: string) => d.children.find((c) => c.region.code === code)!;
    expect(d.gapCounts).toHaveLength(22);
    expect(count(town(AT.T1), "ORG_LIFE_OVERDUE")).toBe(Object.keys(EXPECTED.orgLife).length);
    expect(count(d, "WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY")).toBe(EXPECTED.weakWithoutFirstSecretary.length);
    expect(count(d, "NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER")).toBe(2);
    expect(count(d, "NEW_VILLAGE_WITHOUT_MASS_ORG")).toBe(1);
    expect(count(d, "VILLAGE_ORG_DETACHED")).toBe(2);
    expect(count(town(AT.T6), "VILLAGE_WITHOUT_GRID")).toBe(1);
    expect(count(d, "GRID_ORG_DETACHED")).toBe(3);
    expect(d.villages.withPartyLedCooperative).toBe(2);
  });
});

describe("the sample region", () => {
  const asOf = () => inject("sampleAsOf");
  const NEW_KINDS = [
    "VILLAGE_WITHOUT_GRID",
    "VILLAGE_ORG_DETACHED",
    "GRID_ORG_DETACHED",
    "ORG_LIFE_OVERDUE",
    "WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY",
    "NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER",
    "NEW_VILLAGE_WITHOUT_MASS_ORG",
  ];

  it("shows every new kind and both indicators on the day it was loaded", async () => {
    const { coverageReport: laixi } = await platform.ok<{
      coverageReport: { villages: Record<string, number | null>; gapCounts: Array<{ kind: string; count: number }> };
    }>(
      `query ($asOf: Date) { coverageReport(regionCode: "${LAIXI}", asOf: $asOf, depth: 0) {
        villages { total chainComplete withPartyLedCooperative centralHouseholdReach } gapCounts { kind count } } }`,
      { asOf: asOf() },
    );
    const counts = Object.fromEntries(laixi.gapCounts.map((g) => [g.kind, g.count]));
    for (const kind of NEW_KINDS) expect(counts[kind], kind).toBeGreaterThan(0);
    expect(laixi.villages.withPartyLedCooperative).toBeGreaterThan(0);
    expect(laixi.villages.centralHouseholdReach).toBeGreaterThan(0);
    expect(laixi.villages.centralHouseholdReach).toBeLessThan(1);
    // The planted boundaries, as scripts/generate-sample.ts's DEFECTS table says.
    const overdue = await gaps({ regionCode: LAIXI, kinds: ["ORG_LIFE_OVERDUE"], asOf: asOf() });
    const byVillage = Object.fromEntries(overdue.map((g) => [g.villageCode, g.missingKinds]));
    // Their neighbours in the table sit on the other side of each boundary: 92 days, 31, a BRANCH of 6, 366.
    expect(byVillage).toEqual({
      [plantedAt("CONGRESS_93").code]: ["MEMBER_CONGRESS"], // 93 days
      [plantedAt("THEME_DAY_32").code]: ["THEME_DAY"], // 32 days
      [plantedAt("BRANCH_7_NO_COMMITTEE_MEETING").code]: ["COMMITTEE_MEETING"], // a BRANCH of 7
      [plantedAt("LIFE_MEETING_367").code]: ["LIFE_MEETING"], // 367 days
      [plantedAt("EVENT_AFTER_AS_OF").code]: ["THEME_DAY"], // the only recent theme day is dated after asOf
      [plantedAt("ORG_LIFE_LAPSED").code]: ["MEMBER_CONGRESS", "COMMITTEE_MEETING", "PARTY_LECTURE", "THEME_DAY"],
    });
    expect(
      subjects(await gaps({ regionCode: LAIXI, kinds: ["WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY"], asOf: asOf() })),
    ).toEqual([plantedAt("FIRST_SECRETARY_ENDED").code, plantedAt("NO_FIRST_SECRETARY").code].sort());
  });

  it(
    "keeps the chain invariant: every village whose chain is incomplete has a chain gap on itself or a grid below it",
    async () => {
      const { regions } = await platform.ok<{ regions: Array<{ code: string }> }>(
        `{ regions(where: { level: { eq: VILLAGE }, status: { eq: ACTIVE }, code: { startsWith: "370285" } }, limit: 1000) { code } }`,
      );
      const chainGaps = await gaps({ regionCode: LAIXI, kinds: CHAIN_KINDS, asOf: asOf() });
      let incomplete = 0;
      await inBatches(regions, async ({ code }) => {
        const { organizationChain } = await platform.ok<{
          organizationChain: { complete: boolean; missing: string[] };
        }>(`query ($code: String!) { organizationChain(villageCode: $code) { complete missing } }`, { code });
        if (organizationChain.complete) return;
        incomplete += 1;
        expect(
          chainGaps.some((g) => g.villageCode === code),
          `${code}: ${organizationChain.missing.join("; ")}`,
        ).toBe(true);
      });
      expect(incomplete).toBeGreaterThanOrEqual(6);
    },
    EVERY_VILLAGE_TIMEOUT_MS,
  );
});
