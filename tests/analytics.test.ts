/**
 * The kept analytics (src/coverage/kept) against a recomputation from scratch, on real data.
 *
 * A copy of the sample region hangs under its own city (379800000000, ids suffixed "-rt"), so
 * that the random writes leave the sample itself alone; it leaves out the lean villages
 * and the 居委会 (every planted gap and boundary is in the rest), to stay quick. Two platforms share the run's
 * Neo4j: one answers from what is kept, the other (ANALYTICS=scratch) recomputes every answer.
 * After every write, of every kind, their report, network and one gap list (whole, or filtered by
 * a village, a town or both) of a random region must be equal, and after each round `verify`
 * compares everything kept with a recomputation. Each day's runs take another random path (the
 * seed is the date unless ANALYTICS_SEED gives one; a failure names it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoverageStore } from "../src/coverage/kept/coverage.store.js";
import { SYSTEM } from "../src/domain/principal.js";
import { loadConfig } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { graphFor } from "../src/audit/audit.js";
import { withCheckCharacter } from "../src/domain/credit-code.js";
import { addDays, clock, today, yearsBefore } from "../src/domain/dates.js";
import { ORG_LIFE_EVENT_KINDS } from "../src/domain/org-life.js";
import { formatCsv } from "../src/exchange/csv.js";
import { ImportService } from "../src/exchange/import.service.js";
import { headerOf, SHEET_BY_NAME } from "../src/exchange/sheets.js";
import { loadSeed } from "../src/seed/loader.js";
import type { SeedFile } from "../src/seed/seed-file.js";
import { PROJECT_ROOT } from "../src/config.js";
import { SAMPLE_UNITS } from "../scripts/sample-plan.js";
import { startTestPlatform, TEST_JWT_SECRET, tokenFor, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { samplePart } from "./fixtures/sample.js";

const CITY = "379800000000";
const DISTRICT = "379885000000";
/**
 * One round of the 25 kinds of write (each write and its comparison cost about two seconds of both
 * cores: more rounds were most of npm test's time; each day takes another path through them);
 * ANALYTICS_RANDOM_WRITES=1000 for a longer hunt.
 */
const WRITES = Number(process.env.ANALYTICS_RANDOM_WRITES ?? 25);
/**
 * The day's date by default, so that each day's runs take another random path through the same
 * kinds of write; a failure names its seed, and ANALYTICS_SEED replays it.
 */
const SEED = Number(process.env.ANALYTICS_SEED ?? today().replaceAll("-", ""));

/**
 * The sample without its lean villages and 居委会 (and what hangs on them), moved under its own city:
 * codes 3702… become 3798…, every id gets "-rt".
 */
function randomTestCopy(): SeedFile {
  const leftOut = new Set(SAMPLE_UNITS.filter((u) => !u.detailed && !u.mergedInto).map((u) => u.code));
  return samplePart({
    keep: (code) => !leftOut.has(code.slice(0, 12)),
    rename: { prefix: "3798", suffix: "-rt", cityName: "随机测试市" },
  });
}

