/**
 * Village layout planning over GraphQL on the sample's 南墅镇 (370285106000): simulate two
 * proposals, compare, apply one, see the coverage report change, revert to the exact graph;
 * validation, a second apply, an apply that fails half-way, a revert after an edit, and
 * suggestions that satisfy their constraints.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { CoverageService } from "../src/coverage/coverage.service.js";
import { connect } from "../src/database/driver.js";
import { graphFor } from "../src/audit/audit.js";
import type { TransactionRun } from "../src/database/graph.js";
import { distanceKm } from "../src/planning/geometry.js";
import { PlanningService, type Plan } from "../src/planning/planning.service.js";
import { fingerprint, startTestPlatform, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { GOUDONG, TOWN as TOWNS, village, villageCount } from "./fixtures/sample.js";

const TOWN = TOWNS.南墅镇;
/** The sample's dates follow the day it was loaded on, its reference date: plans are evaluated on it. */
const AS_OF = inject("sampleAsOf");
// Scenarios and audit entries stay as the record of what happened; the domain graph is restored exactly.
const PLANNING_LABELS = ["MergeScenario", "ProposedVillage", "AuditEntry"];
const V = (n: number) => village(TOWN, n);
const PROPOSAL_A = {
  townCode: TOWN,
  asOf: AS_OF,
  groups: [
    { name: "南墅东新村", villageCodes: [V(1), V(2), V(3)] },
    { name: "南墅西新村", villageCodes: [V(4), V(6)] },
  ],
};
const PROPOSAL_B = {
  townCode: TOWN,
  asOf: AS_OF,
  groups: [{ name: "南墅新村", villageCodes: [V(1), V(2), V(3), V(4)] }],
};

let platform: TestPlatform;
let driver: Driver;
beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

const SIMULATE = `query ($input: MergeInput!) { simulateMerge(input: $input) {
  groups { name code villageCodes population households collectiveIncome formalMembers probationaryMembers recommendedOrgKind grids spreadKm
           centroid { latitude longitude } industries sharedIndustryRatio weakVillages strongVillages inheritedPairings cooperatives
           twoNewOrganizations councils serviceCenters secretaryCandidates { personId score reasons reasonLabels { zh en } } warnings { code message } }
  town { code villagesBefore villagesAfter gapsBefore { kind count } gapsAfter { kind count } }
} }`;
const SAVE = `mutation ($input: MergeInput!, $name: String!) { saveMergeScenario(input: $input, name: $name) { id status groups { name code villageCodes } } }`;
const APPLY = `mutation ($id: ID!) { applyMergeScenario(id: $id) { id status appliedAt } }`;
const REVERT = `mutation ($id: ID!) { revertMergeScenario(id: $id) { id status } }`;
const REPORT = `query ($code: String!) { coverageReport(regionCode: $code, asOf: "${AS_OF}", depth: 1) {
  villages { total } gapCounts { kind count } children { region { code level } } } }`;

