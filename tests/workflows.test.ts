/**
 * Each role's whole job through the API, with a token scoped to one town of the sample, 夏格庄镇
 * (370285102000), a town no other test file plans, edits or scopes to; "another town" is 院上镇
 * (370285104000). The authorization matrix proves that a call answers; these prove that the job
 * gets done: what a role writes shows up in what it reads, and outside its town it is refused
 * with exactly the error of an id or code that exists nowhere, writing nothing.
 * Every test leaves the domain graph as it found it (scenarios and audit entries stay as the
 * record of what happened, as in tests/planning.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import {
  fingerprint,
  startTestPlatform,
  tokenFor,
  type GraphQLResponse,
  type TestPlatform,
  testNeo4jUri,
} from "./helpers.js";
import { NOWHERE_TOWN, TOWN as TOWNS, village } from "./fixtures/sample.js";

/** The sample is read on the day it was loaded: its dates follow that day. */
const AS_OF = inject("sampleAsOf");
const TOWN = TOWNS.夏格庄镇;
const OTHER = TOWNS.院上镇;
const NOWHERE = NOWHERE_TOWN;
const V = (n: number) => village(TOWN, n);
const OTHER_V = (n: number) => village(OTHER, n);
const NOWHERE_V = (n: number) => `${NOWHERE.slice(0, 9)}${200 + n}`;
const NOWHERE_ID = "00000000-0000-4000-8000-000000000000";
const PLANNING_LABELS = ["MergeScenario", "ProposedVillage", "AuditEntry"];

let platform: TestPlatform;
let driver: Driver;
/** The town's ACTIVE villages, by code, as ADMIN reads them before any test. */
let townVillages: string[];

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  platform = await startTestPlatform();
  const { regions } = await platform.ok(
    `query ($town: String!) {
    regions(where: { parent: { some: { code: { eq: $town } } }, level: { eq: VILLAGE }, status: { eq: ACTIVE } }, sort: [{ code: ASC }]) { code } }`,
    { town: TOWN },
  );
  townVillages = regions.map((r: { code: string }) => r.code);
  expect(townVillages).toEqual(expect.arrayContaining([V(1), V(2), V(3), V(4), V(5)]));
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

/** A response's errors as a client reads them, with `replace`'s keys turned into its values. */
function errorsOf(response: GraphQLResponse, replace: Record<string, string> = {}): unknown {
  let text = JSON.stringify(
    response.errors?.map(({ message, extensions }) => ({
      message,
      code: extensions?.code,
      field: extensions?.field,
      codes: extensions?.codes,
      ids: extensions?.ids,
    })) ?? null,
  );
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return JSON.parse(text);
}

/**
 * Asserts that `request` about something outside the token's scope is refused exactly as the same
 * request about something that exists nowhere (`unknown` maps each real id or code to its stand-in).
 */
async function refusedAsUnknown(
  request: (ids: Record<string, string>) => Promise<GraphQLResponse>,
  unknown: Record<string, string>,
): Promise<void> {
  const real = Object.fromEntries(Object.keys(unknown).map((key) => [key, key]));
  const refused = await request(real);
  expect(refused.errors, JSON.stringify(refused)).toBeDefined();
  expect(refused.data ?? null).toBeNull();
  expect(errorsOf(refused, unknown)).toEqual(errorsOf(await request(unknown)));
}

const ok = <T = Record<string, any>>(response: GraphQLResponse<T>): T => {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
};

