/**
 * Organizational life and work teams written through the API, on a region of their own
 * (379200000000): recordOrgLifeEvents (batches, one event per organization, kind and date, every
 * rejection naming its item and writing nothing, roles and scope, the audit entry), editing and
 * deleting events through the generated API, and the generated writes of work teams and first
 * secretaries' terms with their checks.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { addDays, today } from "../src/domain/dates.js";
import { loadSeed } from "../src/seed/loader.js";
import { SeedBuilder } from "../src/seed/seed-file.js";
import {
  fingerprint,
  startTestPlatform,
  tokenFor,
  type GraphQLResponse,
  type TestPlatform,
  testNeo4jUri,
} from "./helpers.js";

const DISTRICT = "379200000000";
const TOWN = "379200101000";
const OTHER_TOWN = "379200102000";
const VILLAGE = "379200101201";
const OTHER_VILLAGE = "379200102201";

let platform: TestPlatform;
let driver: Driver;
let editor: string;

function fixture() {
  const s = new SeedBuilder();
  const region = (code: string, level: string, parent?: string) => {
    s.node("Region", { code, name: code, level, status: "ACTIVE", collectiveIncome: 50 });
    if (parent) s.rel("PART_OF", ["Region", code], ["Region", parent]);
  };
  region(DISTRICT, "DISTRICT");
  region(TOWN, "TOWN", DISTRICT);
  region(OTHER_TOWN, "TOWN", DISTRICT);
  region(VILLAGE, "VILLAGE", TOWN);
  region(OTHER_VILLAGE, "VILLAGE", OTHER_TOWN);
  const org = (id: string, basedIn: string, extra: Record<string, unknown> = {}) => {
    s.node("PartyOrganization", { id, name: id, kind: "BRANCH", category: "VILLAGE", status: "ACTIVE", ...extra });
    s.rel("BASED_IN", ["PartyOrganization", id], ["Region", basedIn]);
  };
  org("ol-v", VILLAGE, { foundedOn: "2010-01-01" });
  org("ol-other", OTHER_VILLAGE);
  s.node("Institution", { id: "ol-inst", name: "派出单位", kind: "GOVERNMENT_AGENCY" });
  s.rel("LOCATED_IN", ["Institution", "ol-inst"], ["Region", TOWN]);
  s.node("Person", { id: "ol-person", name: "第一书记", partyStatus: "FORMAL" });
  s.rel("LIVES_IN", ["Person", "ol-person"], ["Region", VILLAGE]);
  return s.build({ name: "org-life-fixture", description: "", referenceDate: today() });
}

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await loadSeed(driver, fixture());
  platform = await startTestPlatform();
  editor = await tokenFor("EDITOR", [TOWN], "org-life-editor");
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

const RECORD = `mutation ($input: [RecordOrgLifeEventInput!]!) {
  recordOrgLifeEvents(input: $input) { created existing events { id organizationId kind heldOn attendees topic created } }
}`;
const event = (extra: Record<string, unknown> = {}) => ({
  organizationId: "ol-v",
  kind: "THEME_DAY",
  heldOn: "2026-10-08",
  attendees: 15,
  topic: "重温入党誓词",
  ...extra,
});
const heldBy = async (orgId: string) =>
  (
    await driver.executeQuery(
      "MATCH (e:OrgLifeEvent)-[:HELD_BY]->(:PartyOrganization {id: $orgId}) RETURN count(e) AS n",
      { orgId },
    )
  ).records[0]!.get("n").toNumber();

/** A request that must be refused: its first error, after checking that nothing at all changed. */
async function refused(query: string, variables: Record<string, unknown>, token = editor) {
  const before = await fingerprint(driver);
  const response = await platform.gql(query, variables, token);
  expect(response.data?.recordOrgLifeEvents ?? null, JSON.stringify(response)).toBeNull();
  expect(await fingerprint(driver)).toEqual(before);
  return response.errors![0]!;
}