describe("simulateMerge", () => {
  it("describes each group in input order and the town before and after, writing nothing", async () => {
    const before = await fingerprint(driver);
    const { simulateMerge: sim } = await platform.ok(SIMULATE, { input: PROPOSAL_A });
    expect(await fingerprint(driver)).toEqual(before);
    expect(sim.groups.map((g: { name: string }) => g.name)).toEqual(["南墅东新村", "南墅西新村"]);
    const villages = await platform.ok(
      `query ($codes: [String!]!) { regions(where: { code: { in: $codes } }) { population households location { latitude longitude } } }`,
      {
        codes: PROPOSAL_A.groups[0]!.villageCodes,
      },
    );
    const first = sim.groups[0];
    expect(first.population).toBe(
      villages.regions.reduce((s: number, r: { population: number }) => s + r.population, 0),
    );
    expect(first.households).toBe(
      villages.regions.reduce((s: number, r: { households: number }) => s + r.households, 0),
    );
    const locations = villages.regions.map((r: { location: { latitude: number; longitude: number } }) => r.location);
    const spread = Math.max(...locations.flatMap((a: any) => locations.map((b: any) => distanceKm(a, b))));
    expect(first.spreadKm).toBeCloseTo(spread, 2);
    expect(first.code.slice(0, 9)).toBe(TOWN.slice(0, 9));
    expect(first.code).not.toBe(sim.groups[1].code);
    expect(["COMMITTEE", "GENERAL_BRANCH", "BRANCH", "PARTY_GROUP"]).toContain(first.recommendedOrgKind);
    expect(first.secretaryCandidates.length).toBeGreaterThan(0);
    // The score's reasons in both languages: the English is reasons, the Chinese has no English word.
    for (const candidate of sim.groups.flatMap((g: { secretaryCandidates: unknown[] }) => g.secretaryCandidates)) {
      const { reasons, reasonLabels } = candidate as {
        reasons: string[];
        reasonLabels: Array<{ zh: string; en: string }>;
      };
      expect(reasonLabels.map((r) => r.en)).toEqual(reasons);
      for (const { zh } of reasonLabels) expect(zh).toMatch(/^[+-][\d.]+ [^A-Za-z]+$/);
    }
    expect(sim.town).toMatchObject({ code: TOWN, villagesAfter: sim.town.villagesBefore - 5 + 2 });
  });

  it.each([
    ["an unknown village", { groups: [{ name: "x", villageCodes: [V(1), "370285106999"] }] }, ["370285106999"]],
    [
      "a village outside the town",
      { groups: [{ name: "x", villageCodes: [V(1), village(TOWNS.日庄镇, 1)] }] },
      [village(TOWNS.日庄镇, 1)],
    ],
    [
      "a village in two groups",
      {
        groups: [
          { name: "x", villageCodes: [V(1), V(2)] },
          { name: "y", villageCodes: [V(2), V(3)] },
        ],
      },
      [V(2)],
    ],
    ["a group of one village", { groups: [{ name: "x", villageCodes: [V(1)] }] }, [V(1)]],
    [
      "an inactive or absorbed village",
      {
        townCode: GOUDONG.townCode,
        groups: [{ name: "x", villageCodes: [village(GOUDONG.townCode, 1), GOUDONG.absorbed[0]!] }],
      },
      [GOUDONG.absorbed[0]!],
    ],
  ])("rejects %s, naming the codes, and writes nothing", async (_name, change, codes) => {
    const before = await fingerprint(driver);
    const { errors } = await platform.gql(SIMULATE, { input: { townCode: TOWN, asOf: AS_OF, ...change } });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", codes });
    expect(await fingerprint(driver)).toEqual(before);
  });
});