describe("a PLANNER scoped to a town: save, list, compare, apply, revert, discard", () => {
  const SCENARIO = "id name status townCode createdBy groups { name code villageCodes }";
  const SAVE = `mutation ($input: MergeInput!, $name: String!) { saveMergeScenario(input: $input, name: $name) { ${SCENARIO} } }`;
  const LIST = `query ($town: String!) { mergeScenarios(townCode: $town) { ${SCENARIO} } }`;
  const COMPARE = `query ($ids: [ID!]!) { compareMergeScenarios(ids: $ids) { scenario { id } simulation { groups { code villageCodes } town { villagesBefore villagesAfter } } } }`;
  const ACT = (action: string) => `mutation ($id: ID!) { ${action}MergeScenario(id: $id) { id status } }`;
  const EAST = { townCode: TOWN, asOf: AS_OF, groups: [{ name: "夏格庄东新村", villageCodes: [V(1), V(2), V(3)] }] };
  const WEST = { townCode: TOWN, asOf: AS_OF, groups: [{ name: "夏格庄西新村", villageCodes: [V(4), V(5)] }] };

  let planner: string;
  let east: { id: string; groups: Array<{ code: string; villageCodes: string[] }> };
  let west: { id: string };
  /** A scenario of another town, saved by ADMIN: for the planner it must not exist. */
  let outside: string;
  let beforeApply: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    planner = await tokenFor("PLANNER", [TOWN], "workflow-planner");
    const other = {
      townCode: OTHER,
      asOf: AS_OF,
      groups: [{ name: "院上新村", villageCodes: [OTHER_V(1), OTHER_V(2)] }],
    };
    outside = (await platform.ok(SAVE, { input: other, name: "院上镇方案" })).saveMergeScenario.id;
  });
  afterAll(async () => {
    // No DRAFT is left behind for anyone else.
    await platform?.gql(ACT("discard"), { id: outside });
  });

  it("saves two scenarios and lists them with their groups (so does a planner of the district)", async () => {
    const saved = ok(await platform.gql(SAVE, { input: EAST, name: "东片方案" }, planner)).saveMergeScenario;
    expect(saved).toMatchObject({
      status: "DRAFT",
      townCode: TOWN,
      createdBy: "workflow-planner",
      groups: [{ name: "夏格庄东新村", villageCodes: EAST.groups[0]!.villageCodes }],
    });
    expect(saved.groups[0].code).toMatch(/^370285102\d{3}$/);
    east = saved;
    west = ok(await platform.gql(SAVE, { input: WEST, name: "西片方案" }, planner)).saveMergeScenario;

    const listed = ok(await platform.gql(LIST, { town: TOWN }, planner)).mergeScenarios as Array<{
      id: string;
      status: string;
      groups: unknown[];
    }>;
    expect(listed.find((s) => s.id === east.id)).toEqual(saved);
    expect(listed.find((s) => s.id === west.id)).toMatchObject({
      status: "DRAFT",
      groups: [{ villageCodes: WEST.groups[0]!.villageCodes }],
    });
    // The same list for a token scoped to the whole district.
    const district = await tokenFor("PLANNER", ["370285000000"], "workflow-district-planner");
    expect(ok(await platform.gql(LIST, { town: TOWN }, district)).mergeScenarios).toEqual(listed);
  });

  it("compares the two drafts side by side", async () => {
    const { compareMergeScenarios: compared } = ok(await platform.gql(COMPARE, { ids: [east.id, west.id] }, planner));
    expect(
      compared.map((c: any) => [
        c.scenario.id,
        c.simulation.groups[0].villageCodes,
        c.simulation.town.villagesBefore,
        c.simulation.town.villagesAfter,
      ]),
    ).toEqual([
      [east.id, EAST.groups[0]!.villageCodes, townVillages.length, townVillages.length - 3 + 1],
      [west.id, WEST.groups[0]!.villageCodes, townVillages.length, townVillages.length - 2 + 1],
    ]);
  });

  it("applies one: the new village exists in the town and the absorbed villages became its grids", async () => {
    beforeApply = await fingerprint(driver, PLANNING_LABELS);
    expect(ok(await platform.gql(ACT("apply"), { id: east.id }, planner)).applyMergeScenario).toEqual({
      id: east.id,
      status: "APPLIED",
    });
    const code = east.groups[0]!.code;
    // Read back as the planner: all of it is inside its town.
    const read = ok(
      await platform.gql(
        `query ($codes: [String!]!, $town: String!) {
          merged: regions(where: { code: { in: $codes } }, sort: [{ code: ASC }]) { code name level formerLevel isNewVillage status parent { code } }
          villages: regions(where: { parent: { some: { code: { eq: $town } } }, level: { eq: VILLAGE }, status: { eq: ACTIVE } }) { code }
        }`,
        { codes: [code, ...EAST.groups[0]!.villageCodes], town: TOWN },
        planner,
      ),
    );
    const [created, ...absorbed] = [
      read.merged.find((r: any) => r.code === code),
      ...read.merged.filter((r: any) => r.code !== code),
    ];
    expect(created).toMatchObject({
      name: "夏格庄东新村",
      level: "VILLAGE",
      isNewVillage: true,
      status: "ACTIVE",
      parent: [{ code: TOWN }],
    });
    expect(absorbed.map((r: any) => r.code)).toEqual(EAST.groups[0]!.villageCodes);
    for (const village of absorbed)
      expect(village).toMatchObject({ level: "GRID", formerLevel: "VILLAGE", parent: [{ code }] });
    const untouched = townVillages.filter((v) => !EAST.groups[0]!.villageCodes.includes(v));
    expect(read.villages.map((v: { code: string }) => v.code).sort()).toEqual([code, ...untouched].sort());
    const listed = ok(await platform.gql(LIST, { town: TOWN }, planner)).mergeScenarios;
    expect(listed.find((s: { id: string }) => s.id === east.id).status).toBe("APPLIED");
  });

  it("reverts it: the domain graph is exactly as before the apply", async () => {
    expect(ok(await platform.gql(ACT("revert"), { id: east.id }, planner)).revertMergeScenario).toEqual({
      id: east.id,
      status: "REVERTED",
    });
    expect(await fingerprint(driver, PLANNING_LABELS)).toEqual(beforeApply);
  });

  it("discards the other", async () => {
    expect(ok(await platform.gql(ACT("discard"), { id: west.id }, planner)).discardMergeScenario).toEqual({
      id: west.id,
      status: "DISCARDED",
    });
    const listed = ok(await platform.gql(LIST, { town: TOWN }, planner)).mergeScenarios as Array<{
      id: string;
      status: string;
    }>;
    expect(
      Object.fromEntries(listed.filter((s) => [east.id, west.id].includes(s.id)).map((s) => [s.id, s.status])),
    ).toEqual({ [east.id]: "REVERTED", [west.id]: "DISCARDED" });
    expect(await fingerprint(driver, PLANNING_LABELS)).toEqual(beforeApply);
  });

  it("is refused on another town and its scenario as if they did not exist, and writes nothing", async () => {
    const before = await fingerprint(driver);
    const as =
      (query: string, variables: (ids: Record<string, string>) => Record<string, unknown>) =>
      (ids: Record<string, string>) =>
        platform.gql(query, variables(ids), planner);
    const town = { [OTHER]: NOWHERE, [OTHER_V(1)]: NOWHERE_V(1), [OTHER_V(2)]: NOWHERE_V(2) };
    const input = (ids: Record<string, string>) => ({
      townCode: ids[OTHER],
      asOf: AS_OF,
      groups: [{ name: "越权新村", villageCodes: [ids[OTHER_V(1)], ids[OTHER_V(2)]] }],
    });
    await refusedAsUnknown(
      as(LIST, (ids) => ({ town: ids[OTHER] })),
      town,
    );
    await refusedAsUnknown(
      as(`query ($input: MergeInput!) { simulateMerge(input: $input) { town { villagesAfter } } }`, (ids) => ({
        input: input(ids),
      })),
      town,
    );
    await refusedAsUnknown(
      as(SAVE, (ids) => ({ input: input(ids), name: "越权方案" })),
      town,
    );
    await refusedAsUnknown(
      as(`query ($town: String!) { suggestMerges(townCode: $town) { leftAlone } }`, (ids) => ({ town: ids[OTHER] })),
      town,
    );
    await refusedAsUnknown(
      as(`mutation ($town: String!) { saveSuggestedMerges(townCode: $town, name: "越权建议") { id } }`, (ids) => ({
        town: ids[OTHER],
      })),
      town,
    );
    const scenario = { [outside]: NOWHERE_ID };
    await refusedAsUnknown(
      as(COMPARE, (ids) => ({ ids: [ids[outside]] })),
      scenario,
    );
    for (const action of ["apply", "revert", "discard"])
      await refusedAsUnknown(
        as(ACT(action), (ids) => ({ id: ids[outside] })),
        scenario,
      );
    // Nothing was written, not even an audit entry; ADMIN still sees the other town's draft untouched.
    expect(await fingerprint(driver)).toEqual(before);
    const { mergeScenarios } = await platform.ok(LIST, { town: OTHER });
    expect(mergeScenarios.find((s: { id: string }) => s.id === outside).status).toBe("DRAFT");
  });
});

