/**
 * Aliases everywhere (issue 17): every root field family of the generated API (lists,
 * connections with their aggregates, create/update/delete) and of the hand-written one (every
 * query, the mutations), a scalar, and one relationship asked twice with different filters.
 * Each read is asked plain and with every field aliased; the aliased answer, keys renamed back,
 * must be the plain one. Fixtures live under their own district 379300000000.
 */
import type { Driver } from "neo4j-driver";
import { Kind, parse, print, visit } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { today } from "../src/domain/dates.js";
import { loadSeed } from "../src/seed/loader.js";
import { SeedBuilder } from "../src/seed/seed-file.js";
import { startTestPlatform, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { plantedAt } from "./fixtures/sample.js";

const D = "379300000000";
const T = "379300101000";
const V1 = "379300101201";
const V2 = "379300101202";
const V3 = "379300101203";
/** The sample is read on the day it was loaded: its dates follow that day. */
const AS_OF = inject("sampleAsOf");

let platform: TestPlatform;
let driver: Driver;

function fixture() {
  const s = new SeedBuilder();
  const region = (code: string, level: string, parent: string | undefined, extra: Record<string, unknown> = {}) => {
    s.node("Region", { code, name: `别名${code.slice(-3)}`, level, status: "ACTIVE", ...extra });
    if (parent) s.rel("PART_OF", ["Region", code], ["Region", parent]);
  };
  region(D, "DISTRICT", undefined);
  region(T, "TOWN", D);
  region(V1, "VILLAGE", T, {
    population: 600,
    households: 210,
    collectiveIncome: 6,
    industries: ["花生"],
    location: { latitude: 36.9, longitude: 120.5 },
  });
  region(V2, "VILLAGE", T, {
    population: 1500,
    households: 460,
    collectiveIncome: 150,
    industries: ["花生"],
    location: { latitude: 36.91, longitude: 120.51 },
  });
  region(`${V1}-G01`, "GRID", V1);
  const org = (id: string, category: string, kind: string, basedIn: string) => {
    s.node("PartyOrganization", { id, name: id, kind, category, status: "ACTIVE" });
    s.rel("BASED_IN", ["PartyOrganization", id], ["Region", basedIn]);
  };
  org("al-town", "TOWN", "COMMITTEE", T);
  org("al-v1", "VILLAGE", "BRANCH", V1);
  org("al-v2", "VILLAGE", "BRANCH", V2);
  return s.build({ name: "aliases-fixture", description: "", referenceDate: today() });
}

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await loadSeed(driver, fixture());
  platform = await startTestPlatform();
});
afterAll(async () => {
  await driver?.executeQuery(
    `MATCH (r:Region) WHERE r.code STARTS WITH '3793'
     OPTIONAL MATCH (r)<-[:FOR_TOWN]-(s:MergeScenario) OPTIONAL MATCH (s)<-[:IN_SCENARIO]-(p:ProposedVillage)
     OPTIONAL MATCH (o:PartyOrganization) WHERE o.id STARTS WITH 'al-' OPTIONAL MATCH (o)-[:PARTY_TO]->(pairing:Pairing)
     DETACH DELETE r, s, p, o, pairing`,
  );
  await platform?.stop();
  await driver?.close();
});

/** The query with every field aliased `a_<name>` (__typename aside). */
function aliasEverything(query: string): string {
  return print(
    visit(parse(query), {
      Field: (node) =>
        node.alias || node.name.value.startsWith("__")
          ? undefined
          : { ...node, alias: { kind: Kind.NAME, value: `a_${node.name.value}` } },
    }),
  );
}

/** An aliased answer with its keys renamed back. */
function unalias(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unalias);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.replace(/^a_/, ""), unalias(inner)]));
}

/** Asks plain and fully aliased; both must succeed, and agree once renamed back. */
async function expectSameAliased(query: string): Promise<Record<string, any>> {
  const plain = await platform.ok(query);
  const aliased = await platform.gql(aliasEverything(query));
  expect(aliased.errors, JSON.stringify(aliased.errors)).toBeUndefined();
  expect(Object.keys(aliased.data!).every((key) => key.startsWith("a_"))).toBe(true);
  expect(unalias(aliased.data)).toEqual(plain);
  return plain;
}

