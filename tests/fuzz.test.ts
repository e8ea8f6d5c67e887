/**
 * Fuzzing every mutation with generated and hostile input (Cypher fragments, quotes, control
 * characters, very long text, any Unicode, bad dates, numbers out of range, unknown ids and enum
 * values), deterministically (a fixed seed). For every call: no internal error (each error carries
 * a known extensions.code), and a rejected call commits nothing (writeMark: the graph's counts and
 * its change feed, unchanged).
 * Accepted calls must have stored hostile text verbatim. The server runs in production mode. Calls carry
 * an EDITOR or PLANNER token scoped to the test's own region (379700000000): hostile ids of the
 * sample region (the city, a pairing) then probe the scope too, and the sample region stays as it is.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "../scripts/random.js";
import { connect } from "../src/database/driver.js";
import { withCheckCharacter } from "../src/domain/credit-code.js";
import { loadSeed } from "../src/seed/loader.js";
import { SeedBuilder } from "../src/seed/seed-file.js";
import {
  startTestPlatform,
  tokenFor,
  type GraphQLResponse,
  type TestPlatform,
  testNeo4jUri,
  writeMark,
} from "./helpers.js";

const CALLS_PER_MUTATION = 14;
const KNOWN_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "CONSTRAINT_VIOLATION",
  "FORBIDDEN",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "QUERY_TOO_COMPLEX",
]);

/** Text meant to break something: injection, quoting, control characters, odd Unicode, size. */
const HOSTILE_TEXT = [
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) RETURN 1 UNION MATCH (n) RETURN n //',
  "$scope",
  "`Region`",
  "\\' OR 1=1 --",
  "CALL apoc.periodic.iterate('MATCH (n) RETURN n','DETACH DELETE n',{})",
  "村\u0000庄",
  "line\nbreak\ttab",
  "\u202e右到左\u202c",
  "👨‍👩‍👧 组织 𠮷",
  "",
  "   ",
  "x".repeat(5000),
  "名".repeat(201),
  "370285101201",
  "<script>alert(1)</script>",
];
const HOSTILE_NUMBERS = [-1, -0.5, 0, 1e308, 2 ** 53, 3.7];
const HOSTILE_DATES = ["2026-13-40", "not a date", "9999-12-31", "1900-01-01", "2026-02-29", "'); DROP"];
const HOSTILE_IDS = ["", "po-9999", "' OR '1'='1", "a".repeat(3000), "370200000000", "pairing-001"];

const BASE = "379700";
const TOWN = `${BASE}101000`;
const V1 = `${BASE}101201`;
const V2 = `${BASE}101202`;

function fuzzFixture() {
  const s = new SeedBuilder();
  s.node("Region", { code: `${BASE}000000`, name: "模糊测试区", level: "DISTRICT", status: "ACTIVE" });
  s.node("Region", { code: TOWN, name: "模糊测试镇", level: "TOWN", status: "ACTIVE" });
  s.rel("PART_OF", ["Region", TOWN], ["Region", `${BASE}000000`]);
  for (const [code, income] of [
    [V1, 200],
    [V2, 5],
  ] as const) {
    s.node("Region", {
      code,
      name: code,
      level: "VILLAGE",
      status: "ACTIVE",
      population: 800,
      households: 300,
      collectiveIncome: income,
      location: { longitude: 120.5, latitude: 36.8 },
    });
    s.rel("PART_OF", ["Region", code], ["Region", TOWN]);
  }
  for (const [id, category, region] of [
    ["fz-town", "TOWN", TOWN],
    ["fz-v1", "VILLAGE", V1],
    ["fz-v2", "VILLAGE", V2],
  ] as const) {
    s.node("PartyOrganization", { id, name: id, kind: "BRANCH", category, status: "ACTIVE" });
    s.rel("BASED_IN", ["PartyOrganization", id], ["Region", region]);
  }
  s.node("Pairing", { id: "fz-pairing", kind: "STRONG_WEAK", status: "ACTIVE", startedOn: "2025-01-01" });
  s.rel("PARTY_TO", ["PartyOrganization", "fz-v1"], ["Pairing", "fz-pairing"], { role: "HELPER" });
  s.rel("PARTY_TO", ["PartyOrganization", "fz-v2"], ["Pairing", "fz-pairing"], { role: "RECIPIENT" });
  s.node("JointCouncil", {
    id: "fz-council",
    name: "模糊测试联席会议",
    kind: "REGIONAL_JOINT_MEETING",
    establishedOn: "2024-01-01",
  });
  s.rel("SERVES", ["JointCouncil", "fz-council"], ["Region", TOWN]);
  s.rel("CONVENED_BY", ["JointCouncil", "fz-council"], ["PartyOrganization", "fz-town"]);
  return s.build({ name: "fuzz-fixture", description: "", referenceDate: "2026-11-15" });
}