/** A seeded pseudo-random sequence, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

let driver: Driver;
let kept: TestPlatform;
let scratch: TestPlatform;
let store: CoverageStore;

const read = async <T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T[]> =>
  (await driver.executeQuery(query, params, { routing: neo4j.routing.READ })).records.map((r) => r.toObject() as T);
const write = (query: string, params: Record<string, unknown> = {}) => driver.executeQuery(query, params);

const REPORT = `query ($code: String!) { coverageReport(regionCode: $code, depth: 2) {
  region { code } twoNew { total organizational workOnly none orgCoverageRate workCoverageRate }
  villages { total withPartyOrg chainComplete secretaryIsDirector secretaryIsCollectiveHead weak withPartyLedCooperative centralHouseholdReach }
  gapCounts { kind count } children { region { code } gapCounts { kind count } villages { total weak chainComplete centralHouseholdReach } children { region { code } gapCounts { kind count } } } } }`;
const GAPS = `query ($code: String!, $after: String, $first: Int, $villageCode: String, $townCode: String) {
  coverageGaps(regionCode: $code, first: $first, after: $after, villageCode: $villageCode, townCode: $townCode) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
  edges { node { kind subjectId subjectName subjectLabel regionCode villageCode townCode missingKinds reason reasonLabel { zh en } } } } }`;

const NETWORK = `query ($code: String!) { pairingNetwork(regionCode: $code) { truncated
  nodes { id type label regionCode attributes { kind category status isWeak formalMembers memberUnits partiesOutOfScope members fundsCommitted startedOn endedOn lastMeetingOn } }
  edges { id source target role }
  stats { pairings byKind { kind count } partyOrganizations institutions weakVillagesPaired weakVillagesUnpaired components isolatedVillageOrganizations } } }`;

/** Every gap page of a list, from one platform. */
async function pagesOf(platform: TestPlatform, variables: Record<string, unknown>) {
  const pages = [];
  let after: string | null = null;
  do {
    const page: any = (await platform.ok(GAPS, { ...variables, after })).coverageGaps;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

/** A region's gap lists: whole, and in small pages filtered by a village, a town and both. */
const LISTS = {
  pages: { first: 500 },
  inVillage: { first: 4, village: true },
  inTown: { first: 25, town: true },
  both: { first: 500, village: true, town: true },
} as const;
type List = keyof typeof LISTS;
const ALL_LISTS = Object.keys(LISTS) as List[];

/** A region's report, its pairing network and the gap lists asked for, from one platform. */
async function answers(
  platform: TestPlatform,
  code: string,
  place: { villageCode: string; townCode: string },
  lists: List[],
) {
  const report = await platform.ok(REPORT, { code });
  const network = await platform.ok(NETWORK, { code });
  const listed: Record<string, unknown> = {};
  for (const list of lists) {
    const { first, ...filter } = LISTS[list];
    listed[list] = await pagesOf(platform, {
      code,
      first,
      ...("village" in filter ? { villageCode: place.villageCode } : {}),
      ...("town" in filter ? { townCode: place.townCode } : {}),
    });
  }
  return { report, network, ...listed };
}

/** A village of the copy and its town, for the filtered lists: the `skip`th ACTIVE village in a town. */
async function placeOf(skip: number): Promise<{ villageCode: string; townCode: string }> {
  const [place] = await read<{ villageCode: string; townCode: string }>(
    "MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF*1..]->(t:Region {level: 'TOWN'})-[:PART_OF*1..]->(:Region {code: $city}) RETURN v.code AS villageCode, t.code AS townCode ORDER BY v.code SKIP $skip LIMIT 1",
    { city: CITY, skip: neo4j.int(skip) },
  );
  return place ?? { villageCode: "379885000000", townCode: "379885000000" };
}

async function expectSameAnswers(codes: string[], after: string, skip = 0, lists = ALL_LISTS): Promise<void> {
  const place = await placeOf(skip);
  for (const code of codes) {
    const [k, s] = await Promise.all([answers(kept, code, place, lists), answers(scratch, code, place, lists)]);
    expect(k, `${code} after ${after}`).toEqual(s);
  }
}

async function regionsOfCopy(): Promise<{ towns: string[]; villages: string[] }> {
  const rows = await read<{ code: string; level: string }>(
    "MATCH (r:Region {status: 'ACTIVE'})-[:PART_OF*1..]->(:Region {code: $city}) WHERE r.level IN ['TOWN', 'VILLAGE'] RETURN r.code AS code, r.level AS level",
    { city: CITY },
  );
  return {
    towns: rows.filter((r) => r.level === "TOWN").map((r) => r.code),
    villages: rows.filter((r) => r.level === "VILLAGE").map((r) => r.code),
  };
}

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await loadSeed(driver, randomTestCopy());
  [kept, scratch] = await Promise.all([startTestPlatform(), startTestPlatform({ ANALYTICS: "scratch" })]);
  store = new CoverageStore(driver, loadConfig().rules);
});

afterAll(async () => {
  clock.now = () => new Date();
  await kept?.stop();
  await scratch?.stop();
  // The copy, and what the random writes created in it (their two-new organizations carry 913798… credit codes;
  // events recorded through the API get ids of their own).
  await write("MATCH (e:OrgLifeEvent)-[:HELD_BY]->(o:PartyOrganization) WHERE o.id ENDS WITH '-rt' DETACH DELETE e");
  await write(
    "MATCH (n) WHERE coalesce(n.code, n.id) STARTS WITH '3798' OR n.id ENDS WITH '-rt' OR n.creditCode STARTS WITH '913798' DETACH DELETE n",
  );
  await driver?.close();
});