describe("aliases on the generated API", () => {
  it("reads a list with scalars, a @cypher field and nested relationships, fully aliased", async () => {
    const plain = await expectSameAliased(`{
      regions(where: { code: { startsWith: "3793" }, level: { eq: VILLAGE } }, sort: [{ code: ASC }]) {
        code name level population collectiveIncome industries location { latitude longitude } activeChildCount
        parent { code name } children { code level }
        partyOrganizations { id kind category formalMemberCount }
      }
    }`);
    expect(plain.regions.map((r: { code: string }) => r.code)).toEqual([V1, V2]);
    expect(plain.regions[0]).toMatchObject({
      population: 600,
      activeChildCount: 1,
      parent: [{ code: T }],
      children: [{ code: `${V1}-G01`, level: "GRID" }],
    });
  });

  it("reads a connection with its page info and aggregate, and a nested connection, fully aliased", async () => {
    const plain = await expectSameAliased(`{
      regionsConnection(first: 1, where: { code: { startsWith: "3793" }, level: { eq: VILLAGE } }, sort: [{ code: ASC }]) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { code childrenConnection { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } } }
        aggregate { count { nodes } node { population { min max sum average } name { shortest longest } } }
      }
    }`);
    expect(plain.regionsConnection).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
      edges: [{ node: { code: V1, childrenConnection: { totalCount: 1, edges: [{ node: { code: `${V1}-G01` } }] } } }],
      aggregate: { count: { nodes: 2 }, node: { population: { min: 600, max: 1500, sum: 2100 } } },
    });
  });

  it("asks one relationship twice with different filters, and a scalar under another name", async () => {
    const data = await platform.ok(`{
      town: regions(where: { code: { eq: "${T}" } }) {
        id: code
        small: children(where: { population: { lt: 1000 } }) { code population }
        large: children(where: { population: { gte: 1000 } }) { code population }
        smallCount: childrenConnection(where: { node: { population: { lt: 1000 } } }) { n: totalCount }
        allCount: childrenConnection { n: totalCount }
      }
      swapped: regions(where: { code: { eq: "${V1}" } }) { code: name name: code }
    }`);
    expect(data).toEqual({
      town: [
        {
          id: T,
          small: [{ code: V1, population: 600 }],
          large: [{ code: V2, population: 1500 }],
          smallCount: { n: 1 },
          allCount: { n: 2 },
        },
      ],
      swapped: [{ code: `别名${V1.slice(-3)}`, name: V1 }],
    });
  });

  it("creates, updates and deletes under aliases", async () => {
    const created = await platform.ok(`mutation {
      made: createRegions(input: [{ code: "${V3}", name: "别名三村", level: VILLAGE, status: ACTIVE, population: 90,
        parent: { connect: [{ where: { node: { code: { eq: "${T}" } } } }] } }]) {
        counts: info { nodes: nodesCreated links: relationshipsCreated }
        villages: regions { c: code p: population up: parent { c: code } }
      }
    }`);
    expect(created).toEqual({ made: { counts: { nodes: 1, links: 1 }, villages: [{ c: V3, p: 90, up: [{ c: T }] }] } });
    const updated = await platform.ok(`mutation {
      grown: updateRegions(where: { code: { eq: "${V3}" } }, update: { population: { set: 95 } }) { changed: regions { c: code p: population } }
    }`);
    expect(updated).toEqual({ grown: { changed: [{ c: V3, p: 95 }] } });
    const deleted = await platform.ok(
      `mutation { gone: deleteRegions(where: { code: { eq: "${V3}" } }) { n: nodesDeleted r: relationshipsDeleted } }`,
    );
    expect(deleted).toEqual({ gone: { n: 1, r: 1 } });
  });
});