describe("a planner's sequence: save two, compare, apply one, see the report, revert", () => {
  let a: string;
  let b: string;
  let beforeApply: Awaited<ReturnType<typeof fingerprint>>;

  it("saves and lists two proposals and compares them side by side", async () => {
    a = (await platform.ok(SAVE, { input: PROPOSAL_A, name: "东西两村方案" })).saveMergeScenario.id;
    b = (await platform.ok(SAVE, { input: PROPOSAL_B, name: "一村方案" })).saveMergeScenario.id;
    const listed = await platform.ok(
      `query { mergeScenarios(townCode: "${TOWN}") { id name status groups { code villageCodes } } }`,
    );
    expect(listed.mergeScenarios.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([a, b]));
    const compared = await platform.ok(
      `query ($ids: [ID!]!) { compareMergeScenarios(ids: $ids) { scenario { id } simulation { groups { name } town { villagesAfter } } } }`,
      { ids: [a, b] },
    );
    expect(compared.compareMergeScenarios.map((c: any) => [c.scenario.id, c.simulation.town.villagesAfter])).toEqual([
      [a, villageCount(TOWN) - 5 + 2],
      [b, villageCount(TOWN) - 4 + 1],
    ]);
  });

  it("applies one in one step: the report counts the new villages once and the absorbed ones as grids, as simulated", async () => {
    const { simulateMerge: sim } = await platform.ok(SIMULATE, { input: PROPOSAL_A });
    beforeApply = await fingerprint(driver, PLANNING_LABELS);
    const applied = await platform.ok(APPLY, { id: a });
    expect(applied.applyMergeScenario.status).toBe("APPLIED");
    const { coverageReport: report } = await platform.ok(REPORT, { code: TOWN });
    expect(report.villages.total).toBe(sim.town.villagesAfter);
    expect(report.gapCounts).toEqual(sim.town.gapsAfter);
    const children = report.children.map((c: { region: { code: string } }) => c.region.code);
    expect(children).toEqual(expect.arrayContaining(sim.groups.map((g: { code: string }) => g.code)));
    expect(children).not.toContain(V(1));
    const absorbed = await platform.ok(
      `{ regions(where: { code: { eq: "${V(1)}" } }) { level formerLevel parent { code } mergedIntoConnection { edges { properties { scenarioId } } } } }`,
    );
    expect(absorbed.regions[0]).toMatchObject({
      level: "GRID",
      formerLevel: "VILLAGE",
      parent: [{ code: sim.groups[0].code }],
    });
    expect(absorbed.regions[0].mergedIntoConnection.edges[0].properties.scenarioId).toBe(a);
  });

  it("rejects a second apply, and a scenario whose villages were merged elsewhere, with the reason", async () => {
    const again = await platform.gql(APPLY, { id: a });
    expect(again.errors![0]!.extensions).toMatchObject({ code: "CONFLICT" });
    const stale = await platform.gql(APPLY, { id: b });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", codes: [V(1), V(2), V(3), V(4)] });
    expect(stale.errors![0]!.message).toMatch(/GRID/);
  });

  it("refuses to revert over an edit, then reverts to exactly the graph before the apply", async () => {
    const code = (
      await platform.ok(`{ mergeScenarios(townCode: "${TOWN}") { id groups { code } } }`)
    ).mergeScenarios.find((s: { id: string }) => s.id === a).groups[0].code;
    await platform.ok(
      `mutation { updateRegions(where: { code: { eq: "${code}" } }, update: { population: { set: 1 } }) { regions { code } } }`,
    );
    const refused = await platform.gql(REVERT, { id: a });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "CONFLICT" });
    expect(refused.errors![0]!.message).toMatch(new RegExp(`Region ${code} had its properties edited`));
    const original = (
      await platform.ok(`query ($codes: [String!]!) { regions(where: { code: { in: $codes } }) { population } }`, {
        codes: PROPOSAL_A.groups[0]!.villageCodes,
      })
    ).regions.reduce((s: number, r: { population: number }) => s + r.population, 0);
    await platform.ok(
      `mutation { updateRegions(where: { code: { eq: "${code}" } }, update: { population: { set: ${original} } }) { regions { code } } }`,
    );
    const reverted = await platform.ok(REVERT, { id: a });
    expect(reverted.revertMergeScenario.status).toBe("REVERTED");
    expect(await fingerprint(driver, PLANNING_LABELS)).toEqual(beforeApply);
  });

  it("discards a draft, and refuses to discard it twice", async () => {
    const discarded = await platform.ok(`mutation ($id: ID!) { discardMergeScenario(id: $id) { status } }`, { id: b });
    expect(discarded.discardMergeScenario.status).toBe("DISCARDED");
    const twice = await platform.gql(`mutation ($id: ID!) { discardMergeScenario(id: $id) { status } }`, { id: b });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: "CONFLICT" });
  });
});

describe("an apply that fails half-way", () => {
  /** The real service, made to fail after its first group has been written. */
  class FailingPlanning extends PlanningService {
    protected override async applyGroup(
      run: TransactionRun,
      plan: Plan,
      group: Plan["groups"][number],
      scenarioId: string,
      on: string,
    ) {
      if (group !== plan.groups[0]) throw new Error("injected failure after the first group");
      return super.applyGroup(run, plan, group, scenarioId, on);
    }
  }

  it("leaves the graph unchanged and the scenario a DRAFT", async () => {
    const id = (await platform.ok(SAVE, { input: PROPOSAL_A, name: "会失败的方案" })).saveMergeScenario.id;
    const before = await fingerprint(driver);
    const graph = graphFor(driver);
    const { rules } = loadConfig({});
    const failing = new FailingPlanning(graph, new CoverageService(graph, rules), rules);
    await expect(failing.apply(id)).rejects.toThrow(/injected failure/);
    expect(await fingerprint(driver)).toEqual(before);
  });
});

