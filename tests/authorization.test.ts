/**
 * The authorization matrix: every role × a region inside and a region outside its token's scope
 * × each family of queries and mutations, on the sample region. Tokens other than ADMIN see
 * 店埠镇 (370285108000); "outside" is 姜山镇 (370285101000) and everything above the town.
 * Outside its scope nothing exists for a token: lists are empty, counts leave it out, and
 * errors read exactly as for an id that exists nowhere. Inside it, answers hold what is there
 * (a town's merge scenarios are listed, not an empty list); tests/workflows.test.ts walks each
 * role's whole job.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../src/domain/principal.js";
import { connect } from "../src/database/driver.js";
import {
  fingerprint,
  startTestPlatform,
  tokenFor,
  type GraphQLResponse,
  type TestPlatform,
  testNeo4jUri,
  writeMark,
} from "./helpers.js";
import { NOWHERE_TOWN, TOWN, village } from "./fixtures/sample.js";

const SCOPE = TOWN.店埠镇;
// villageOrg, pairing and otherOrg (another organization of the place) are read from the sample in beforeAll;
// scenario: a DRAFT merge scenario of the town, closed: a DISCARDED one (both saved by ADMIN in beforeAll).
const IN = {
  town: SCOPE,
  village: village(SCOPE, 1),
  village2: village(SCOPE, 2),
  villageOrg: "",
  otherOrg: "",
  pairing: "",
  scenario: "",
  closed: "",
};
const OUT = {
  town: TOWN.姜山镇,
  village: village(TOWN.姜山镇, 1),
  village2: village(TOWN.姜山镇, 2),
  villageOrg: "",
  otherOrg: "",
  pairing: "",
  scenario: "",
  closed: "",
};
const NOWHERE = {
  town: NOWHERE_TOWN,
  village: `${NOWHERE_TOWN.slice(0, 9)}201`,
  village2: `${NOWHERE_TOWN.slice(0, 9)}202`,
  villageOrg: "po-9999",
  otherOrg: "po-9999",
  pairing: "pairing-999",
  scenario: "00000000-0000-4000-8000-000000000001",
  closed: "00000000-0000-4000-8000-000000000002",
};
type Place = typeof IN;

let platform: TestPlatform;
let driver: Driver;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  platform = await startTestPlatform();
  for (const role of ROLES) tokens[role] = await tokenFor(role, role === "ADMIN" ? [] : [SCOPE]);
  for (const [place, other] of [
    [IN, OUT],
    [OUT, IN],
  ] as const) {
    // Its village's organization, its town's, and an active pairing with a party in it and none in the other place.
    const { records } = await driver.executeQuery(
      `MATCH (v:PartyOrganization {category: 'VILLAGE'})-[:BASED_IN]->(:Region {code: $village})
       MATCH (t:PartyOrganization {category: 'TOWN'})-[:BASED_IN]->(:Region {code: $town})
       MATCH (p:Pairing {status: 'ACTIVE'})<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $town})
       WHERE NOT EXISTS { (p)<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $other}) }
       RETURN v.id AS villageOrg, t.id AS otherOrg, min(p.id) AS pairing`,
      { village: place.village, town: place.town, other: other.town },
    );
    Object.assign(place, records[0]!.toObject());
  }
  for (const place of [IN, OUT]) {
    const save = async (name: string) =>
      (
        await platform.ok(
          `mutation ($input: MergeInput!, $name: String!) { saveMergeScenario(input: $input, name: $name) { id } }`,
          {
            input: {
              townCode: place.town,
              groups: [{ name: "矩阵新村", villageCodes: [place.village, place.village2] }],
            },
            name,
          },
        )
      ).saveMergeScenario.id as string;
    place.scenario = await save("矩阵草案");
    place.closed = await save("矩阵作废方案");
    await platform.ok(`mutation ($id: ID!) { discardMergeScenario(id: $id) { id } }`, { id: place.closed });
  }
});
afterAll(async () => {
  // No DRAFT is left behind for other test files.
  for (const place of [IN, OUT])
    if (place.scenario)
      await platform?.gql(`mutation ($id: ID!) { discardMergeScenario(id: $id) { id } }`, { id: place.scenario });
  await platform?.stop();
  await driver?.close();
});

const READERS: Role[] = ["ADMIN", "EDITOR", "PLANNER", "ANALYST"];
const EDITORS: Role[] = ["ADMIN", "EDITOR"];
const PLANNERS: Role[] = ["ADMIN", "PLANNER"];

/** What a role may see of a place: everything for ADMIN, its own town for the others. */
const sees = (role: Role, place: Place) => role === "ADMIN" || place === IN;

