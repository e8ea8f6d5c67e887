/**
 * The generated API (@neo4j/graphql from schema/) over HTTP: create, read with nested
 * filters, update and delete for the core types, and uniqueness violations as clear errors.
 * Every node made here carries this run's own codes/names, so the sample data is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../src/domain/credit-code.js";
import { startTestPlatform, type TestPlatform } from "./helpers.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

// Three digits per run, from 500 up: the sample district's towns are 001-007, 101-116 and 400.
const run = String((Date.now() % 400) + 500);
const TOWN = `370285${run}000`;
const VILLAGE = `370285${run}201`;

describe("regions", () => {
  it("creates a town and a village under it, reads them through nested filters, updates and deletes", async () => {
    await platform.ok(
      `mutation ($town: String!, $village: String!) {
        createRegions(input: [{
          code: $town, name: "测试镇", level: TOWN, status: ACTIVE
          parent: { connect: [{ where: { node: { code: { eq: "370285000000" } } } }] }
          children: { create: [{ node: {
            code: $village, name: "测试村", level: VILLAGE, status: ACTIVE, population: 812, collectiveIncome: 9.5,
            location: { latitude: 36.9, longitude: 120.5 }, industries: ["花生"]
          } }] }
        }]) { regions { code } }
      }`,
      { town: TOWN, village: VILLAGE },
    );
    const read = await platform.ok(
      `query ($town: String!) {
        regions(where: { level: { eq: VILLAGE }, collectiveIncome: { lt: 10 }, parent: { some: { code: { eq: $town } } } }) {
          code name population location { latitude longitude } industries parent { name parent { code } }
        }
      }`,
      { town: TOWN },
    );
    expect(read.regions).toEqual([
      {
        code: VILLAGE,
        name: "测试村",
        population: 812,
        location: { latitude: 36.9, longitude: 120.5 },
        industries: ["花生"],
        parent: [{ name: "测试镇", parent: [{ code: "370285000000" }] }],
      },
    ]);
    const updated = await platform.ok(
      `mutation ($code: String!) { updateRegions(where: { code: { eq: $code } }, update: { population: { set: 900 } }) { regions { population } } }`,
      { code: VILLAGE },
    );
    expect(updated.updateRegions.regions).toEqual([{ population: 900 }]);
    const deleted = await platform.ok(
      `mutation ($codes: [String!]!) { deleteRegions(where: { code: { in: $codes } }) { nodesDeleted relationshipsDeleted } }`,
      { codes: [TOWN, VILLAGE] },
    );
    expect(deleted.deleteRegions).toEqual({ nodesDeleted: 2, relationshipsDeleted: 2 });
    expect(
      (await platform.ok(`query ($c: String!) { regions(where: { code: { eq: $c } }) { code } }`, { c: TOWN })).regions,
    ).toEqual([]);
  });

  it("rejects a duplicate region code with a CONSTRAINT_VIOLATION naming the field, and writes nothing", async () => {
    const { data, errors } = await platform.gql(
      `mutation { createRegions(input: [{ code: "370285101000", name: "重复的镇", level: TOWN, status: ACTIVE }]) { regions { code } } }`,
    );
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({
      code: "CONSTRAINT_VIOLATION",
      type: "Region",
      field: "code",
      values: ["370285101000"],
    });
    expect(errors![0]!.message).toMatch(/Region with code "370285101000" already exists/);
    const names = await platform.ok(`{ regions(where: { code: { eq: "370285101000" } }) { name } }`);
    expect(names.regions).toEqual([{ name: "姜山镇" }]);
  });
});

describe("party organizations", () => {
  it("creates one based in a village and subordinate to its town org, filters by nested region, updates, deletes", async () => {
    const created = await platform.ok(
      `mutation ($name: String!) {
        createPartyOrganizations(input: [{
          name: $name, kind: BRANCH, category: FUNCTIONAL, status: ACTIVE, foundedOn: "2026-07-01", isWeak: false
          basedIn: { connect: [{ where: { node: { code: { eq: "370285101201" } } } }] }
          superiors: { connect: [{ where: { node: { category: { eq: TOWN }, basedIn: { some: { code: { eq: "370285101000" } } } } } }] }
        }]) { partyOrganizations { id foundedOn superiors { name } } }
      }`,
      { name: `测试功能型党支部${run}` },
    );
    const org = created.createPartyOrganizations.partyOrganizations[0];
    expect(org.id).toMatch(/\S+/);
    expect(org.foundedOn).toBe("2026-07-01");
    expect(org.superiors).toEqual([{ name: "中共莱西市姜山镇委员会" }]);

    const found = await platform.ok(
      `query ($name: String!) {
        partyOrganizations(where: {
          name: { eq: $name }
          basedIn: { some: { parent: { some: { name: { eq: "姜山镇" } } } } }
          superiors: { some: { category: { eq: TOWN } } }
        }) { id formalMemberCount }
      }`,
      { name: `测试功能型党支部${run}` },
    );
    expect(found.partyOrganizations).toEqual([{ id: org.id, formalMemberCount: 0 }]);

    const updated = await platform.ok(
      `mutation ($id: ID!) { updatePartyOrganizations(where: { id: { eq: $id } }, update: { isWeak: { set: true }, status: { set: DISSOLVED } }) { partyOrganizations { isWeak status } } }`,
      { id: org.id },
    );
    expect(updated.updatePartyOrganizations.partyOrganizations).toEqual([{ isWeak: true, status: "DISSOLVED" }]);
    const deleted = await platform.ok(
      `mutation ($id: ID!) { deletePartyOrganizations(where: { id: { eq: $id } }) { nodesDeleted } }`,
      { id: org.id },
    );
    expect(deleted.deletePartyOrganizations.nodesDeleted).toBe(1);
  });
});

describe("two-new organizations", () => {
  const creditCode = withCheckCharacter(`91370285MA3T${run}E0`);

  it("creates one covered by a village org, computes its coverage class, and reads it through a connection", async () => {
    await platform.ok(
      `mutation ($code: String!) {
        createTwoNewOrganizations(input: [{
          name: "青岛测试食品有限公司", type: ENTERPRISE, creditCode: $code, employees: 12, foundedOn: "2020-01-01"
          locatedIn: { connect: [{ where: { node: { code: { eq: "370285101201" } } } }] }
          coveredBy: { connect: [{ where: { node: { category: { eq: VILLAGE }, basedIn: { some: { code: { eq: "370285101201" } } } } }, edge: { mode: AFFILIATED } }] }
        }]) { twoNewOrganizations { id } }
      }`,
      { code: creditCode },
    );
    const page = await platform.ok(
      `query ($code: String!) {
        twoNewOrganizationsConnection(first: 5, where: { creditCode: { eq: $code }, locatedIn: { some: { parent: { some: { code: { eq: "370285101000" } } } } } }) {
          totalCount
          edges { node { name coverageClass formalMemberCount coveredByConnection { edges { properties { mode } } } } }
        }
      }`,
      { code: creditCode },
    );
    expect(page.twoNewOrganizationsConnection.totalCount).toBe(1);
    expect(page.twoNewOrganizationsConnection.edges[0].node).toEqual({
      name: "青岛测试食品有限公司",
      coverageClass: "ORGANIZATIONAL",
      formalMemberCount: 0,
      coveredByConnection: { edges: [{ properties: { mode: "AFFILIATED" } }] },
    });
  });

  it("rejects a second organization with the same credit code", async () => {
    const { errors } = await platform.gql(
      `mutation ($code: String!) { createTwoNewOrganizations(input: [{ name: "另一家", type: ENTERPRISE, creditCode: $code }]) { twoNewOrganizations { id } } }`,
      { code: creditCode },
    );
    expect(errors![0]!.extensions).toMatchObject({
      code: "CONSTRAINT_VIOLATION",
      type: "TwoNewOrganization",
      field: "creditCode",
    });
    const count = await platform.ok(
      `query ($code: String!) { twoNewOrganizationsConnection(where: { creditCode: { eq: $code } }) { totalCount } }`,
      { code: creditCode },
    );
    expect(count.twoNewOrganizationsConnection.totalCount).toBe(1);
  });

  it("updates and deletes it", async () => {
    const updated = await platform.ok(
      `mutation ($code: String!) { updateTwoNewOrganizations(where: { creditCode: { eq: $code } }, update: { employees: { set: 30 } }) { twoNewOrganizations { employees } } }`,
      { code: creditCode },
    );
    expect(updated.updateTwoNewOrganizations.twoNewOrganizations).toEqual([{ employees: 30 }]);
    const deleted = await platform.ok(
      `mutation ($code: String!) { deleteTwoNewOrganizations(where: { creditCode: { eq: $code } }) { nodesDeleted } }`,
      { code: creditCode },
    );
    expect(deleted.deleteTwoNewOrganizations.nodesDeleted).toBe(1);
  });
});

describe("pairings", () => {
  it("creates a pairing between an institution org and a village org, filters by party, ends and deletes it", async () => {
    const created = await platform.ok(`mutation {
      createPairings(input: [{
        kind: INSTITUTION_VILLAGE, status: ACTIVE, startedOn: "2026-03-01", focusAreas: [PARTY_BUILDING, SERVICE], fundsCommitted: 20
        parties: { connect: [
          { where: { node: { name: { eq: "莱西市人民医院机关党委" } } }, edge: { role: HELPER } }
          { where: { node: { category: { eq: VILLAGE }, basedIn: { some: { code: { eq: "370285101213" } } } } }, edge: { role: RECIPIENT } }
        ] }
      }]) { pairings { id } }
    }`);
    const id = created.createPairings.pairings[0].id;
    const read = await platform.ok(
      `query ($id: ID!) {
        pairings(where: { id: { eq: $id }, parties: { some: { category: { eq: INSTITUTION } } } }) {
          kind focusAreas
          partiesConnection(sort: [{ edge: { role: ASC } }]) { edges { properties { role } node { category } } }
        }
      }`,
      { id },
    );
    expect(read.pairings).toEqual([
      {
        kind: "INSTITUTION_VILLAGE",
        focusAreas: ["PARTY_BUILDING", "SERVICE"],
        partiesConnection: {
          edges: [
            { properties: { role: "HELPER" }, node: { category: "INSTITUTION" } },
            { properties: { role: "RECIPIENT" }, node: { category: "VILLAGE" } },
          ],
        },
      },
    ]);
    const ended = await platform.ok(
      `mutation ($id: ID!) { updatePairings(where: { id: { eq: $id } }, update: { status: { set: ENDED }, endedOn: { set: "2026-10-01" } }) { pairings { status endedOn } } }`,
      { id },
    );
    expect(ended.updatePairings.pairings).toEqual([{ status: "ENDED", endedOn: "2026-10-01" }]);
    const deleted = await platform.ok(
      `mutation ($id: ID!) { deletePairings(where: { id: { eq: $id } }) { nodesDeleted relationshipsDeleted } }`,
      { id },
    );
    expect(deleted.deletePairings).toEqual({ nodesDeleted: 1, relationshipsDeleted: 2 });
  });
});
