/**
 * The domain-checked writes (pairings, activities, councils, meetings, members) on a small
 * region of their own (379800000000): each rejection names the field and leaves the whole
 * graph unchanged (fingerprint before = after); each accepted write reads back as written.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { today } from "../src/domain/dates.js";
import { loadSeed } from "../src/seed/loader.js";
import { SeedBuilder } from "../src/seed/seed-file.js";
import { fingerprint, startTestPlatform, tokenFor, type TestPlatform, testNeo4jUri } from "./helpers.js";

let platform: TestPlatform;
let driver: Driver;

function writesFixture() {
  const s = new SeedBuilder();
  const region = (code: string, level: string, parent?: string, extra: Record<string, unknown> = {}) => {
    s.node("Region", { code, name: code, level, status: "ACTIVE", ...extra });
    if (parent) s.rel("PART_OF", ["Region", code], ["Region", parent]);
  };
  const org = (id: string, category: string, basedIn: string, extra: Record<string, unknown> = {}) => {
    s.node("PartyOrganization", { id, name: id, kind: "BRANCH", category, status: "ACTIVE", ...extra });
    s.rel("BASED_IN", ["PartyOrganization", id], ["Region", basedIn]);
  };
  region("379800000000", "DISTRICT");
  region("379800101000", "TOWN", "379800000000");
  region("379800101201", "VILLAGE", "379800101000", { collectiveIncome: 200 });
  region("379800101202", "VILLAGE", "379800101000", { collectiveIncome: 40 });
  region("379800101203", "VILLAGE", "379800101000", { collectiveIncome: 6 });
  org("wx-town", "TOWN", "379800101000");
  org("wx-strong", "VILLAGE", "379800101201");
  org("wx-ordinary", "VILLAGE", "379800101202");
  org("wx-poor", "VILLAGE", "379800101203");
  org("wx-dissolved", "VILLAGE", "379800101202", { status: "DISSOLVED" });
  org("wx-agency", "INSTITUTION", "379800000000");
  org("wx-firm", "TWO_NEW", "379800101201");
  s.node("Institution", { id: "wx-inst", name: "测试机关", kind: "GOVERNMENT_AGENCY" });
  s.node("Person", { id: "wx-person", name: "测试人", partyStatus: "FORMAL" });
  return s.build({ name: "writes-fixture", description: "", referenceDate: today() });
}

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await loadSeed(driver, writesFixture());
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

/** Runs a mutation that must be rejected; returns its error after checking nothing changed. */
async function rejected(query: string, variables: Record<string, unknown>) {
  const before = await fingerprint(driver);
  const { errors, data } = await platform.gql(query, variables);
  expect(data, JSON.stringify(data)).toBeNull();
  expect(await fingerprint(driver)).toEqual(before);
  return errors![0]!;
}

const CREATE_PAIRING = `mutation ($input: CreatePairingInput!) {
  createPairing(input: $input) { id kind status startedOn focusAreas fundsCommitted parties { organizationId role } }
}`;
const pairingInput = (kind: string, parties: Array<[string, string]>, extra: Record<string, unknown> = {}) => ({
  input: {
    kind,
    startedOn: "2026-01-01",
    parties: parties.map(([organizationId, role]) => ({ organizationId, role })),
    ...extra,
  },
});