let platform: TestPlatform;
let driver: Driver;

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await loadSeed(driver, fuzzFixture());
  // Production mode: what a client sees there (no stack traces, internal errors masked). Analytics
  // from scratch: nothing takes from the change feed that writeMark reads.
  platform = await startTestPlatform({ NODE_ENV: "production", ANALYTICS: "scratch" });
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

type Random = ReturnType<typeof createRandom>;
interface Target {
  mutation: string;
  /** The role that may call it (within the fuzz region). */
  role: "EDITOR" | "PLANNER";
  query: string;
  /** A valid input, with hostile values put in by `mutate`. */
  variables: (r: Random) => Record<string, unknown>;
}

/** Replaces one leaf of `value` (chosen by r) with a hostile value of a fitting kind. */
function mutate(value: unknown, r: Random): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || r.chance(0.15)) return r.chance(0.5) ? [] : [...value, ...value];
    const i = r.int(0, value.length - 1);
    return value.map((v, j) => (j === i ? mutate(v, r) : v));
  }
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    const key = r.pick(keys);
    return { ...(value as Record<string, unknown>), [key]: mutate((value as Record<string, unknown>)[key], r) };
  }
  if (typeof value === "number") return r.pick(HOSTILE_NUMBERS);
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return r.pick(HOSTILE_DATES);
    if (/^[A-Z_]+$/.test(value)) return r.chance(0.5) ? "NOT_AN_ENUM" : value.toLowerCase();
    if (/^(fz-|po-|\d{12}|pairing)/.test(value)) return r.pick(HOSTILE_IDS);
    return r.pick(HOSTILE_TEXT);
  }
  return r.pick(HOSTILE_TEXT);
}