describe("recordOrgLifeEvents", () => {
  it("records a batch in one go: the same organization, kind and date is one event, the later item's values winning", async () => {
    const { data, errors } = await platform.gql(
      RECORD,
      {
        input: [
          event(),
          event({ kind: "MEMBER_CONGRESS", attendees: 20, topic: null }),
          event({ attendees: 16, topic: null }),
        ],
      },
      editor,
    );
    expect(errors).toBeUndefined();
    const result = data!.recordOrgLifeEvents;
    expect(result).toMatchObject({ created: 2, existing: 0 });
    expect(
      result.events.map((e: Record<string, unknown>) => [e.kind, e.heldOn, e.attendees, e.topic, e.created]),
    ).toEqual([
      ["THEME_DAY", "2026-10-08", 16, "重温入党誓词", true],
      ["MEMBER_CONGRESS", "2026-10-08", 20, null, true],
    ]);
    expect(await heldBy("ol-v")).toBe(2);
  });

  it("recording the same event again is that event: nothing new, the given figures replace the stored ones", async () => {
    const first = (await platform.gql(RECORD, { input: [event({ attendees: 17 })] }, editor)).data!.recordOrgLifeEvents;
    expect(first).toMatchObject({
      created: 0,
      existing: 1,
      events: [{ attendees: 17, topic: "重温入党誓词", created: false }],
    });
    expect(await heldBy("ol-v")).toBe(2);
    // Another day is another event.
    const other = (await platform.gql(RECORD, { input: [event({ heldOn: "2026-10-09" })] }, editor)).data!
      .recordOrgLifeEvents;
    expect(other.created).toBe(1);
    expect(await heldBy("ol-v")).toBe(3);
  });

  it.each([
    ["a date after today", [event(), event({ heldOn: addDays(today(), 1) })], "input[1].heldOn", /in the future/],
    [
      "a date before the organization was founded",
      [event({ heldOn: "2009-12-31" })],
      "input[0].heldOn",
      /before ol-v was founded \(2010-01-01\)/,
    ],
    [
      "an unknown organization",
      [event(), event({ organizationId: "ol-nobody" })],
      "input[1].organizationId",
      /no party organization has id ol-nobody/,
    ],
    ["negative attendees", [event({ attendees: -1 })], "input[0].attendees", /0 or more/],
    ["an empty topic", [event({ topic: "   " })], "input[0].topic", /must not be empty/],
    ["a topic with a control character", [event({ topic: "响铃\u0007" })], "input[0].topic", /control characters/],
    ["a topic over 2,000 characters", [event({ topic: "长".repeat(2001) })], "input[0].topic", /at most 2000/],
    ["an empty batch", [], "input", /at least one event/],
  ])("refuses %s, naming the item, and writes nothing of the batch", async (_what, input, field, message) => {
    const error = await refused(RECORD, { input });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(error.message).toMatch(message);
  });

  it("treats an organization outside the editor's scope exactly like one that does not exist", async () => {
    const outside = await refused(RECORD, { input: [event({ organizationId: "ol-other" })] });
    const nowhere = await refused(RECORD, { input: [event({ organizationId: "ol-nowhere" })] });
    expect([outside.extensions?.code, outside.extensions?.field]).toEqual([
      nowhere.extensions?.code,
      nowhere.extensions?.field,
    ]);
    expect(outside.message.replace("ol-other", "X")).toBe(nowhere.message.replace("ol-nowhere", "X"));
    // ADMIN sees every region.
    expect(
      (await platform.gql(RECORD, { input: [event({ organizationId: "ol-other" })] })).data!.recordOrgLifeEvents
        .created,
    ).toBe(1);
  });

  it("is for EDITOR and ADMIN only", async () => {
    for (const role of ["ANALYST", "PLANNER", "VIEWER"] as const) {
      const error = await refused(RECORD, { input: [event()] }, await tokenFor(role, [TOWN]));
      expect(error.extensions?.code, role).toBe("FORBIDDEN");
    }
  });

  it("is audited with the events, their organizations and regions", async () => {
    const { records } = await driver.executeQuery(
      "MATCH (a:AuditEntry {operation: 'recordOrgLifeEvents', actor: 'org-life-editor'}) RETURN a.subjectIds AS ids, a.regionCodes AS regions ORDER BY a.at",
    );
    expect(records.length).toBe(3);
    expect(records[0]!.get("ids")).toEqual(expect.arrayContaining(["ol-v"]));
    expect(records[0]!.get("ids")).toHaveLength(3);
    expect(records[0]!.get("regions")).toEqual([VILLAGE]);
  });

  it("counts in ORG_LIFE_OVERDUE at once", async () => {
    const { coverageGaps } = await platform.ok<{
      coverageGaps: { edges: Array<{ node: { subjectId: string; missingKinds: string[] } }> };
    }>(
      `{ coverageGaps(regionCode: "${TOWN}", kinds: [ORG_LIFE_OVERDUE], asOf: "2026-10-10") { edges { node { subjectId missingKinds } } } }`,
    );
    expect(coverageGaps.edges.map((e) => e.node)).toEqual([
      { subjectId: "ol-v", missingKinds: ["PARTY_LECTURE", "LIFE_MEETING", "MEMBER_REVIEW"] },
    ]);
  });
});