describe("aliases on the hand-written API", () => {
  const READS: Array<[string, string]> = [
    ["me", `{ me { subject role regions } }`],
    ["platformInfo", `{ platformInfo { version neo4jVersion labelCounts { label count } } }`],
    [
      "coverageReport",
      `{ coverageReport(regionCode: "370285105000", asOf: "${AS_OF}", depth: 1) {
          region { code name level } asOf twoNew { total organizational workOnly none orgCoverageRate workCoverageRate }
          villages { total withPartyOrg chainComplete weak } gapCounts { kind count }
          children { region { code name } villages { total } gapCounts { kind count } } } }`,
    ],
    [
      "coverageGaps",
      `{ coverageGaps(regionCode: "370285000000", asOf: "${AS_OF}", first: 3) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { kind subjectId subjectName regionCode reason } } } }`,
    ],
    [
      "organizationChain",
      `{ organizationChain(villageCode: "${plantedAt("GRID_WITHOUT_ORG").code}") { village { code } town { code } complete missing grids { code } } }`,
    ],
    [
      "pairingNetwork",
      `{ pairingNetwork(regionCode: "370285105000") { truncated nodes { id type label regionCode attributes { kind status startedOn } }
          edges { id source target type role } stats { pairings partyOrganizations components byKind { kind count } } } }`,
    ],
    [
      "connectionPath",
      `{ connectionPath(fromId: "inst-qau", toId: "inst-lxyy", maxHops: 6) { found hops nodes { id type } edges { id source target } } }`,
    ],
    [
      "pairingTimeline",
      `{ pairingTimeline(pairingId: "pairing-001") { pairing { id kind parties { name role } } activities { on title funds }
          byFocusArea { focusArea activities funds } total { activities funds beneficiaries } } }`,
    ],
    [
      "simulateMerge",
      `{ simulateMerge(input: { townCode: "${T}", asOf: "${AS_OF}", groups: [{ name: "别名新村", villageCodes: ["${V1}", "${V2}"] }] }) {
          groups { name code villageCodes population households spreadKm warnings { code } } town { code villagesBefore villagesAfter } } }`,
    ],
    [
      "suggestMerges",
      `{ suggestMerges(townCode: "370285104000") { groups { name villageCodes households } leftAlone } }`,
    ],
    ["auditTrail", `{ auditTrail(first: 3) { entries { id at actor operation subjectIds } hasNextPage endCursor } }`],
  ];

  it.each(READS)("%s answers the same fully aliased", async (_name, query) => {
    await expectSameAliased(query);
  });

  it("reads a hand-written page's info by field name, even under another field's name", async () => {
    const plain = await platform.ok(
      `{ coverageGaps(regionCode: "370285000000", first: 1) { pageInfo { hasNextPage endCursor } } }`,
    );
    const swapped = await platform.ok(
      `{ gaps: coverageGaps(regionCode: "370285000000", first: 1) { info: pageInfo { endCursor: hasNextPage hasNextPage: endCursor } } }`,
    );
    expect(swapped).toEqual({
      gaps: {
        info: {
          endCursor: plain.coverageGaps.pageInfo.hasNextPage,
          hasNextPage: plain.coverageGaps.pageInfo.endCursor,
        },
      },
    });
  });

  it("saves, lists, compares and discards a merge scenario under aliases", async () => {
    const saved = await platform.ok(`mutation {
      draft: saveMergeScenario(name: "别名方案", input: { townCode: "${T}", groups: [{ name: "别名新村", villageCodes: ["${V1}", "${V2}"] }] }) {
        key: id state: status parts: groups { n: name v: villageCodes }
      }
    }`);
    expect(saved.draft).toMatchObject({ state: "DRAFT", parts: [{ n: "别名新村", v: [V1, V2] }] });
    const id = saved.draft.key as string;
    const listed = await expectSameAliased(
      `{ mergeScenarios(townCode: "${T}") { id name status townCode groups { name villageCodes } } }`,
    );
    expect(listed.mergeScenarios).toEqual([
      { id, name: "别名方案", status: "DRAFT", townCode: T, groups: [{ name: "别名新村", villageCodes: [V1, V2] }] },
    ]);
    const compared = await expectSameAliased(
      `{ compareMergeScenarios(ids: ["${id}"]) { scenario { id name } simulation { groups { name households } town { villagesAfter } } } }`,
    );
    expect(compared.compareMergeScenarios).toEqual([
      {
        scenario: { id, name: "别名方案" },
        simulation: { groups: [{ name: "别名新村", households: 670 }], town: { villagesAfter: 1 } },
      },
    ]);
    const discarded = await platform.ok(
      `mutation { dropped: discardMergeScenario(id: "${id}") { key: id state: status } }`,
    );
    expect(discarded).toEqual({ dropped: { key: id, state: "DISCARDED" } });
  });

  it("creates and ends a pairing under aliases", async () => {
    const created = await platform.ok(`mutation {
      p: createPairing(input: { kind: URBAN_RURAL, startedOn: "2026-01-05", focusAreas: [SERVICE], fundsCommitted: 3,
        parties: [{ organizationId: "al-town", role: HELPER }, { organizationId: "al-v1", role: RECIPIENT }] }) {
        key: id k: kind s: status since: startedOn who: parties { org: organizationId r: role }
      }
    }`);
    expect(created.p).toMatchObject({ k: "URBAN_RURAL", s: "ACTIVE", since: "2026-01-05" });
    expect(created.p.who).toEqual(
      expect.arrayContaining([
        { org: "al-town", r: "HELPER" },
        { org: "al-v1", r: "RECIPIENT" },
      ]),
    );
    const ended = await platform.ok(
      `mutation { e: endPairing(pairingId: "${created.p.key}", endedOn: "2026-02-01") { s: status until: endedOn } }`,
    );
    expect(ended).toEqual({ e: { s: "ENDED", until: "2026-02-01" } });
  });
});