const TARGETS: Target[] = [
  {
    mutation: "createRegions",
    role: "EDITOR",
    query: `mutation($input: [RegionCreateInput!]!) { createRegions(input: $input) { regions { code name } } }`,
    variables: () => ({
      input: [
        {
          code: `${BASE}101299`,
          name: "新测试村",
          level: "VILLAGE",
          status: "ACTIVE",
          population: 10,
          parent: { connect: [{ where: { node: { code: { eq: TOWN } } } }] },
        },
      ],
    }),
  },
  {
    mutation: "updateRegions",
    role: "EDITOR",
    query: `mutation($code: String!, $update: RegionUpdateInput!) { updateRegions(where: {code: {eq: $code}}, update: $update) { regions { code name } } }`,
    variables: () => ({
      code: V1,
      update: { name: { set: V1 }, population: { set: 800 }, collectiveIncome: { set: 200 } },
    }),
  },
  {
    mutation: "createTwoNewOrganizations",
    role: "EDITOR",
    query: `mutation($input: [TwoNewOrganizationCreateInput!]!) { createTwoNewOrganizations(input: $input) { twoNewOrganizations { id name } } }`,
    variables: (r) => ({
      input: [
        {
          name: "测试企业",
          type: "ENTERPRISE",
          creditCode: withCheckCharacter(`91370285MA${String(r.int(1000000, 9999999))}`),
          employees: 12,
          foundedOn: "2020-05-01",
          location: { connect: [{ where: { node: { code: { eq: V1 } } } }] },
        },
      ],
    }),
  },
  {
    mutation: "createPeople",
    role: "EDITOR",
    query: `mutation($input: [PersonCreateInput!]!) { createPeople(input: $input) { people { id name } } }`,
    variables: () => ({
      input: [
        {
          name: "测试人",
          partyStatus: "FORMAL",
          birthYear: 1980,
          joinedPartyOn: "2010-07-01",
          livesIn: { connect: [{ where: { node: { code: { eq: V1 } } } }] },
        },
      ],
    }),
  },
  {
    mutation: "deleteRegions",
    role: "EDITOR",
    query: `mutation($code: String!) { deleteRegions(where: {code: {eq: $code}}) { nodesDeleted } }`,
    variables: () => ({ code: "fz-not-a-region" }),
  },
  {
    mutation: "createPairing",
    role: "EDITOR",
    query: `mutation($input: CreatePairingInput!) { createPairing(input: $input) { id } }`,
    variables: () => ({
      input: {
        kind: "REGIONAL_ALLIANCE",
        parties: [
          { organizationId: "fz-v1", role: "MEMBER" },
          { organizationId: "fz-town", role: "MEMBER" },
        ],
        startedOn: "2026-01-01",
        focusAreas: ["DEVELOPMENT"],
        fundsCommitted: 10,
      },
    }),
  },
  {
    mutation: "endPairing",
    role: "EDITOR",
    query: `mutation($id: ID!, $on: Date!) { endPairing(pairingId: $id, endedOn: $on) { id } }`,
    variables: () => ({ id: "fz-pairing", on: "2024-01-01" }),
  },
  {
    mutation: "recordPairingActivity",
    role: "EDITOR",
    query: `mutation($input: RecordPairingActivityInput!) { recordPairingActivity(input: $input) { id title } }`,
    variables: () => ({
      input: {
        pairingId: "fz-pairing",
        on: "2026-03-01",
        focusArea: "SERVICE",
        title: "测试活动",
        funds: 1.5,
        beneficiaries: 20,
      },
    }),
  },
  {
    mutation: "createJointCouncil",
    role: "EDITOR",
    query: `mutation($input: CreateJointCouncilInput!) { createJointCouncil(input: $input) { id name } }`,
    variables: () => ({
      input: {
        name: "测试共建议事会",
        kind: "CO_BUILDING_COUNCIL",
        establishedOn: "2025-01-01",
        servesRegionCodes: [V2],
        convenerId: "fz-v2",
      },
    }),
  },
  {
    mutation: "recordCouncilMeeting",
    role: "EDITOR",
    query: `mutation($input: RecordCouncilMeetingInput!) { recordCouncilMeeting(input: $input) { id topics } }`,
    variables: () => ({
      input: { councilId: "fz-council", heldOn: "2026-10-01", topics: ["议题"], resolutions: ["决议"] },
    }),
  },
  {
    mutation: "addCouncilMember",
    role: "EDITOR",
    query: `mutation($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { councilId } }`,
    variables: () => ({ input: { councilId: "fz-council", memberId: "po-9999", capacity: "RURAL_TALENT" } }),
  },
  {
    mutation: "recordOrgLifeEvents",
    role: "EDITOR",
    query: `mutation($input: [RecordOrgLifeEventInput!]!) { recordOrgLifeEvents(input: $input) { created events { id kind heldOn attendees topic } } }`,
    variables: () => ({
      input: [
        { organizationId: "fz-v1", kind: "THEME_DAY", heldOn: "2026-10-01", attendees: 12, topic: "重温入党誓词" },
      ],
    }),
  },
  {
    mutation: "saveMergeScenario",
    role: "PLANNER",
    query: `mutation($input: MergeInput!, $name: String!) { saveMergeScenario(input: $input, name: $name) { id name } }`,
    variables: () => ({
      input: { townCode: TOWN, asOf: "2026-11-15", groups: [{ name: "测试新村", villageCodes: [V1, V2] }] },
      name: "测试方案",
    }),
  },
  {
    mutation: "applyMergeScenario",
    role: "PLANNER",
    query: `mutation($id: ID!) { applyMergeScenario(id: $id) { id } }`,
    variables: () => ({ id: "fz-no-such-scenario" }),
  },
  {
    mutation: "revertMergeScenario",
    role: "PLANNER",
    query: `mutation($id: ID!) { revertMergeScenario(id: $id) { id } }`,
    variables: () => ({ id: "fz-no-such-scenario" }),
  },
  {
    mutation: "discardMergeScenario",
    role: "PLANNER",
    query: `mutation($id: ID!) { discardMergeScenario(id: $id) { id } }`,
    variables: () => ({ id: "fz-no-such-scenario" }),
  },
];