/** The error for `place`, with the place's ids replaced by NOWHERE's, to compare with an unknown id's. */
function neutral(response: GraphQLResponse, place: Place): unknown {
  let text = JSON.stringify(
    response.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code, field: extensions?.field })),
  );
  for (const key of Object.keys(place) as Array<keyof Place>) text = text.replaceAll(place[key], NOWHERE[key]);
  return JSON.parse(text);
}

/** Asserts the outcome of a request by `role` about `place`, given who may use the operation. */
async function expectOutcome(
  role: Role,
  place: Place,
  allowed: Role[],
  request: (p: Place, token: string) => Promise<GraphQLResponse>,
  visible: (response: GraphQLResponse) => void,
  hidden: (response: GraphQLResponse) => void,
): Promise<void> {
  const response = await request(place, tokens[role]);
  if (!allowed.includes(role)) {
    expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe("FORBIDDEN");
    expect(JSON.stringify(response.data ?? null)).not.toMatch(/\d{12}|po-\d/);
    return;
  }
  if (sees(role, place)) return visible(response);
  hidden(response);
  // No leak through the error: it reads as for something that exists nowhere.
  if (response.errors) expect(neutral(response, place)).toEqual(neutral(await request(NOWHERE, tokens[role]), NOWHERE));
}

const ok = (response: GraphQLResponse) => expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
const notFound = (response: GraphQLResponse) => {
  expect(response.data ?? null).toBeNull();
  expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(response.errors?.[0]?.extensions?.code);
};

interface Family {
  name: string;
  allowed: Role[];
  request: (p: Place, token: string) => Promise<GraphQLResponse>;
  visible: (response: GraphQLResponse, p: Place, role: Role) => void;
  hidden: (response: GraphQLResponse, p: Place, role: Role) => void;
}

const gql = (query: string, variables: Record<string, unknown>) => (token: string) =>
  platform.gql(query, variables, token);