describe("OrgLifeEvent through the generated API", () => {
  const eventId = async () =>
    (
      await driver.executeQuery(
        "MATCH (e:OrgLifeEvent {kind: 'MEMBER_CONGRESS'})-[:HELD_BY]->(:PartyOrganization {id: 'ol-v'}) RETURN e.id AS id",
      )
    ).records[0]!.get("id") as string;
  const UPDATE = `mutation ($id: ID!, $update: OrgLifeEventUpdateInput!) { updateOrgLifeEvents(where: { id: { eq: $id } }, update: $update) { orgLifeEvents { id attendees topic heldOn } } }`;

  it("reads events through their organization, and edits one", async () => {
    const { partyOrganizations } = await platform.ok<{
      partyOrganizations: Array<{ orgLifeEvents: Array<{ kind: string }> }>;
    }>(
      `{ partyOrganizations(where: { id: { eq: "ol-v" } }) { orgLifeEvents(sort: [{ heldOn: ASC }, { kind: ASC }]) { kind heldOn } } }`,
    );
    expect(partyOrganizations[0]!.orgLifeEvents.map((e) => e.kind)).toEqual([
      "MEMBER_CONGRESS",
      "THEME_DAY",
      "THEME_DAY",
    ]);
    const id = await eventId();
    const { data, errors } = await platform.gql(
      UPDATE,
      { id, update: { attendees: { set: 21 }, topic: { set: "通报季度工作" } } },
      editor,
    );
    expect(errors).toBeUndefined();
    expect(data!.updateOrgLifeEvents.orgLifeEvents).toEqual([
      { id, attendees: 21, topic: "通报季度工作", heldOn: "2026-10-08" },
    ]);
  });

  it("refuses a future date or negative attendees, naming the field", async () => {
    const id = await eventId();
    for (const [update, field] of [
      [{ heldOn: { set: addDays(today(), 2) } }, "update.heldOn"],
      [{ attendees: { set: -3 } }, "update.attendees"],
    ] as const) {
      const before = await fingerprint(driver);
      const { errors } = await platform.gql(UPDATE, { id, update }, editor);
      expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await fingerprint(driver)).toEqual(before);
    }
  });

  it("has no generated create (events are recorded by recordOrgLifeEvents), and deletes", async () => {
    const create = await platform.gql(
      `mutation { createOrgLifeEvents(input: [{ kind: THEME_DAY, heldOn: "2026-10-01" }]) { orgLifeEvents { id } } }`,
    );
    expect(create.errors![0]!.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const outsideEditor = await tokenFor("EDITOR", [OTHER_TOWN]);
    const id = await eventId();
    const DELETE = `mutation ($id: ID!) { deleteOrgLifeEvents(where: { id: { eq: $id } }) { nodesDeleted } }`;
    const outside: GraphQLResponse = await platform.gql(DELETE, { id }, outsideEditor);
    expect(outside.data?.deleteOrgLifeEvents?.nodesDeleted ?? 0).toBe(0);
    expect((await platform.gql(DELETE, { id }, editor)).data!.deleteOrgLifeEvents.nodesDeleted).toBe(1);
    expect(await heldBy("ol-v")).toBe(2);
  });
});

describe("work teams and first secretaries through the generated API", () => {
  const CREATE_TEAM = `mutation ($input: [WorkTeamCreateInput!]!) { createWorkTeams(input: $input) { workTeams { id name since until stationedIn { code } dispatchedBy { id } } } }`;
  const team = (extra: Record<string, unknown> = {}) => ({
    name: "测试镇乡村振兴工作队",
    since: "2026-01-01",
    until: "2027-12-31",
    stationedIn: { connect: [{ where: { node: { code: { eq: TOWN } } } }] },
    dispatchedBy: { connect: [{ where: { node: { id: { eq: "ol-inst" } } } }] },
    ...extra,
  });

  it("creates a work team stationed in the editor's town, and refuses one that ends before it starts", async () => {
    const { data, errors } = await platform.gql(CREATE_TEAM, { input: [team()] }, editor);
    expect(errors).toBeUndefined();
    expect(data!.createWorkTeams.workTeams[0]).toMatchObject({
      since: "2026-01-01",
      until: "2027-12-31",
      stationedIn: [{ code: TOWN }],
      dispatchedBy: [{ id: "ol-inst" }],
    });
    const before = await fingerprint(driver);
    const bad = await platform.gql(
      CREATE_TEAM,
      { input: [team({ since: "2026-06-01", until: "2026-05-31" })] },
      editor,
    );
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input[0].until" });
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("keeps a first secretary's term whole: until not before since", async () => {
    const CONNECT = `mutation ($edge: FirstSecretaryOfCreateInput!) {
      updatePeople(where: { id: { eq: "ol-person" } }, update: { firstSecretaryOf: [{ connect: [{ where: { node: { code: { eq: "${VILLAGE}" } } }, edge: $edge }] }] }) {
        people { firstSecretaryOfConnection { edges { properties { since until } } } }
      }
    }`;
    const bad = await platform.gql(CONNECT, { edge: { since: "2026-03-01", until: "2026-02-28" } }, editor);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(bad.errors![0]!.extensions!.field).toMatch(/until$/);
    const { data, errors } = await platform.gql(
      CONNECT,
      { edge: { since: "2026-03-01", until: "2028-02-29" } },
      editor,
    );
    expect(errors).toBeUndefined();
    expect(data!.updatePeople.people[0].firstSecretaryOfConnection.edges).toEqual([
      { properties: { since: "2026-03-01", until: "2028-02-29" } },
    ]);
  });
});