/** The hostile strings somewhere in `value`. */
function hostileTextIn(value: unknown): string[] {
  if (typeof value === "string") return HOSTILE_TEXT.includes(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(hostileTextIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(hostileTextIn);
  return [];
}

describe("fuzzing every mutation", () => {
  const counts = { calls: 0, rejected: 0, accepted: 0 };

  for (const target of TARGETS) {
    it(`${target.mutation}: ${CALLS_PER_MUTATION} hostile calls, no internal error, nothing written when rejected`, async () => {
      const r = createRandom(target.mutation.length * 7919);
      const token = await tokenFor(target.role, [`${BASE}000000`], `fuzz-${target.role.toLowerCase()}`);
      let before = await writeMark(driver);
      for (let i = 0; i < CALLS_PER_MUTATION; i += 1) {
        const variables = mutate(target.variables(r), r) as Record<string, unknown>;
        const response: GraphQLResponse = await platform.gql(target.query, variables, token);
        counts.calls += 1;
        const context = JSON.stringify({ variables, response }).slice(0, 800);
        for (const error of response.errors ?? []) {
          expect(KNOWN_CODES, context).toContain(error.extensions?.code);
          expect(error.extensions, context).not.toHaveProperty("stacktrace");
        }
        const after = await writeMark(driver);
        if (response.errors?.length) {
          counts.rejected += 1;
          expect(after, context).toEqual(before);
        } else {
          counts.accepted += 1;
          // Hostile text that was accepted comes back as sent (the response reads the stored value).
          for (const text of hostileTextIn(response.data))
            expect(JSON.stringify(variables)).toContain(JSON.stringify(text).slice(1, -1));
          before = after;
        }
      }
    });
  }

  it("stores hostile but valid text byte for byte and never interprets it", async () => {
    const names = [
      "'}) MATCH (n) DETACH DELETE n //",
      "line\nbreak\ttab",
      "\u202e右到左\u202c",
      "👨‍👩‍👧 组织 𠮷",
      "$scope",
    ];
    for (const [i, name] of names.entries()) {
      const code = `${BASE}1013${String(i).padStart(2, "0")}`;
      const { data, errors } = await platform.gql(
        `mutation($input: [RegionCreateInput!]!) { createRegions(input: $input) { regions { code name } } }`,
        {
          input: [
            {
              code,
              name,
              level: "VILLAGE",
              status: "ACTIVE",
              parent: { connect: [{ where: { node: { code: { eq: TOWN } } } }] },
            },
          ],
        },
      );
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      expect(data!.createRegions.regions).toEqual([{ code, name }]);
      const { records } = await driver.executeQuery("MATCH (r:Region {code: $code}) RETURN r.name AS name", { code });
      expect(records[0]!.get("name")).toBe(name);
    }
    expect((await driver.executeQuery("MATCH (n) RETURN count(n) > 5000 AS intact")).records[0]!.get("intact")).toBe(
      true,
    );
  });

  it("ran every mutation with both outcomes represented", () => {
    expect(counts.calls).toBe(TARGETS.length * CALLS_PER_MUTATION);
    expect(counts.rejected).toBeGreaterThan(counts.calls / 2);
    console.log(
      `fuzz: ${counts.calls} calls, ${counts.rejected} rejected (graph unchanged each time), ${counts.accepted} accepted`,
    );
  });
});