describe("createPairing", () => {
  it.each([
    [
      "an unknown party",
      pairingInput("INSTITUTION_VILLAGE", [
        ["wx-agency", "HELPER"],
        ["wx-nobody", "RECIPIENT"],
      ]),
      "BAD_USER_INPUT",
      /no party organization has id wx-nobody/,
    ],
    [
      "a DISSOLVED party",
      pairingInput("INSTITUTION_VILLAGE", [
        ["wx-agency", "HELPER"],
        ["wx-dissolved", "RECIPIENT"],
      ]),
      "BAD_USER_INPUT",
      /DISSOLVED/,
    ],
    [
      "no rural party",
      pairingInput("ENTERPRISE_VILLAGE", [
        ["wx-agency", "HELPER"],
        ["wx-firm", "RECIPIENT"],
      ]),
      "BAD_USER_INPUT",
      /rural/,
    ],
    [
      "STRONG_WEAK with a non-village party",
      pairingInput("STRONG_WEAK", [
        ["wx-agency", "HELPER"],
        ["wx-poor", "RECIPIENT"],
      ]),
      "BAD_USER_INPUT",
      /two village/,
    ],
    [
      "STRONG_WEAK with a recipient that is not weak",
      pairingInput("STRONG_WEAK", [
        ["wx-strong", "HELPER"],
        ["wx-ordinary", "RECIPIENT"],
      ]),
      "BAD_USER_INPUT",
      /not weak/,
    ],
    [
      "a single party",
      pairingInput("INSTITUTION_VILLAGE", [["wx-poor", "RECIPIENT"]]),
      "BAD_USER_INPUT",
      /at least two/,
    ],
    [
      "negative funds",
      pairingInput(
        "INSTITUTION_VILLAGE",
        [
          ["wx-agency", "HELPER"],
          ["wx-poor", "RECIPIENT"],
        ],
        { fundsCommitted: -1 },
      ),
      "BAD_USER_INPUT",
      /fundsCommitted/,
    ],
  ])("rejects %s and writes nothing", async (_name, variables, code, message) => {
    const error = await rejected(CREATE_PAIRING, variables);
    expect(error.extensions).toMatchObject({ code });
    expect(error.message).toMatch(message);
  });

  it("creates a strong-weak pairing, then rejects the same ACTIVE pairing again as a CONFLICT", async () => {
    const variables = pairingInput(
      "STRONG_WEAK",
      [
        ["wx-strong", "HELPER"],
        ["wx-poor", "RECIPIENT"],
      ],
      { focusAreas: ["DEVELOPMENT"], fundsCommitted: 30 },
    );
    const { data, errors } = await platform.gql(CREATE_PAIRING, variables);
    expect(errors).toBeUndefined();
    expect(data!.createPairing).toMatchObject({
      kind: "STRONG_WEAK",
      status: "ACTIVE",
      startedOn: "2026-01-01",
      focusAreas: ["DEVELOPMENT"],
      fundsCommitted: 30,
    });
    expect(data!.createPairing.parties).toHaveLength(2);
    const duplicate = await rejected(CREATE_PAIRING, variables);
    expect(duplicate.extensions).toMatchObject({ code: "CONFLICT", field: "parties" });
  });
});