describe("suggestMerges", () => {
  const SUGGEST = `query ($town: String!, $options: SuggestOptions) { suggestMerges(townCode: $town, options: $options) {
    groups { code villageCodes households spreadKm strongVillages } leftAlone town { villagesBefore villagesAfter } } }`;

  it("satisfies its constraints in every sample town, deterministically", async () => {
    const towns = await platform.ok(
      `{ regions(where: { level: { eq: TOWN }, code: { startsWith: "370285" } }) { code } }`,
    );
    const options = {
      minGroupSize: 2,
      maxGroupSize: 4,
      maxSpreadKm: 8,
      minHouseholds: 300,
      requireStrongVillage: false,
    };
    for (const { code } of towns.regions) {
      const { suggestMerges: s } = await platform.ok(SUGGEST, { town: code, options });
      const villages = s.groups.flatMap((g: { villageCodes: string[] }) => g.villageCodes);
      expect(new Set(villages).size, code).toBe(villages.length);
      for (const g of s.groups) {
        expect(g.villageCodes.length).toBeGreaterThanOrEqual(2);
        expect(g.villageCodes.length).toBeLessThanOrEqual(4);
        expect(g.spreadKm).toBeLessThanOrEqual(8);
        expect(g.households).toBeGreaterThanOrEqual(300);
      }
      expect(villages.length + s.leftAlone.length).toBe(s.town.villagesBefore);
      expect((await platform.ok(SUGGEST, { town: code, options })).suggestMerges).toEqual(s);
    }
  });

  it("puts a strong village in every group by default, and says why a village is left alone", async () => {
    const { suggestMerges: s } = await platform.ok(SUGGEST, { town: "370285101000" });
    for (const g of s.groups) expect(g.strongVillages).toBe(1);
    for (const reason of s.leftAlone) expect(reason).toMatch(/^370285101\d{3} .+: /);
  });

  it("saves a suggestion as a DRAFT scenario through a mutation", async () => {
    const { saveSuggestedMerges: saved } = await platform.ok(
      `mutation { saveSuggestedMerges(townCode: "370285101000", name: "建议方案") { status groups { villageCodes } } }`,
    );
    const { suggestMerges: suggested } = await platform.ok(SUGGEST, { town: "370285101000" });
    expect(saved.status).toBe("DRAFT");
    expect(saved.groups.map((g: { villageCodes: string[] }) => g.villageCodes)).toEqual(
      suggested.groups.map((g: { villageCodes: string[] }) => g.villageCodes),
    );
  });

  it("rejects impossible options", async () => {
    const { errors } = await platform.gql(SUGGEST, { town: TOWN, options: { minGroupSize: 5, maxGroupSize: 3 } });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "options.maxGroupSize" });
  });
});