const FAMILIES: Family[] = [
  {
    name: "generated list",
    allowed: [...ROLES],
    request: (p, t) =>
      gql(`query($c: String!) { regions(where: {code: {eq: $c}}) { code name } }`, { c: p.village })(t),
    visible: (r, p) => expect(r.data!.regions).toEqual([expect.objectContaining({ code: p.village })]),
    hidden: (r) => expect(r.data!.regions).toEqual([]),
  },
  {
    name: "generated nested field (a village's town and district)",
    allowed: [...ROLES],
    request: (p, t) =>
      gql(`query($c: String!) { regions(where: {code: {eq: $c}}) { parent { code parent { code } } } }`, {
        c: p.village,
      })(t),
    visible: (r, p, role) => {
      const town = r.data!.regions[0].parent[0];
      expect(town.code).toBe(p.town);
      // The district above the town is outside every town-scoped token.
      expect(town.parent.map((x: { code: string }) => x.code)).toEqual(role === "ADMIN" ? ["370285000000"] : []);
    },
    hidden: (r) => expect(r.data!.regions).toEqual([]),
  },
  {
    name: "generated connection and aggregation",
    allowed: [...ROLES],
    request: (p, t) =>
      gql(
        `query($c: String!) { partyOrganizationsConnection(where: {basedIn: {some: {code: {startsWith: $c}}}}) { totalCount } partyOrganizationsAggregate: partyOrganizationsConnection { aggregate { count { nodes } } } }`,
        {
          c: p.town.slice(0, 9),
        },
      )(t),
    visible: (r) => expect(r.data!.partyOrganizationsConnection.totalCount).toBeGreaterThan(0),
    hidden: (r) => expect(r.data!.partyOrganizationsConnection.totalCount).toBe(0),
  },
  {
    name: "person names",
    allowed: [...ROLES],
    request: (p, t) =>
      gql(`query($c: String!) { people(where: {livesIn: {some: {code: {eq: $c}}}}, limit: 3) { id name birthYear } }`, {
        c: p.village,
      })(t),
    // VIEWER reads aggregate figures only: names and birth years are refused, whatever the scope.
    visible: (r, _p, role) => {
      if (role === "VIEWER") expect(r.errors![0]!.extensions!.code).toBe("FORBIDDEN");
      else expect(r.data!.people.length).toBeGreaterThan(0);
    },
    hidden: (r) => {
      if (r.errors) expect(r.errors[0]!.extensions!.code).toBe("FORBIDDEN");
      else expect(r.data!.people).toEqual([]);
    },
  },
  {
    name: "coverageReport",
    allowed: [...ROLES],
    request: (p, t) =>
      gql(
        `query($c: String!) { coverageReport(regionCode: $c, depth: 1) { region { code } villages { total } children { region { code } } } }`,
        { c: p.town },
      )(t),
    visible: (r, p) => {
      ok(r);
      expect(r.data!.coverageReport.region.code).toBe(p.town);
    },
    hidden: notFound,
  },
  {
    name: "coverageGaps",
    allowed: READERS,
    request: (p, t) =>
      gql(`query($c: String!) { coverageGaps(regionCode: $c, first: 5) { totalCount edges { node { subjectId } } } }`, {
        c: p.town,
      })(t),
    visible: (r) => {
      ok(r);
      expect(r.data!.coverageGaps.totalCount).toBeGreaterThanOrEqual(0);
    },
    hidden: notFound,
  },
  {
    name: "organizationChain",
    allowed: READERS,
    request: (p, t) =>
      gql(`query($c: String!) { organizationChain(villageCode: $c) { complete } }`, { c: p.village })(t),
    visible: ok,
    hidden: notFound,
  },
  {
    name: "pairingNetwork",
    allowed: READERS,
    request: (p, t) =>
      gql(`query($c: String!) { pairingNetwork(regionCode: $c) { nodes { id type regionCode } } }`, { c: p.town })(t),
    visible: (r, p, role) => {
      ok(r);
      const nodes = r.data!.pairingNetwork.nodes as Array<{ id: string; regionCode: string | null }>;
      expect(nodes.length).toBeGreaterThan(0);
      // A town token's network holds nothing from outside the town (institutions of the city are left out).
      if (role !== "ADMIN")
        for (const n of nodes) expect((n.regionCode ?? p.town).slice(0, 9), n.id).toBe(SCOPE.slice(0, 9));
    },
    hidden: notFound,
  },
  {
    name: "connectionPath",
    allowed: READERS,
    request: (p, t) =>
      gql(`query($a: ID!, $b: ID!) { connectionPath(fromId: $a, toId: $b) { found hops } }`, {
        a: IN.villageOrg,
        b: p.otherOrg,
      })(t),
    visible: ok,
    hidden: notFound,
  },
  {
    name: "pairingTimeline",
    allowed: READERS,
    request: (p, t) =>
      gql(`query($id: ID!) { pairingTimeline(pairingId: $id) { pairing { id } } }`, { id: p.pairing })(t),
    visible: ok,
    hidden: notFound,
  },
  {
    name: "layoutComparison",
    allowed: ["ADMIN", "PLANNER", "ANALYST"],
    request: (p, t) =>
      gql(`query($c: String!) { layoutComparison(regionCode: $c) { region { code } towns { code } } }`, { c: p.town })(
        t,
      ),
    visible: (r, p) => {
      ok(r);
      expect(r.data!.layoutComparison.region.code).toBe(p.town);
    },
    hidden: notFound,
  },
  {
    name: "simulateMerge",
    allowed: PLANNERS,
    request: (p, t) =>
      gql(`query($r: MergeInput!) { simulateMerge(input: $r) { town { villagesBefore } } }`, {
        r: {
          townCode: p.town,
          groups: [{ name: "试验新村", villageCodes: [p.village, p.village2] }],
        },
      })(t),
    visible: ok,
    hidden: notFound,
  },
  {
    name: "mergeScenarios",
    allowed: PLANNERS,
    request: (p, t) =>
      gql(`query($c: String!) { mergeScenarios(townCode: $c) { id status groups { villageCodes } } }`, { c: p.town })(
        t,
      ),
    // The town's scenarios are really listed, not an empty answer (issue 19: a scoped list came back empty).
    visible: (r, p) => {
      ok(r);
      expect(r.data!.mergeScenarios).toEqual(
        expect.arrayContaining([
          { id: p.scenario, status: "DRAFT", groups: [{ villageCodes: [p.village, p.village2] }] },
          expect.objectContaining({ id: p.closed, status: "DISCARDED" }),
        ]),
      );
    },
    hidden: notFound,
  },
  {
    name: "compareMergeScenarios",
    allowed: PLANNERS,
    request: (p, t) =>
      gql(
        `query($ids: [ID!]!) { compareMergeScenarios(ids: $ids) { scenario { id } simulation { town { villagesAfter } } } }`,
        { ids: [p.scenario] },
      )(t),
    visible: (r, p) => {
      ok(r);
      expect(r.data!.compareMergeScenarios.map((c: { scenario: { id: string } }) => c.scenario.id)).toEqual([
        p.scenario,
      ]);
    },
    hidden: notFound,
  },
  ...(["apply", "discard"] as const).map((action): Family => ({
    name: `${action}MergeScenario (a DISCARDED scenario: refused after the scope check)`,
    allowed: PLANNERS,
    request: (p, t) => gql(`mutation($id: ID!) { ${action}MergeScenario(id: $id) { id } }`, { id: p.closed })(t),
    visible: (r) =>
      expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code: "CONFLICT", field: "id" }),
    hidden: notFound,
  })),
  {
    name: "revertMergeScenario (a DRAFT: refused after the scope check)",
    allowed: PLANNERS,
    request: (p, t) => gql(`mutation($id: ID!) { revertMergeScenario(id: $id) { id } }`, { id: p.scenario })(t),
    visible: (r) =>
      expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code: "CONFLICT", field: "id" }),
    hidden: notFound,
  },
  {
    name: "generated update (same value: audited, nothing changes)",
    allowed: [...ROLES],
    request: (p, t) =>
      gql(
        `mutation($c: String!) { updateRegions(where: {code: {eq: $c}}, update: {level: {set: VILLAGE}}) { regions { code } } }`,
        { c: p.village },
      )(t),
    visible: (r, p, role) => {
      if (EDITORS.includes(role)) expect(r.data!.updateRegions.regions).toEqual([{ code: p.village }]);
      else expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    },
    hidden: (r) => {
      if (r.errors) expect(r.errors[0]!.extensions!.code).toBe("FORBIDDEN");
      else expect(r.data!.updateRegions.regions).toEqual([]);
    },
  },
  {
    name: "generated delete of a pairing",
    allowed: [...ROLES],
    // Deletes nothing that exists (the pairing has a PairingActivity filter no activity meets).
    request: (p, t) =>
      gql(
        `mutation($id: ID!) { deletePairings(where: {id: {eq: $id}, activities: {some: {title: {eq: "不存在的活动"}}}}) { nodesDeleted } }`,
        { id: p.pairing },
      )(t),
    visible: (r) => {
      if (r.errors) expect(r.errors[0]!.extensions!.code).toBe("FORBIDDEN");
      else expect(r.data!.deletePairings.nodesDeleted).toBe(0);
    },
    hidden: (r) => {
      if (r.errors) expect(r.errors[0]!.extensions!.code).toBe("FORBIDDEN");
      else expect(r.data!.deletePairings.nodesDeleted).toBe(0);
    },
  },
  {
    name: "endPairing (hand-written write)",
    allowed: EDITORS,
    // endedOn before the start: refused after the scope and role checks, so nothing is written.
    request: (p, t) =>
      gql(`mutation($id: ID!) { endPairing(pairingId: $id, endedOn: "1990-01-01") { id } }`, { id: p.pairing })(t),
    visible: (r) => expect(r.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endedOn" }),
    hidden: notFound,
  },
  {
    name: "auditTrail",
    allowed: ["ADMIN"],
    request: (p, t) =>
      gql(`query($c: String!) { auditTrail(regionCode: $c, first: 5) { entries { operation } } }`, { c: p.town })(t),
    visible: ok,
    hidden: ok,
  },
];