describe("kept analytics", () => {
  it(
    "answer as a recomputation from scratch does, after random writes of every kind",
    async () => {
      const rnd = random(SEED);
      const importer = new ImportService(graphFor(driver, SYSTEM));
      let n = 0;
      const unique = () => `rt-${(n += 1)}-${Date.now().toString(36)}`;
      const orgOf = async (category: string) =>
        rnd.pick(
          await read<{ id: string }>(
            "MATCH (o:PartyOrganization {category: $category})-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) RETURN o.id AS id",
            { category, city: CITY },
          ),
        ).id;
      // The Party organization of an institution of the copy (莱西市人民医院): a helper in pairings.
      const helperOrg = async () =>
        (
          await read<{ id: string }>(
            "MATCH (:Institution {id: 'inst-lxyy-rt'})-[:HAS_PARTY_ORG]->(o:PartyOrganization) RETURN o.id AS id",
          )
        )[0]!.id;
      const twoNew = async () =>
        rnd.pick(
          await read<{ id: string }>(
            "MATCH (o:TwoNewOrganization)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) RETURN o.id AS id",
            { city: CITY },
          ),
        ).id;

      const writes: Record<string, () => Promise<unknown>> = {
        // Generated API: create, update and delete of several families.
        createTwoNew: async () =>
          kept.ok(
            `mutation ($v: String!, $name: String!, $e: Int!, $code: String!) { createTwoNewOrganizations(input: [{ name: $name, type: ENTERPRISE, employees: $e, creditCode: $code,
          locatedIn: { connect: [{ where: { node: { code: { eq: $v } } } }] } }]) { twoNewOrganizations { id } } }`,
            {
              v: rnd.pick((await regionsOfCopy()).villages),
              name: `随机企业${unique()}`,
              e: rnd.int(1, 80),
              code: withCheckCharacter(`91379885MA${String(n).padStart(7, "0")}`),
            },
          ),
        updateOrg: async () =>
          kept.ok(
            `mutation ($id: ID!, $weak: Boolean!) { updatePartyOrganizations(where: { id: { eq: $id } }, update: { isWeak: { set: $weak } }) { partyOrganizations { id } } }`,
            { id: await orgOf("VILLAGE"), weak: rnd.next() < 0.5 },
          ),
        dissolveGridOrg: async () =>
          kept.ok(
            `mutation ($id: ID!, $s: OrganizationStatus!) { updatePartyOrganizations(where: { id: { eq: $id } }, update: { status: { set: $s } }) { partyOrganizations { id } } }`,
            { id: await orgOf("GRID"), s: rnd.next() < 0.7 ? "DISSOLVED" : "ACTIVE" },
          ),
        updateIncome: async () =>
          kept.ok(
            `mutation ($c: String!, $i: Float!) { updateRegions(where: { code: { eq: $c } }, update: { collectiveIncome: { set: $i } }) { regions { code } } }`,
            { c: rnd.pick((await regionsOfCopy()).villages), i: rnd.int(0, 200) },
          ),
        deleteTwoNew: async () =>
          kept.ok(`mutation ($id: ID!) { deleteTwoNewOrganizations(where: { id: { eq: $id } }) { nodesDeleted } }`, {
            id: await twoNew(),
          }),
        endPairing: async () => {
          const [p] = await read<{ id: string }>(
            "MATCH (p:Pairing {status: 'ACTIVE'})<-[:PARTY_TO]-(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) RETURN DISTINCT p.id AS id ORDER BY id SKIP $skip LIMIT 1",
            { city: CITY, skip: neo4j.int(rnd.int(0, 5)) },
          );
          if (p)
            await kept.ok(`mutation ($id: ID!, $on: Date!) { endPairing(pairingId: $id, endedOn: $on) { status } }`, {
              id: p.id,
              on: today(),
            });
        },
        // Domain mutations.
        createPairing: async () => {
          const { data } = await kept.gql(
            `mutation ($input: CreatePairingInput!) { createPairing(input: $input) { id } }`,
            {
              input: {
                kind: "INSTITUTION_VILLAGE",
                startedOn: "2026-01-01",
                parties: [
                  { organizationId: await helperOrg(), role: "HELPER" },
                  { organizationId: await orgOf("VILLAGE"), role: "RECIPIENT" },
                ],
              },
            },
          );
          return data; // a duplicate ACTIVE pairing is refused: nothing written, still a fair trial
        },
        recordMeeting: async () => {
          const [c] = await read<{ id: string }>(
            "MATCH (c:JointCouncil)-[:SERVES]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) RETURN DISTINCT c.id AS id",
            { city: CITY },
          );
          if (c)
            await kept.gql(
              `mutation ($input: RecordCouncilMeetingInput!) { recordCouncilMeeting(input: $input) { heldOn } }`,
              { input: { councilId: c.id, heldOn: addDays(today(), -rnd.int(0, 200)), topics: ["随机议题"] } },
            );
        },
        // An import: one grid Party organization under a village organization.
        importCsv: async () => {
          const [g] = await read<{ grid: string; org: string }>(
            "MATCH (g:Region {level: 'GRID', status: 'ACTIVE'})-[:PART_OF]->(v:Region)-[:PART_OF*0..]->(:Region {code: $city}) MATCH (o:PartyOrganization {category: 'VILLAGE'})-[:BASED_IN]->(v) RETURN g.code AS grid, o.id AS org SKIP $skip LIMIT 1",
            { city: CITY, skip: neo4j.int(rnd.int(0, 100)) },
          );
          if (!g) return;
          const csv = formatCsv([
            SHEET_BY_NAME.get("PartyOrganization")!.columns.map(headerOf),
            [unique(), "随机网格党小组", "PARTY_GROUP", "GRID", "", "2020-01-01", "否", g.grid, g.org],
          ]);
          expect(
            await importer.importFile(Buffer.from(csv), { format: "csv", sheet: "PartyOrganization" }),
          ).toMatchObject({ imported: true });
        },
        // What a network shows of a partner elsewhere: a helper's name, its institution's name, a council's member.
        renameHelper: async () =>
          kept.ok(
            `mutation ($id: ID!, $name: String!) { updatePartyOrganizations(where: { id: { eq: $id } }, update: { name: { set: $name } }) { partyOrganizations { id } } }`,
            { id: await helperOrg(), name: `帮扶单位党组织${unique()}` },
          ),
        // Any other client: Cypher straight through the driver.
        cypherInstitution: async () =>
          write(
            "MATCH (i:Institution)-[:HAS_PARTY_ORG]->(:PartyOrganization)-[:PARTY_TO]->(:Pairing) WHERE i.id ENDS WITH '-rt' WITH DISTINCT i ORDER BY i.id SKIP $skip LIMIT 1 SET i.name = $name",
            { skip: neo4j.int(rnd.int(0, 3)), name: `随机单位${unique()}` },
          ),
        cypherCouncilMember: async () =>
          write(
            "MATCH (c:JointCouncil) WHERE c.id ENDS WITH '-rt' WITH c ORDER BY c.id SKIP $skip LIMIT 1 CREATE (:Person {id: $id, name: '随机议事代表'})-[:SITS_ON]->(c)",
            { skip: neo4j.int(rnd.int(0, 3)), id: `${unique()}-rt` },
          ),
        cypherRecruit: async () =>
          write(
            "MATCH (p:Person)-[:MEMBER_OF]->(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) WITH p SKIP $skip LIMIT 1 SET p.joinedPartyOn = date($on)",
            { city: CITY, skip: neo4j.int(rnd.int(0, 300)), on: addDays(today(), -rnd.int(0, 1200)) },
          ),
        cypherUncover: async () =>
          write("MATCH (o:TwoNewOrganization {id: $id})<-[c:COVERS|WORK_COVERS]-() DELETE c", { id: await twoNew() }),
        cypherCentralHousehold: async () =>
          write(
            "MATCH (g:Region {level: 'GRID'})-[:PART_OF*1..]->(:Region {code: $city}) WITH g SKIP $skip LIMIT 1 OPTIONAL MATCH (g)<-[c:CENTRAL_HOUSEHOLD_OF]-() DELETE c",
            { city: CITY, skip: neo4j.int(rnd.int(0, 300)) },
          ),
        cypherTownOrg: async () =>
          write(
            "MATCH (o:PartyOrganization {category: 'TOWN', id: $id}) SET o.status = CASE o.status WHEN 'ACTIVE' THEN 'DISSOLVED' ELSE 'ACTIVE' END",
            { id: await orgOf("TOWN") },
          ),
        cypherTownStatus: async () =>
          write(
            "MATCH (t:Region {level: 'TOWN'})-[:PART_OF*1..]->(:Region {code: $city}) WITH t SKIP $skip LIMIT 1 SET t.status = CASE t.status WHEN 'ACTIVE' THEN 'MERGED' ELSE 'ACTIVE' END",
            { city: CITY, skip: neo4j.int(rnd.int(0, 10)) },
          ),
        // The December 2026 additions. Organizational life: recorded through the API (a date before
        // the founding is refused: nothing written, still a fair trial), deleted, a founding day moved.
        recordOrgLife: async () =>
          kept.gql(
            `mutation ($input: [RecordOrgLifeEventInput!]!) { recordOrgLifeEvents(input: $input) { created } }`,
            {
              input: [
                {
                  organizationId: await orgOf("VILLAGE"),
                  kind: rnd.pick(ORG_LIFE_EVENT_KINDS),
                  heldOn: addDays(today(), -rnd.int(0, 400)),
                },
              ],
            },
          ),
        cypherOrgLifeDelete: async () =>
          write(
            "MATCH (e:OrgLifeEvent)-[:HELD_BY]->(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) WITH e SKIP $skip LIMIT 1 DETACH DELETE e",
            { city: CITY, skip: neo4j.int(rnd.int(0, 500)) },
          ),
        cypherFounded: async () =>
          write("MATCH (o:PartyOrganization {id: $id}) SET o.foundedOn = date($on)", {
            id: await orgOf("VILLAGE"),
            on: addDays(today(), -rnd.int(0, 400)),
          }),
        // First secretaries: a term starting or ending around today, or one ended.
        cypherFirstSecretary: async () => {
          const village = rnd.pick((await regionsOfCopy()).villages);
          if (rnd.next() < 0.6) {
            await write(
              "MATCH (v:Region {code: $v}) MATCH (p:Person)-[:MEMBER_OF]->(:PartyOrganization)-[:BASED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) WITH v, p SKIP $skip LIMIT 1 CREATE (p)-[:FIRST_SECRETARY_OF {since: date($since), until: date($until)}]->(v)",
              {
                v: village,
                city: CITY,
                skip: neo4j.int(rnd.int(0, 300)),
                since: addDays(today(), rnd.int(-400, 3)),
                until: addDays(today(), rnd.int(-3, 400)),
              },
            );
          } else {
            await write(
              "MATCH (:Person)-[fs:FIRST_SECRETARY_OF]->(:Region)-[:PART_OF*1..]->(:Region {code: $city}) WITH fs SKIP $skip LIMIT 1 SET fs.until = date($until)",
              { city: CITY, skip: neo4j.int(rnd.int(0, 20)), until: addDays(today(), rnd.int(-3, 1)) },
            );
          }
        },
        // Work teams: one stationed in a village or a town, ended, or deleted (its station gone with it).
        cypherWorkTeam: async () => {
          const { towns, villages } = await regionsOfCopy();
          const choice = rnd.int(0, 2);
          if (choice === 0) {
            await write(
              "MATCH (r:Region {code: $r}) CREATE (:WorkTeam {id: $id + '-rt', name: '随机工作队', since: date($since), until: date($until)})-[:STATIONED_IN]->(r)",
              {
                r: rnd.pick(rnd.next() < 0.5 ? towns : villages),
                id: unique(),
                since: addDays(today(), rnd.int(-400, 3)),
                until: addDays(today(), rnd.int(-3, 400)),
              },
            );
          } else {
            const [team] = await read<{ id: string }>(
              "MATCH (w:WorkTeam)-[:STATIONED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) RETURN w.id AS id ORDER BY id SKIP $skip LIMIT 1",
              { city: CITY, skip: neo4j.int(rnd.int(0, 10)) },
            );
            if (team && choice === 1)
              await write("MATCH (w:WorkTeam {id: $id}) SET w.until = date($until)", {
                id: team.id,
                until: addDays(today(), -1),
              });
            if (team && choice === 2) await write("MATCH (w:WorkTeam {id: $id}) DETACH DELETE w", { id: team.id });
          }
        },
        // New-village structures, Party-led cooperatives, the households behind centralHouseholdReach.
        cypherNewVillage: async () => {
          const [v] = await read<{ code: string; org: string | null }>(
            "MATCH (v:Region {isNewVillage: true})-[:PART_OF*1..]->(:Region {code: $city}) RETURN v.code AS code, head([(o:PartyOrganization {category: 'VILLAGE'})-[:BASED_IN]->(v) | o.id]) AS org ORDER BY code SKIP $skip LIMIT 1",
            { city: CITY, skip: neo4j.int(rnd.int(0, 3)) },
          );
          if (!v) return;
          const choice = rnd.int(0, 3);
          if (choice === 0)
            await write(
              "MATCH (:Region {code: $code})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(m:MassOrganization) DETACH DELETE m",
              { code: v.code },
            );
          if (choice === 1)
            await write(
              "MATCH (v:Region {code: $code}) CREATE (:MassOrganization {id: $id + '-rt', name: '随机妇联', kind: '妇联'})-[:LOCATED_IN]->(v)",
              { code: v.code, id: unique() },
            );
          if (choice === 2)
            await write(
              "MATCH (:PartyOrganization {id: $org})<-[h:HOLDS_POST {title: 'PART_TIME_COMMITTEE'}]-() DELETE h",
              { org: v.org },
            );
          if (choice === 3) {
            await write(
              "MATCH (o:PartyOrganization {id: $org})<-[:MEMBER_OF]-(p:Person) WITH o, p LIMIT 1 CREATE (p)-[:HOLDS_POST {title: 'PART_TIME_COMMITTEE'}]->(o)",
              { org: v.org },
            );
          }
        },
        cypherLeads: async () => {
          const org = await orgOf("VILLAGE");
          if (rnd.next() < 0.5)
            await write("MATCH (:PartyOrganization {id: $org})-[l:LEADS]->(:Cooperative) DELETE l", { org });
          else {
            await write(
              "MATCH (o:PartyOrganization {id: $org}) MATCH (c:Cooperative)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) WHERE c.kind IN ['PROFESSIONAL', 'UNION', 'COLLECTIVE'] WITH o, c SKIP $skip LIMIT 1 MERGE (o)-[:LEADS]->(c)",
              { org, city: CITY, skip: neo4j.int(rnd.int(0, 50)) },
            );
          }
        },
        cypherHouseholds: async () => {
          const { villages } = await regionsOfCopy();
          if (rnd.next() < 0.5)
            await write("MATCH (v:Region {code: $v}) SET v.households = $h", {
              v: rnd.pick(villages),
              h: rnd.next() < 0.2 ? null : neo4j.int(rnd.int(0, 900)),
            });
          else {
            await write(
              "MATCH (:Person)-[c:CENTRAL_HOUSEHOLD_OF]->(:Region)-[:PART_OF*1..]->(:Region {code: $city}) WITH c SKIP $skip LIMIT 1 SET c.households = $h",
              { city: CITY, skip: neo4j.int(rnd.int(0, 200)), h: neo4j.int(rnd.int(0, 30)) },
            );
          }
        },
      };

      // Apply and revert a merge of two villages of one town, through the planner's API (a town whose
      // town organization the random writes left ACTIVE: a merge needs one).
      const mergeAndRevert = async () => {
        const [town] = await read<{ code: string; villages: string[] }>(
          "MATCH (t:Region {level: 'TOWN', status: 'ACTIVE'})-[:PART_OF*1..]->(:Region {code: $city}) WHERE EXISTS { (t)<-[:BASED_IN]-(:PartyOrganization {category: 'TOWN', status: 'ACTIVE'}) } MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(t) WITH t, collect(v.code) AS villages WHERE size(villages) >= 3 RETURN t.code AS code, villages LIMIT 1",
          { city: CITY },
        );
        const saved = await kept.ok(
          `mutation ($input: MergeInput!) { saveMergeScenario(input: $input, name: "随机合村") { id } }`,
          {
            input: { townCode: town!.code, groups: [{ name: "随机新村", villageCodes: town!.villages.slice(0, 2) }] },
          },
        );
        const id = saved.saveMergeScenario.id;
        await kept.ok(`mutation ($id: ID!) { applyMergeScenario(id: $id) { status } }`, { id });
        await expectSameAnswers([CITY, town!.code], "apply");
        await kept.ok(`mutation ($id: ID!) { revertMergeScenario(id: $id) { status } }`, { id });
        await expectSameAnswers([CITY, town!.code], "revert");
      };

      const kinds = Object.keys(writes);
      for (let i = 0; i < WRITES; i += 1) {
        const kind = kinds[i % kinds.length]!;
        await writes[kind]!();
        // One random region and one random gap list after each write (every answer of the scratch
        // platform is a recomputation): over the run every level and every list is compared, and
        // `verify` compares everything kept after each round.
        const { towns, villages } = await regionsOfCopy();
        await expectSameAnswers(
          [rnd.pick([CITY, DISTRICT, rnd.pick(towns), rnd.pick(villages)])],
          `write ${i} (${kind}; ANALYTICS_SEED=${SEED} replays it)`,
          rnd.int(0, 100),
          [rnd.pick(ALL_LISTS)],
        );
        if (i % kinds.length === kinds.length - 1)
          expect(await store.verify(), `verify after write ${i} (ANALYTICS_SEED=${SEED})`).toEqual([]);
      }
      await mergeAndRevert();

      // A whole village deleted, with everything below it and located in it.
      const { villages } = await regionsOfCopy();
      await write(
        "MATCH (v:Region {code: $code})<-[:PART_OF*0..]-(r:Region) OPTIONAL MATCH (r)<-[:LOCATED_IN|BASED_IN]-(x) DETACH DELETE x, r",
        { code: villages[0] },
      );
      await expectSameAnswers([CITY, DISTRICT], "a village subtree deleted");
      expect(await store.verify()).toEqual([]);
    },
    // Each write is checked against two platforms (about two seconds apiece on a busy machine); the
    // merge, the deleted subtree and the verifications take a minute or two more.
    180_000 + WRITES * 4_000,
  );

  it("follow a work team's station: a team in a town serves the town's weak villages until it is deleted", async () => {
    const [place] = await read<{ village: string; town: string }>(
      `MATCH p = (v:Region {level: 'VILLAGE'})-[:PART_OF*1..]->(t:Region {level: 'TOWN'})-[:PART_OF*1..]->(:Region {code: $city})
       WHERE all(r IN nodes(p) WHERE r.status = 'ACTIVE') RETURN v.code AS village, t.code AS town ORDER BY village DESC LIMIT 1`,
      { city: CITY },
    );
    // Weak, with no first secretary and no work team anywhere on its path or below it.
    await write(
      `MATCH (v:Region {code: $village}) SET v.collectiveIncome = 1.0
       WITH v OPTIONAL MATCH (v)<-[fs:FIRST_SECRETARY_OF]-() DELETE fs
       WITH DISTINCT v OPTIONAL MATCH (v)-[:PART_OF*0..]->(:Region)<-[s:STATIONED_IN]-(:WorkTeam) DELETE s
       WITH DISTINCT v OPTIONAL MATCH (v)<-[:PART_OF*1..]-(:Region)<-[s:STATIONED_IN]-(:WorkTeam) DELETE s`,
      { village: place!.village },
    );
    await write(
      "MATCH (t:Region {code: $town}) CREATE (:WorkTeam {id: 'station-rt', name: '镇工作队'})-[:STATIONED_IN]->(t)",
      { town: place!.town },
    );
    const unserved = async () =>
      (
        await kept.ok(
          `query ($code: String!) { coverageGaps(regionCode: $code, kinds: [WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY]) { totalCount } }`,
          { code: place!.village },
        )
      ).coverageGaps.totalCount;
    expect(await unserved()).toBe(0);
    // Deleted, the team leaves only the town to name in the change feed: the villages below it are recomputed all the same.
    await write("MATCH (w:WorkTeam {id: 'station-rt'}) DETACH DELETE w");
    expect(await unserved()).toBe(1);
    await expectSameAnswers([place!.town, place!.village], "a town's work team deleted");
    expect(await store.verify()).toEqual([]);
  });

  it("change at the day boundary with no write: a council passing 90 days, a recruit leaving the two-year window, a theme day leaving its 31 days, a first secretary's term ending", async () => {
    const day = today();
    // A council whose only meeting is exactly 90 days old, a village whose only recruit joined exactly two years ago,
    // both counting in the city: the random writes above may have left a town MERGED.
    const [council] = await read<{ id: string }>(
      "MATCH p = (c:JointCouncil)-[:SERVES]->(:Region)-[:PART_OF*0..]->(:Region {code: $city}) WHERE all(r IN nodes(p)[1..] WHERE r.status = 'ACTIVE') RETURN DISTINCT c.id AS id ORDER BY id LIMIT 1",
      { city: CITY },
    );
    await write(
      "MATCH (c:JointCouncil {id: $id}) OPTIONAL MATCH (c)<-[:OF]-(m:CouncilMeeting) DETACH DELETE m WITH DISTINCT c CREATE (:CouncilMeeting {id: 'edge-' + $id, heldOn: date($on)})-[:OF]->(c)",
      { id: council!.id, on: addDays(day, -90) },
    );
    const [village] = await read<{ code: string; org: string }>(
      "MATCH (o:PartyOrganization {category: 'VILLAGE', status: 'ACTIVE'})-[:BASED_IN]->(v:Region {level: 'VILLAGE'}), p = (v)-[:PART_OF*1..]->(:Region {code: $city}) WHERE all(r IN nodes(p) WHERE r.status = 'ACTIVE') RETURN v.code AS code, o.id AS org ORDER BY code LIMIT 1",
      { city: CITY },
    );
    await write(
      "MATCH (o:PartyOrganization {id: $org})<-[:SUBORDINATE_TO*0..1]-(:PartyOrganization)<-[:MEMBER_OF]-(p:Person) SET p.joinedPartyOn = date('2001-01-01') WITH o, collect(p)[0] AS one SET one.joinedPartyOn = date($on)",
      { org: village!.org, on: yearsBefore(day, 2) },
    );
    // Its organization: every kind of organizational life held today but the theme day, held exactly 31 days ago.
    await write(
      `MATCH (o:PartyOrganization {id: $org}) SET o.foundedOn = date('2000-01-01')
       WITH o OPTIONAL MATCH (o)<-[:HELD_BY]-(e:OrgLifeEvent) DETACH DELETE e
       WITH DISTINCT o UNWIND $kinds AS kind
       CREATE (:OrgLifeEvent {id: $org + '-edge-' + kind, kind: kind, heldOn: CASE kind WHEN 'THEME_DAY' THEN date($themeDay) ELSE date($day) END})-[:HELD_BY]->(o)`,
      { org: village!.org, kinds: [...ORG_LIFE_EVENT_KINDS], day, themeDay: addDays(day, -31) },
    );
    // Another village, weak, served by one first secretary whose term ends today, and by no work team.
    const [weak] = await read<{ code: string }>(
      "MATCH (v:Region {level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF*1..]->(:Region {code: $city}) WHERE v.code <> $other RETURN v.code AS code ORDER BY code LIMIT 1",
      { city: CITY, other: village!.code },
    );
    await write(
      `MATCH (v:Region {code: $code}) SET v.collectiveIncome = 1.0
       WITH v OPTIONAL MATCH (v)<-[fs:FIRST_SECRETARY_OF]-() DELETE fs
       WITH DISTINCT v OPTIONAL MATCH (v)-[:PART_OF*0..]->(:Region)<-[s:STATIONED_IN]-(:WorkTeam) DELETE s
       WITH DISTINCT v OPTIONAL MATCH (v)<-[:PART_OF*1..]-(:Region)<-[s:STATIONED_IN]-(:WorkTeam) DELETE s
       WITH DISTINCT v MATCH (p:Person) WHERE p.id ENDS WITH '-rt' WITH v, p LIMIT 1
       CREATE (p)-[:FIRST_SECRETARY_OF {since: date('2025-01-01'), until: date($day)}]->(v)`,
      { code: weak!.code, day },
    );
    const gapsOf = async (code: string, kind: string) =>
      (
        await kept.ok(
          `query ($code: String!, $kind: GapKind!) { coverageGaps(regionCode: $code, kinds: [$kind], first: 500) { edges { node { subjectId missingKinds } } } }`,
          { code, kind },
        )
      ).coverageGaps.edges.map((e: { node: { subjectId: string; missingKinds: string[] } }) =>
        e.node.missingKinds.length ? `${e.node.subjectId} ${e.node.missingKinds.join(",")}` : e.node.subjectId,
      );
    expect(await gapsOf(CITY, "COUNCIL_INACTIVE")).not.toContain(council!.id);
    expect(await gapsOf(village!.code, "NO_RECENT_RECRUITMENT")).toEqual([]);
    expect(await gapsOf(village!.code, "ORG_LIFE_OVERDUE")).toEqual([]);
    expect(await gapsOf(weak!.code, "WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY")).toEqual([]);
    await expectSameAnswers([CITY, village!.code, weak!.code], "the edge day");

    // The next day, with no write at all.
    const tomorrow = new Date(clock.now().getTime() + 86_400_000);
    clock.now = () => tomorrow;
    expect(await gapsOf(CITY, "COUNCIL_INACTIVE")).toContain(council!.id);
    expect(await gapsOf(village!.code, "NO_RECENT_RECRUITMENT")).toEqual([village!.code]);
    expect(await gapsOf(village!.code, "ORG_LIFE_OVERDUE")).toEqual([`${village!.org} THEME_DAY`]);
    expect(await gapsOf(weak!.code, "WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY")).toEqual([weak!.code]);
    await expectSameAnswers([CITY, DISTRICT, village!.code, weak!.code], "the day after");
    expect(await store.verify()).toEqual([]);
  });

  it("give the same current answers from two API processes over one Neo4j, whoever writes", async () => {
    const processes: ChildProcess[] = [];
    const start = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            NEO4J_URI: testNeo4jUri(),
            PORT: "0",
            SEED_IF_EMPTY: "false",
            AUTH_JWT_SECRET: TEST_JWT_SECRET,
          },
          stdio: ["ignore", "pipe", "inherit"],
        });
        processes.push(child);
        let out = "";
        child.stdout!.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const url = /GraphQL API at (http:\/\/[^/\s]+)\/graphql/.exec(out)?.[1];
          if (url) resolve(url);
        });
        child.once("exit", (code) => reject(new Error(`API process exited with ${code}: ${out}`)));
      });
    try {
      const [a, b] = await Promise.all([start(), start()]);
      const token = await tokenFor("ADMIN", [], "two-processes");
      const ask = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: any; errors?: unknown[] };
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        return body.data;
      };
      const total = async (url: string) =>
        (
          await ask(
            url,
            `query { coverageReport(regionCode: "${DISTRICT}") { twoNew { total } gapCounts { kind count } } }`,
          )
        ).coverageReport;
      const before = await total(a);
      expect(await total(b)).toEqual(before);
      // A village that counts in the district: the random writes may have left its town MERGED.
      const [{ code: village }] = (await read<{ code: string }>(
        "MATCH p = (v:Region {level: 'VILLAGE'})-[:PART_OF*1..]->(:Region {code: $district}) WHERE all(r IN nodes(p) WHERE r.status = 'ACTIVE') RETURN v.code AS code ORDER BY code LIMIT 1",
        { district: DISTRICT },
      )) as [{ code: string }];
      const created = await ask(
        a,
        `mutation ($v: String!, $code: String!) { createTwoNewOrganizations(input: [{ name: "两进程测试公司", type: ENTERPRISE, creditCode: $code,
        locatedIn: { connect: [{ where: { node: { code: { eq: $v } } } }] } }]) { twoNewOrganizations { id } } }`,
        { v: village, code: withCheckCharacter("91379885MB0000001") },
      );
      const afterCreate = await total(b);
      expect(afterCreate.twoNew.total).toBe(before.twoNew.total + 1);
      expect(await total(a)).toEqual(afterCreate);
      await ask(b, `mutation ($id: ID!) { deleteTwoNewOrganizations(where: { id: { eq: $id } }) { nodesDeleted } }`, {
        id: created.createTwoNewOrganizations.twoNewOrganizations[0].id,
      });
      expect(await total(a)).toEqual(before);
      expect(await total(b)).toEqual(before);
    } finally {
      for (const child of processes) child.kill("SIGTERM");
    }
  });
});