describe("an EDITOR scoped to a town: a domain write shows up in its reads; outside, refused", () => {
  const CREATE = `mutation ($input: CreatePairingInput!) { createPairing(input: $input) { id kind status parties { organizationId role } } }`;
  const RECORD = `mutation ($input: RecordPairingActivityInput!) { recordPairingActivity(input: $input) { id title funds } }`;
  const TIMELINE = `query ($id: ID!) { pairingTimeline(pairingId: $id) { pairing { id parties { organizationId } } activities { id title funds } total { activities funds } } }`;
  let editor: string;
  /** In the town: a two-new organization's Party organization and a village's; in the other town: a village's, and a pairing of its alone. */
  let FIRM_ORG: string;
  let VILLAGE_ORG: string;
  let OTHER_ORG: string;
  let OTHER_PAIRING: string;
  let before: Awaited<ReturnType<typeof fingerprint>>;
  const created: string[] = [];

  /** Removes what the test created (the platform has no delete for domain writes). */
  const cleanUp = () =>
    driver.executeQuery("MATCH (n) WHERE (n:Pairing OR n:PairingActivity) AND n.id IN $ids DETACH DELETE n", {
      ids: created,
    });

  beforeAll(async () => {
    editor = await tokenFor("EDITOR", [TOWN], "workflow-editor");
    const town = (code: string) => ({ basedIn: { some: { code: { startsWith: code.slice(0, 9) } } } });
    const found = await platform.ok(
      `query ($firm: PartyOrganizationWhere!, $village: PartyOrganizationWhere!, $other: PartyOrganizationWhere!, $pairing: PairingWhere!) {
        firm: partyOrganizations(where: $firm, sort: [{ id: ASC }], limit: 1) { id }
        village: partyOrganizations(where: $village, sort: [{ id: ASC }], limit: 1) { id }
        other: partyOrganizations(where: $other, sort: [{ id: ASC }], limit: 1) { id }
        pairing: pairings(where: $pairing, sort: [{ id: ASC }], limit: 1) { id }
      }`,
      {
        firm: { category: { eq: "TWO_NEW" }, status: { eq: "ACTIVE" }, ...town(TOWN) },
        village: { category: { eq: "VILLAGE" }, status: { eq: "ACTIVE" }, basedIn: { some: { code: { eq: V(1) } } } },
        other: {
          category: { eq: "VILLAGE" },
          status: { eq: "ACTIVE" },
          basedIn: { some: { code: { eq: OTHER_V(1) } } },
        },
        // Visible to a town token when one party is based in the town: this one has none there.
        pairing: { parties: { some: town(OTHER) }, NOT: { parties: { some: town(TOWN) } } },
      },
    );
    [FIRM_ORG, VILLAGE_ORG, OTHER_ORG, OTHER_PAIRING] = [
      found.firm[0].id,
      found.village[0].id,
      found.other[0].id,
      found.pairing[0].id,
    ];
    before = await fingerprint(driver, ["AuditEntry"]);
  });
  afterAll(async () => {
    if (driver) await cleanUp();
  });

  it("creates a pairing and records an activity; the town's network and the pairing's timeline show them", async () => {
    const pairing = ok(
      await platform.gql(
        CREATE,
        {
          input: {
            kind: "ENTERPRISE_VILLAGE",
            startedOn: "2025-06-01",
            parties: [
              { organizationId: FIRM_ORG, role: "HELPER" },
              { organizationId: VILLAGE_ORG, role: "RECIPIENT" },
            ],
          },
        },
        editor,
      ),
    ).createPairing;
    created.push(pairing.id);
    expect(pairing).toMatchObject({ kind: "ENTERPRISE_VILLAGE", status: "ACTIVE" });
    const activity = ok(
      await platform.gql(
        RECORD,
        {
          input: {
            pairingId: pairing.id,
            on: "2025-07-01",
            focusArea: "DEVELOPMENT",
            title: "村企共建签约",
            funds: 12.5,
          },
        },
        editor,
      ),
    ).recordPairingActivity;
    created.push(activity.id);

    const { pairingTimeline: timeline } = ok(await platform.gql(TIMELINE, { id: pairing.id }, editor));
    expect(timeline.pairing.parties.map((p: { organizationId: string }) => p.organizationId).sort()).toEqual([
      FIRM_ORG,
      VILLAGE_ORG,
    ]);
    expect(timeline.activities).toEqual([{ id: activity.id, title: "村企共建签约", funds: 12.5 }]);
    expect(timeline.total).toEqual({ activities: 1, funds: 12.5 });
    const { pairingNetwork: network } = ok(
      await platform.gql(
        `query ($c: String!) { pairingNetwork(regionCode: $c) { nodes { id } edges { source target } } }`,
        { c: TOWN },
        editor,
      ),
    );
    expect(network.nodes.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining([pairing.id, FIRM_ORG, VILLAGE_ORG]),
    );
    const linked = network.edges.filter(
      (e: { source: string; target: string }) => e.source === pairing.id || e.target === pairing.id,
    );
    expect(
      linked
        .flatMap((e: { source: string; target: string }) => [e.source, e.target])
        .filter((id: string) => id !== pairing.id)
        .sort(),
    ).toEqual([FIRM_ORG, VILLAGE_ORG]);
  });

  it("is refused another town's organizations and pairings as if they did not exist, and writes nothing", async () => {
    // The generated update below is audited even when it matches nothing: compare the domain graph.
    const outside = await fingerprint(driver, ["AuditEntry"]);
    const as =
      (query: string, variables: (ids: Record<string, string>) => Record<string, unknown>) =>
      (ids: Record<string, string>) =>
        platform.gql(query, variables(ids), editor);
    await refusedAsUnknown(
      as(CREATE, (ids) => ({
        input: {
          kind: "ENTERPRISE_VILLAGE",
          startedOn: "2025-06-01",
          parties: [
            { organizationId: FIRM_ORG, role: "HELPER" },
            { organizationId: ids[OTHER_ORG], role: "RECIPIENT" },
          ],
        },
      })),
      { [OTHER_ORG]: "po-nowhere" },
    );
    const pairing = { [OTHER_PAIRING]: "pairing-nowhere" };
    await refusedAsUnknown(
      as(RECORD, (ids) => ({
        input: { pairingId: ids[OTHER_PAIRING], on: "2025-07-01", focusArea: "DEVELOPMENT", title: "越权活动" },
      })),
      pairing,
    );
    await refusedAsUnknown(
      as(`mutation ($id: ID!) { endPairing(pairingId: $id, endedOn: "2026-01-01") { id } }`, (ids) => ({
        id: ids[OTHER_PAIRING],
      })),
      pairing,
    );
    await refusedAsUnknown(
      as(TIMELINE, (ids) => ({ id: ids[OTHER_PAIRING] })),
      pairing,
    );
    // A generated update outside the town matches nothing.
    const update = await platform.gql(
      `mutation { updateRegions(where: { code: { eq: "${OTHER_V(1)}" } }, update: { population: { set: 1 } }) { regions { code } } }`,
      {},
      editor,
    );
    expect(ok(update).updateRegions.regions).toEqual([]);
    expect(await fingerprint(driver, ["AuditEntry"])).toEqual(outside);
  });

  it("leaves the domain graph as it found it once its writes are removed", async () => {
    await cleanUp();
    expect(await fingerprint(driver, ["AuditEntry"])).toEqual(before);
  });
});