describe("activities and ending", () => {
  let pairingId: string;
  beforeAll(async () => {
    const { data } = await platform.gql(
      CREATE_PAIRING,
      pairingInput("INSTITUTION_VILLAGE", [
        ["wx-agency", "HELPER"],
        ["wx-ordinary", "RECIPIENT"],
      ]),
    );
    pairingId = data!.createPairing.id;
  });
  const RECORD = `mutation ($input: RecordPairingActivityInput!) { recordPairingActivity(input: $input) { id on focusArea title funds beneficiaries } }`;
  const END = `mutation ($id: ID!, $on: Date!) { endPairing(pairingId: $id, endedOn: $on) { status endedOn } }`;

  it("rejects an activity before the start, in the future, or with negative figures", async () => {
    const base = {
      pairingId: "",
      on: "2026-02-01",
      focusArea: "SERVICE",
      title: "义诊进村",
      funds: 1,
      beneficiaries: 10,
    };
    for (const [change, field] of [
      [{ on: "2025-12-31" }, "on"],
      [{ on: "2999-01-01" }, "on"],
      [{ funds: -2 }, "funds"],
      [{ beneficiaries: -1 }, "beneficiaries"],
      [{ title: "  " }, "title"],
    ] as const) {
      const error = await rejected(RECORD, { input: { ...base, pairingId, ...change } });
      expect(error.extensions, JSON.stringify(change)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("records an activity that shows in the timeline", async () => {
    const { data } = await platform.gql(RECORD, {
      input: { pairingId, on: "2026-02-01", focusArea: "SERVICE", title: "义诊进村", funds: 1.5, beneficiaries: 120 },
    });
    expect(data!.recordPairingActivity).toMatchObject({
      on: "2026-02-01",
      focusArea: "SERVICE",
      funds: 1.5,
      beneficiaries: 120,
    });
    const timeline = await platform.gql(
      `query ($id: ID!) { pairingTimeline(pairingId: $id) { total { activities funds beneficiaries } } }`,
      { id: pairingId },
    );
    expect(timeline.data!.pairingTimeline.total).toEqual({ activities: 1, funds: 1.5, beneficiaries: 120 });
  });

  it("rejects an end before the start, ends it, and rejects ending it twice", async () => {
    const early = await rejected(END, { id: pairingId, on: "2025-06-01" });
    expect(early.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endedOn" });
    const { data } = await platform.gql(END, { id: pairingId, on: "2026-03-01" });
    expect(data!.endPairing).toEqual({ status: "ENDED", endedOn: "2026-03-01" });
    const twice = await rejected(END, { id: pairingId, on: "2026-04-01" });
    expect(twice.extensions).toMatchObject({ code: "CONFLICT" });
  });
});

describe("joint councils", () => {
  const CREATE = `mutation ($input: CreateJointCouncilInput!) { createJointCouncil(input: $input) { id name kind serves conveners } }`;
  const MEETING = `mutation ($input: RecordCouncilMeetingInput!) { recordCouncilMeeting(input: $input) { heldOn topics } }`;
  const MEMBER = `mutation ($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { memberId memberLabel capacity } }`;
  const council = {
    name: "测试镇区域化党建联席会议",
    kind: "REGIONAL_JOINT_MEETING",
    servesRegionCodes: ["379800101000"],
    convenerId: "wx-town",
  };
  let councilId: string;

  it("rejects a council serving the wrong level, an unknown region or convened by the wrong organization", async () => {
    for (const [change, field] of [
      [{ servesRegionCodes: ["379800101201"] }, "servesRegionCodes"],
      [{ servesRegionCodes: ["379800999000"] }, "servesRegionCodes"],
      [{ servesRegionCodes: [] }, "servesRegionCodes"],
      [{ convenerId: "wx-strong" }, "convenerId"],
      [{ convenerId: "wx-nobody" }, "convenerId"],
      [{ name: "" }, "name"],
    ] as const) {
      const error = await rejected(CREATE, { input: { ...council, ...change } });
      expect(error.extensions, JSON.stringify(change)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("creates a council, records a meeting, adds a unit and a person", async () => {
    const created = await platform.gql(CREATE, { input: council });
    expect(created.errors).toBeUndefined();
    councilId = created.data!.createJointCouncil.id;
    expect(created.data!.createJointCouncil).toMatchObject({ serves: ["379800101000"], conveners: ["wx-town"] });
    const meeting = await platform.gql(MEETING, {
      input: { councilId, heldOn: "2026-05-01", topics: ["人居环境整治"] },
    });
    expect(meeting.data!.recordCouncilMeeting).toEqual({ heldOn: "2026-05-01", topics: ["人居环境整治"] });
    const unit = await platform.gql(MEMBER, { input: { councilId, memberId: "wx-inst" } });
    expect(unit.data!.addCouncilMember).toEqual({ memberId: "wx-inst", memberLabel: "Institution", capacity: null });
    const person = await platform.gql(MEMBER, {
      input: { councilId, memberId: "wx-person", capacity: "RURAL_TALENT" },
    });
    expect(person.data!.addCouncilMember).toEqual({
      memberId: "wx-person",
      memberLabel: "Person",
      capacity: "RURAL_TALENT",
    });
  });

  it("rejects a future meeting, a duplicate, unknown or DISSOLVED member, a capacity for a unit, an unknown council", async () => {
    const future = await rejected(MEETING, { input: { councilId, heldOn: "2999-01-01" } });
    expect(future.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "heldOn" });
    const again = await rejected(MEMBER, { input: { councilId, memberId: "wx-inst" } });
    expect(again.extensions).toMatchObject({ code: "CONFLICT", field: "memberId" });
    const unknown = await rejected(MEMBER, { input: { councilId, memberId: "wx-nobody" } });
    expect(unknown.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "memberId" });
    const dissolved = await rejected(MEMBER, { input: { councilId, memberId: "wx-dissolved" } });
    expect(dissolved.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "memberId" });
    const capacityless = await rejected(MEMBER, {
      input: { councilId, memberId: "wx-strong", capacity: "RURAL_TALENT" },
    });
    expect(capacityless.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "capacity" });
    const noCouncil = await rejected(MEMBER, { input: { councilId: "wx-no-council", memberId: "wx-firm" } });
    expect(noCouncil.extensions).toMatchObject({ code: "NOT_FOUND", field: "councilId" });
  });
});

describe("remembered pairing networks", () => {
  const TOWN = "379800101000";
  const NETWORK = `query ($code: String!) { pairingNetwork(regionCode: $code, includeEnded: true) { nodes { id } stats { pairings } } }`;
  const ask = async (token?: string) => {
    const response = await platform.gql(NETWORK, { code: TOWN }, token);
    expect(response.errors).toBeUndefined();
    return {
      network: response.data!.pairingNetwork,
      queries: (response as { extensions?: { cypherQueries: number } }).extensions?.cypherQueries,
    };
  };
  const ids = (network: { nodes: Array<{ id: string }> }) => network.nodes.map((n) => n.id);

  it("are answered from memory until a write, and never across token scopes", async () => {
    const first = await ask();
    const again = await ask();
    expect(again.network).toEqual(first.network);
    expect(again.queries).toBe(2); // the region lookup and the state mark only
    // The town's analyst asks the same question: the agency outside the town stays hidden.
    expect(ids(first.network)).toContain("wx-agency");
    expect(ids((await ask(await tokenFor("ANALYST", [TOWN]))).network)).not.toContain("wx-agency");

    await platform.ok(
      CREATE_PAIRING,
      pairingInput("INSTITUTION_VILLAGE", [
        ["wx-agency", "HELPER"],
        ["wx-poor", "RECIPIENT"],
      ]),
    );
    expect((await ask()).network.stats.pairings).toBe(first.network.stats.pairings + 1);
  });
});