describe("the authorization matrix", () => {
  // Every request of the matrix is a read, a no-op or refused: the domain graph stays as it was,
  // checked whole (a hash) at the end and by its counts after each family, which tells which wrote.
  let untouched: Awaited<ReturnType<typeof fingerprint>>;
  beforeAll(async () => {
    untouched = await fingerprint(driver, ["AuditEntry"]);
  });
  const counts = async () => {
    const { nodes, relationships } = await writeMark(driver);
    return { nodes, relationships };
  };

  for (const family of FAMILIES) {
    it(`${family.name}: ${ROLES.length} roles × in and out of scope`, async () => {
      const before = await counts();
      for (const role of ROLES) {
        for (const place of [IN, OUT]) {
          await expectOutcome(
            role,
            place,
            family.allowed,
            family.request,
            (r) => family.visible(r, place, role),
            (r) => family.hidden(r, place, role),
          );
        }
      }
      expect(await counts()).toEqual(before);
    });
  }

  it("left the domain graph as it was", async () => {
    expect(await fingerprint(driver, ["AuditEntry"])).toEqual(untouched);
  });

  it("refuses requests without a valid token, except /health", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${platform.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ me { role } }" }),
      });
    for (const headers of [
      {},
      { authorization: "Bearer nonsense" } as Record<string, string>,
      { authorization: `Bearer ${tokens.ADMIN.slice(0, -2)}xx` },
    ]) {
      const response = await post(headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as GraphQLResponse).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    }
    expect((await fetch(`${platform.url}/health`)).status).toBe(200);
  });

  it("says who the token names", async () => {
    const { data } = await platform.gql(`{ me { subject role regions } }`, {}, tokens.PLANNER);
    expect(data!.me).toEqual({ subject: "planner", role: "PLANNER", regions: [SCOPE] });
  });

  it("records every write in the audit trail, queryable by ADMIN by actor, operation and region", async () => {
    const editor = await tokenFor("EDITOR", [SCOPE], "audit-editor");
    const { errors } = await platform.gql(
      `mutation { updateRegions(where: {code: {eq: "${IN.village}"}}, update: {level: {set: VILLAGE}}) { regions { code } } }`,
      {},
      editor,
    );
    expect(errors).toBeUndefined();
    const { data } = await platform.gql(
      `{ auditTrail(actor: "audit-editor", regionCode: "${SCOPE}") { entries { actor role operation subjectIds regionCodes at } } }`,
    );
    expect(data!.auditTrail.entries).toEqual([
      expect.objectContaining({
        actor: "audit-editor",
        role: "EDITOR",
        operation: "updateRegions",
        subjectIds: [IN.village],
        regionCodes: [IN.village],
      }),
    ]);
    const outside = await platform.gql(
      `{ auditTrail(actor: "audit-editor", regionCode: "${OUT.town}") { entries { id } } }`,
    );
    expect(outside.data!.auditTrail.entries).toEqual([]);
  });
});