describe("suggestMerges with a target number of villages", () => {
  const TARGETED = `query ($town: String!, $options: SuggestOptions) { suggestMerges(townCode: $town, options: $options) {
    groups { villageCodes spreadKm } leftAlone town { villagesBefore villagesAfter }
    target { targetVillages villagesBefore reached limitedBy reason reasonLabel { zh en } } } }`;
  interface Suggestion {
    groups: Array<{ villageCodes: string[]; spreadKm: number }>;
    leftAlone: string[];
    town: { villagesBefore: number; villagesAfter: number };
    target: {
      targetVillages: number;
      villagesBefore: number;
      reached: number;
      limitedBy: string[];
      reason: string | null;
      reasonLabel: { zh: string; en: string } | null;
    };
  }
  const suggest = async (town: string, options?: Record<string, unknown>) =>
    (await platform.ok<{ suggestMerges: Suggestion }>(TARGETED, { town, options })).suggestMerges;
  /** The sample's towns found from the data, with all their ACTIVE villages (past the default page of 100: 院上镇 has 103). */
  let towns: Array<{ code: string; villages: number; villageCodes: string[] }>;
  beforeAll(async () => {
    const { regions } = await platform.ok<{ regions: Array<{ code: string; children: Array<{ code: string }> }> }>(
      `{ regions(where: { level: { eq: TOWN }, status: { eq: ACTIVE }, code: { startsWith: "370285" } }, sort: [{ code: ASC }]) {
        code children(where: { level: { eq: VILLAGE }, status: { eq: ACTIVE } }, limit: 1000) { code } } }`,
    );
    towns = regions
      .map((r) => ({ code: r.code, villages: r.children.length, villageCodes: r.children.map((v) => v.code) }))
      .filter((t) => t.villages >= 4);
    expect(towns.length).toBeGreaterThan(3);
  });

  it("leaves the suggestion as it was without a target, and keeps it when the target is what it reaches", async () => {
    for (const { code } of towns) {
      const plain = await suggest(code);
      expect(plain.target).toBeNull();
      const same = await suggest(code, { targetVillages: plain.town.villagesAfter });
      expect(same.groups, code).toEqual(plain.groups);
      expect(same.target).toEqual({
        targetVillages: plain.town.villagesAfter,
        villagesBefore: plain.town.villagesBefore,
        reached: plain.town.villagesAfter,
        limitedBy: [],
        reason: null,
        reasonLabel: null,
      });
    }
  });

  it("merges until the town has the target, or as close as the limits allow and says which one stopped it", async () => {
    let exact = 0;
    for (const { code, villages } of towns) {
      for (const targetVillages of [1, Math.ceil(villages / 3)]) {
        const s = await suggest(code, { targetVillages });
        expect(s.target.villagesBefore).toBe(villages);
        expect(s.target.reached, code).toBe(s.town.villagesAfter);
        const merged = s.groups.flatMap((g) => g.villageCodes);
        expect(s.target.reached).toBe(villages - merged.length + s.groups.length);
        expect(merged.length + s.leftAlone.length).toBe(villages);
        // Within the stretched limits: 30 villages, twice RULE_MERGE_MAX_SPREAD_KM (5 km).
        for (const g of s.groups) {
          expect(g.villageCodes.length).toBeLessThanOrEqual(30);
          expect(g.spreadKm).toBeLessThanOrEqual(10);
        }
        if (s.target.reached === targetVillages) {
          exact += 1;
          expect(s.target).toMatchObject({ limitedBy: [], reason: null, reasonLabel: null });
        } else {
          expect(s.target.reached).toBeGreaterThan(targetVillages);
          expect(s.target.limitedBy.length).toBeGreaterThan(0);
          expect(s.target.reason).toMatch(/^stopped at \d+ villages: /);
          // The reason in both languages: the English is reason, the Chinese has no English word.
          expect(s.target.reasonLabel!.en).toBe(s.target.reason);
          expect(s.target.reasonLabel!.zh).toMatch(/^停在 \d+ 个村：[^A-Za-z]+$/);
        }
      }
    }
    expect(exact).toBeGreaterThan(0);
    // A limit the planner sets is kept: groups of at most 3 cannot bring a town of more than 3 villages to 1.
    const [town] = towns;
    const capped = await suggest(town!.code, { targetVillages: 1, maxGroupSize: 3 });
    expect(capped.target.reached).toBeGreaterThan(1);
    expect(capped.target.limitedBy.length).toBeGreaterThan(0);
    for (const g of capped.groups) expect(g.villageCodes.length).toBeLessThanOrEqual(3);
  });

  it("refuses a target of no villages or of more villages than the town has, naming the field", async () => {
    const [town] = towns;
    for (const targetVillages of [0, -2, town!.villages + 1]) {
      const { errors } = await platform.gql(TARGETED, { town: town!.code, options: { targetVillages } });
      expect(errors?.[0]?.extensions, String(targetVillages)).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "options.targetVillages",
      });
    }
    const { errors } = await platform.gql(SAVE, {
      input: {
        townCode: town!.code,
        targetVillages: town!.villages + 1,
        groups: [{ name: "甲新村", villageCodes: town!.villageCodes.slice(0, 2) }],
      },
      name: "目标过大",
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "targetVillages" });
  });

  it("saves the target with the suggested scenario, and with a planner's own", async () => {
    const town = towns.at(-1)!;
    const targetVillages = Math.ceil(town.villages / 2);
    const suggested = await suggest(town.code, { targetVillages });
    const { saveSuggestedMerges: saved } = await platform.ok(
      `mutation ($town: String!, $options: SuggestOptions) { saveSuggestedMerges(townCode: $town, name: "按目标建议", options: $options) {
        id targetVillages groups { villageCodes } } }`,
      { town: town.code, options: { targetVillages } },
    );
    expect(saved.targetVillages).toBe(targetVillages);
    expect(saved.groups.map((g: { villageCodes: string[] }) => g.villageCodes)).toEqual(
      suggested.groups.map((g) => g.villageCodes),
    );
    const own = await platform.ok(
      `mutation ($input: MergeInput!) { saveMergeScenario(input: $input, name: "手工方案") { id targetVillages } }`,
      {
        input: {
          townCode: town.code,
          targetVillages,
          groups: suggested.groups.slice(0, 1).map((g) => ({ name: "甲新村", villageCodes: g.villageCodes })),
        },
      },
    );
    expect(own.saveMergeScenario.targetVillages).toBe(targetVillages);
    const { mergeScenarios } = await platform.ok(
      `query ($town: String!) { mergeScenarios(townCode: $town) { id targetVillages } }`,
      { town: town.code },
    );
    expect(mergeScenarios).toEqual(
      expect.arrayContaining([
        { id: saved.id, targetVillages },
        { id: own.saveMergeScenario.id, targetVillages },
      ]),
    );
  });
});