describe("an ANALYST scoped to a town: reads its town's report as ADMIN does; another town does not exist for it", () => {
  const REPORT = `query ($c: String!) { coverageReport(regionCode: $c, asOf: "${AS_OF}", depth: 1) {
    region { code name } twoNew { total organizational workOnly none orgCoverageRate workCoverageRate }
    villages { total withPartyOrg chainComplete weak } gapCounts { kind count } children { region { code } villages { total } } } }`;
  const GAPS = `query ($c: String!) { coverageGaps(regionCode: $c, asOf: "${AS_OF}", first: 500) { totalCount edges { node { kind subjectId } } } }`;
  const CHAIN = `query ($c: String!) { organizationChain(villageCode: $c) { village { code } complete } }`;

  let analyst: string;
  const exported = (url: string, token: string) =>
    fetch(`${platform.url}${url}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    analyst = await tokenFor("ANALYST", [TOWN], "workflow-analyst");
  });

  it("reads the report, the gap list and a village's chain of its town, and exports the report, exactly as ADMIN sees them", async () => {
    const report = ok(await platform.gql(REPORT, { c: TOWN }, analyst)).coverageReport;
    expect(report.region.code).toBe(TOWN);
    expect(report.villages.total).toBe(townVillages.length);
    expect(report).toEqual((await platform.ok(REPORT, { c: TOWN })).coverageReport);
    const gaps = ok(await platform.gql(GAPS, { c: TOWN }, analyst)).coverageGaps;
    expect(gaps.totalCount).toBeGreaterThan(0);
    expect(gaps).toEqual((await platform.ok(GAPS, { c: TOWN })).coverageGaps);
    expect(ok(await platform.gql(CHAIN, { c: V(1) }, analyst)).organizationChain).toEqual(
      (await platform.ok(CHAIN, { c: V(1) })).organizationChain,
    );

    const url = `/exchange/export/coverage.csv?regionCode=${TOWN}&asOf=${AS_OF}&depth=1`;
    const mine = await exported(url, analyst);
    expect(mine.status).toBe(200);
    const admin = await tokenFor("ADMIN", [], "workflow-admin");
    expect(await mine.text()).toBe(await (await exported(url, admin)).text());
  });

  it("is refused another town's report, gaps, chains and export as if they did not exist; planning and writing are FORBIDDEN", async () => {
    const before = await fingerprint(driver);
    const as =
      (query: string, variables: (ids: Record<string, string>) => Record<string, unknown>) =>
      (ids: Record<string, string>) =>
        platform.gql(query, variables(ids), analyst);
    await refusedAsUnknown(
      as(REPORT, (ids) => ({ c: ids[OTHER] })),
      { [OTHER]: NOWHERE },
    );
    await refusedAsUnknown(
      as(GAPS, (ids) => ({ c: ids[OTHER] })),
      { [OTHER]: NOWHERE },
    );
    await refusedAsUnknown(
      as(CHAIN, (ids) => ({ c: ids[OTHER_V(1)] })),
      { [OTHER_V(1)]: NOWHERE_V(1) },
    );

    const refused = await exported(`/exchange/export/coverage.csv?regionCode=${OTHER}&asOf=${AS_OF}`, analyst);
    const unknown = await exported(`/exchange/export/coverage.csv?regionCode=${NOWHERE}&asOf=${AS_OF}`, analyst);
    expect(refused.status).toBe(unknown.status);
    expect((await refused.text()).replaceAll(OTHER, NOWHERE)).toBe(await unknown.text());

    const simulate = await platform.gql(
      `query { simulateMerge(input: { townCode: "${TOWN}", groups: [{ name: "x", villageCodes: ["${V(1)}", "${V(2)}"] }] }) { town { villagesAfter } } }`,
      {},
      analyst,
    );
    expect(simulate.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const write = await platform.gql(
      `mutation { updateRegions(where: { code: { eq: "${V(1)}" } }, update: { population: { set: 1 } }) { regions { code } } }`,
      {},
      analyst,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await fingerprint(driver)).toEqual(before);
  });
});

describe("scoped Cypher", () => {
  /**
   * `EXISTS { MATCH (x)-…->(s:Region) WHERE s.code IN $scope }` declares `s` afresh only when the
   * statement has no `s` of its own; with one (a scenario `s`) it matches nothing for any scoped
   * token. So the scope's region variable must be named nowhere else in its statement.
   */
  it("names the scope's region variable nowhere else in its statement (cypher/ and the SDL's @cypher)", () => {
    const read = (dir: string) =>
      (fs.readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true }) as string[]).map((f) => path.join(dir, f));
    const statements: Array<[string, string]> = [];
    for (const file of read("cypher").filter((f) => f.endsWith(".cypher"))) {
      statements.push([file, fs.readFileSync(path.join(PROJECT_ROOT, file), "utf8").replace(/\/\/.*$/gm, "")]);
    }
    for (const file of read("schema").filter((f) => f.endsWith(".graphql"))) {
      for (const [, statement] of fs
        .readFileSync(path.join(PROJECT_ROOT, file), "utf8")
        .matchAll(/statement:\s*"((?:[^"\\]|\\.)*)"/g))
        statements.push([file, statement!]);
    }
    const clashes = new Set<string>();
    let checks = 0;
    for (const [file, text] of statements) {
      // Both forms the project writes: `EXISTS { MATCH …(s:Region) WHERE s.code IN $scope }` and
      // the pattern comprehension `[(r)-[:PART_OF*0..]->(a:Region) | a.code] WHERE code IN $scope`.
      for (const [check, exists, listed] of text.matchAll(
        /\((\w+):Region\) WHERE \1\.code IN \$scope|\((\w+):Region\) \| \2\.code\] WHERE code IN \$scope/g,
      )) {
        const name = exists ?? listed;
        checks += 1;
        const elsewhere = text.replaceAll(check, "").match(new RegExp(`[^\\w.$]${name}\\b`, "g"));
        if (elsewhere) clashes.add(`${file}: ${name} is also ${elsewhere.join(" ")}`);
      }
    }
    expect(checks).toBeGreaterThan(30);
    expect([...clashes]).toEqual([]);
  });
});
