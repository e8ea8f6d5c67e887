/** The pure rules of village layout planning (geometry, group figures, warnings, scoring, suggestion grouping); no database. */
import { describe, expect, it } from "vitest";
import type { RuleThresholds } from "../config.js";
import { SUGGESTION_LIMIT_LABELS } from "../domain/labels.js";
import { centroidOf, distanceKm, spreadKm } from "./geometry.js";
import {
  describeGroup,
  distinctMembers,
  groupWarnings,
  newOrganization,
  secretaryCandidates,
  villageClasses,
  type PlanningVillage,
} from "./planning.rules.js";
import {
  groupTowardTarget,
  groupVillages,
  stretchedLimits,
  suggestedName,
  type SuggestionLimits,
} from "./suggestion.rules.js";

const RULES: RuleThresholds = {
  weakCollectiveIncome: 10,
  recruitmentYears: 2,
  councilInactiveDays: 90,
  ownOrgMinMembers: 3,
  strongCollectiveIncome: 100,
  mergeMaxSpreadKm: 5,
  mergeMinHouseholds: 300,
};

/** About 1.11 km per 0.01° of latitude. */
const at = (north: number) => ({ latitude: 36.5 + north * 0.01, longitude: 120.5 });

function village(code: string, facts: Partial<PlanningVillage> = {}): PlanningVillage {
  return {
    code,
    found: true,
    name: `${code}村`,
    level: "VILLAGE",
    status: "ACTIVE",
    inTown: true,
    population: 500,
    households: 200,
    collectiveIncome: 50,
    industries: [],
    location: at(0),
    orgs: [],
    orgIsWeak: false,
    grids: 0,
    members: [],
    pairings: [],
    cooperatives: [],
    twoNewOrganizations: [],
    councils: [],
    serviceCenters: [],
    secretaries: [],
    reserves: [],
    ...facts,
  };
}

const person = (id: string, extra: { points?: number; birthYear?: number } = {}) => ({
  id,
  name: id,
  points: extra.points ?? null,
  birthYear: extra.birthYear ?? null,
});

describe("geometry", () => {
  it("measures great-circle distances: one degree of latitude is about 111.2 km", () => {
    expect(distanceKm({ latitude: 36, longitude: 120 }, { latitude: 37, longitude: 120 })).toBeCloseTo(111.195, 2);
    expect(distanceKm(at(0), at(0))).toBe(0);
  });

  it("takes the spread and the centroid over the located places only", () => {
    const places = [{ location: at(0) }, { location: null }, { location: at(2) }, { location: at(1) }];
    expect(spreadKm(places)).toBeCloseTo(distanceKm(at(0), at(2)), 9);
    expect(centroidOf(places)).toEqual({ latitude: at(1).latitude, longitude: 120.5 });
    expect(spreadKm([{ location: at(0) }])).toBe(0);
    expect(centroidOf([{ location: null }])).toBeNull();
  });
});

describe("a group's figures", () => {
  it("counts a person once however many villages name them", () => {
    const villages = [
      village("a", { members: ["p1|FORMAL", "p2|PROBATIONARY"] }),
      village("b", { members: ["p1|FORMAL", "p3|FORMAL"] }),
    ];
    expect(distinctMembers(villages, "FORMAL")).toBe(2);
    expect(distinctMembers(villages, "PROBATIONARY")).toBe(1);
  });

  it("forms the new organization by its distinct formal members and turns each absorbed org into a BRANCH or PARTY_GROUP", () => {
    const members = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `p${from + i}|FORMAL`);
    const group = {
      name: "南墅新村",
      code: "370285105250",
      villages: [
        village("a", { members: members(30), orgs: [{ id: "o-a", formalMembers: 30 }] }),
        village("b", { members: members(25, 30), orgs: [{ id: "o-b", formalMembers: 2 }] }),
      ],
    };
    expect(newOrganization("南墅镇", group)).toEqual({
      kind: "GENERAL_BRANCH",
      name: "中共南墅镇南墅新村总支部委员会",
      absorbed: [
        { id: "o-a", kind: "BRANCH" },
        { id: "o-b", kind: "PARTY_GROUP" },
      ],
    });
  });

  it("sums the figures, unions what the villages bring and counts a grid for each village", () => {
    const group = {
      name: "g",
      code: "c",
      villages: [
        village("a", {
          population: 300,
          households: 100,
          collectiveIncome: 120.12345,
          industries: ["茶"],
          pairings: ["x"],
          councils: ["k"],
          grids: 2,
          location: at(0),
        }),
        village("b", {
          population: 200,
          households: null,
          collectiveIncome: null,
          industries: ["茶", "果"],
          pairings: ["x", "y"],
          councils: ["k"],
          grids: 1,
          location: at(2),
        }),
      ],
    };
    const described = describeGroup(group, "2026-06-01", RULES);
    expect(described).toMatchObject({
      villageCodes: ["a", "b"],
      population: 500,
      households: 100,
      collectiveIncome: 120.1235,
      industries: ["茶", "果"],
      sharedIndustryRatio: 1,
      inheritedPairings: 2,
      councils: 1,
      grids: 5,
      strongVillages: 1,
      weakVillages: 0,
      recommendedOrgKind: "PARTY_GROUP",
    });
    expect(described.spreadKm).toBeCloseTo(distanceKm(at(0), at(2)), 3);
    expect(described.centroid!.latitude).toBeCloseTo(at(1).latitude, 9);
  });
});

describe("groupWarnings", () => {
  const fine = { spreadKm: 1, villages: 3, weakVillages: 1, candidates: 2, households: 400, sharedIndustryRatio: 0.5 };

  it("says nothing of a group within every rule", () => {
    expect(groupWarnings(fine, RULES)).toEqual([]);
  });

  it("names each rule a group breaks, in a stable order", () => {
    const warnings = groupWarnings(
      { spreadKm: 6.04, villages: 2, weakVillages: 2, candidates: 0, households: 299, sharedIndustryRatio: 0.49 },
      RULES,
    );
    expect(warnings.map((w) => w.code)).toEqual([
      "SPREAD_TOO_LARGE",
      "ONLY_WEAK_VILLAGES",
      "NO_SECRETARY_CANDIDATE",
      "TOO_FEW_HOUSEHOLDS",
      "NO_SHARED_INDUSTRY",
    ]);
    expect(warnings[0]!.message).toBe("villages lie up to 6 km apart (more than 5 km)");
    expect(warnings[3]!.message).toBe("299 households, fewer than 300");
    // Each with what it measured and the limit it was held to, for the page to show.
    expect(warnings.map((w) => [w.value, w.limit])).toEqual([
      [6, 5],
      [0, null],
      [0, null],
      [299, 300],
      [0.49, 0.5],
    ]);
    // Each message in Chinese too, its English the message, every value in both.
    expect(warnings[0]!.messageLabel).toEqual({
      zh: "各村相距最远 6 公里（超过 5 公里）",
      en: "villages lie up to 6 km apart (more than 5 km)",
    });
    for (const warning of warnings) {
      expect(warning.messageLabel.en).toBe(warning.message);
      expect(warning.messageLabel.zh).toMatch(/^[^A-Za-z]+$/);
      if (warning.message.includes(String(warning.value)))
        expect(warning.messageLabel.zh).toContain(String(warning.value));
    }
  });
});

describe("villageClasses", () => {
  const facts = { isNewVillage: false, orgIsWeak: false, collectiveIncome: 50 };

  it("classes a village weak below the weak income or when its organization is 软弱涣散, strong from the strong income, new when formed by a merge", () => {
    expect(villageClasses(facts, RULES)).toEqual([]);
    expect(villageClasses({ ...facts, collectiveIncome: 9.9 }, RULES)).toEqual(["WEAK"]);
    expect(villageClasses({ ...facts, collectiveIncome: 10 }, RULES)).toEqual([]);
    expect(villageClasses({ ...facts, collectiveIncome: null }, RULES)).toEqual([]);
    expect(villageClasses({ ...facts, collectiveIncome: 100 }, RULES)).toEqual(["STRONG"]);
    expect(villageClasses({ ...facts, isNewVillage: true }, RULES)).toEqual(["NEW"]);
    // 软弱涣散 with a high income: weak and strong at once.
    expect(villageClasses({ isNewVillage: true, orgIsWeak: true, collectiveIncome: 120 }, RULES)).toEqual([
      "WEAK",
      "STRONG",
      "NEW",
    ]);
  });
});

describe("secretaryCandidates", () => {
  it("scores with its reasons: +3 secretary, +2 director, +2 collective head, +1 reserve, points / 25, −2 at 60", () => {
    const villages = [
      village("a", { secretaries: [{ ...person("s1", { points: 50 }), director: true, collectiveHead: true }] }),
      village("b", {
        secretaries: [{ ...person("s2", { birthYear: 1960 }), director: false, collectiveHead: false }],
        reserves: [person("s1"), person("r1", { points: 10 })],
      }),
    ];
    const candidates = secretaryCandidates(villages, "2026-06-01");
    expect(candidates.map(({ reasonLabels, ...candidate }) => candidate)).toEqual([
      {
        personId: "s1",
        name: "s1",
        villageCode: "a",
        score: 10,
        reasons: [
          "+2 for 50 points",
          "+3 secretary of a村",
          "+2 also village committee director",
          "+2 also head of the collective",
          "+1 reserve candidate of b村",
        ],
      },
      {
        personId: "r1",
        name: "r1",
        villageCode: "b",
        score: 1.4,
        reasons: ["+0.4 for 10 points", "+1 reserve candidate of b村"],
      },
      { personId: "s2", name: "s2", villageCode: "b", score: 1, reasons: ["-2 aged 66", "+3 secretary of b村"] },
    ]);
    // Each reason in both languages: the English is the reason, the Chinese has no English word.
    for (const { reasons, reasonLabels } of candidates) expect(reasonLabels.map((r) => r.en)).toEqual(reasons);
    expect(candidates.map((c) => c.reasonLabels.map((r) => r.zh))).toEqual([
      ["+2 积分 50 分", "+3 a村党组织书记", "+2 兼任村委会主任", "+2 兼任村集体经济组织负责人", "+1 b村后备书记人选"],
      ["+0.4 积分 10 分", "+1 b村后备书记人选"],
      ["-2 年龄 66 岁", "+3 b村党组织书记"],
    ]);
  });

  it("keeps the best five, ties by person id", () => {
    const reserves = ["r6", "r2", "r5", "r1", "r4", "r3"].map((id) => person(id));
    expect(secretaryCandidates([village("a", { reserves })], "2026-06-01").map((c) => c.personId)).toEqual([
      "r1",
      "r2",
      "r3",
      "r4",
      "r5",
    ]);
  });
});

/** Suggestion limits of the tests: groups of 2 or 3 villages. */
const limits: SuggestionLimits = {
  minGroupSize: 2,
  maxGroupSize: 3,
  maxSpreadKm: 5,
  minHouseholds: 300,
  requireStrongVillage: true,
};

describe("groupVillages", () => {
  it("lets a strong village take the nearest weak villages, preferring a shared industry, within the spread", () => {
    const villages = [
      village("s", { collectiveIncome: 150, industries: ["茶"], location: at(0) }),
      village("w1", { collectiveIncome: 5, location: at(1) }),
      village("w2", { collectiveIncome: 5, industries: ["茶"], location: at(2.5) }),
      village("far", { collectiveIncome: 5, location: at(10) }),
      village("nowhere", { location: null }),
    ];
    const { groups, leftAlone: alone } = groupVillages(villages, limits, RULES);
    const leftAlone = alone.map(({ code, name, reason }) => `${code} ${name}: ${reason.en}`);
    // w2 scores 2.78 − 2 (shared industry) − 1 (weak) below w1's 1.11 − 1; after w1 the group is viable and still takes weak villages.
    expect(groups.map((g) => g.map((v) => v.code))).toEqual([["s", "w1", "w2"]]);
    expect(leftAlone).toEqual([
      "far far村: no strong village within 5 km",
      "nowhere nowhere村: no location, so distances cannot be judged",
    ]);
    expect(alone.map((a) => a.reason.zh)).toEqual(["5 公里内没有强村", "没有位置，无法判断距离"]);
  });

  it("releases a group that cannot reach its minimums and says why", () => {
    const villages = [
      village("s", { collectiveIncome: 150, households: 100 }),
      village("w", { collectiveIncome: 5, households: 100, location: at(1) }),
    ];
    const { groups, leftAlone } = groupVillages(villages, limits, RULES);
    expect(groups).toEqual([]);
    expect(leftAlone[0]!.reason).toEqual({
      zh: "强村，但 5 公里内可合并的村不够",
      en: "a strong village without enough partners within 5 km",
    });
  });

  it("seeds with the largest villages when no strong village is required", () => {
    const villages = [
      village("a", { households: 100 }),
      village("b", { households: 250, location: at(1) }),
      village("c", { households: 100, location: at(2) }),
    ];
    const { groups } = groupVillages(villages, { ...limits, requireStrongVillage: false }, RULES);
    expect(groups.map((g) => g.map((v) => v.code))).toEqual([["a", "b"]]);
  });

  it("names a suggested group after its strong village", () => {
    expect(
      suggestedName([village("a", { name: "东村" }), village("b", { name: "沟东新村", collectiveIncome: 200 })], RULES),
    ).toBe("沟东新村");
    expect(suggestedName([village("a", { name: "东村" })], RULES)).toBe("东新村");
  });
});

describe("groupTowardTarget", () => {
  const stretched: SuggestionLimits = { ...limits, maxGroupSize: 30, maxSpreadKm: 10 };
  // Two strong villages each with two weak ones, 4.4 km apart at their nearest: the default makes two groups (6 villages → 2).
  const two = [
    village("s1", { collectiveIncome: 150, location: at(0) }),
    village("w1", { collectiveIncome: 5, location: at(1) }),
    village("w2", { collectiveIncome: 5, location: at(2) }),
    village("s2", { collectiveIncome: 150, location: at(6) }),
    village("w3", { collectiveIncome: 5, location: at(7) }),
    village("w4", { collectiveIncome: 5, location: at(8) }),
  ];
  const codes = (groups: PlanningVillage[][]) => groups.map((g) => g.map((v) => v.code));

  it("stretches only the limits the planner left at their defaults", () => {
    expect(stretchedLimits(limits, { maxGroupSize: false, maxSpreadKm: false }, RULES)).toEqual({
      ...limits,
      maxGroupSize: 30,
      maxSpreadKm: 10,
    });
    expect(stretchedLimits(limits, { maxGroupSize: true, maxSpreadKm: true }, RULES)).toEqual(limits);
  });

  it("keeps the default grouping when it reaches the target exactly", () => {
    const { groups, target } = groupTowardTarget(two, limits, stretched, RULES, 2);
    expect(codes(groups)).toEqual(codes(groupVillages(two, limits, RULES).groups));
    expect(target).toEqual({
      targetVillages: 2,
      villagesBefore: 6,
      reached: 2,
      limitedBy: [],
      reason: null,
      reasonLabel: null,
    });
  });

  it("merges the closest groups further, within the stretched limits, until the target", () => {
    const { groups, leftAlone, target } = groupTowardTarget(two, limits, stretched, RULES, 1);
    expect(codes(groups)).toEqual([["s1", "s2", "w1", "w2", "w3", "w4"]]);
    expect(leftAlone).toEqual([]);
    expect(target).toMatchObject({ reached: 1, limitedBy: [] });
  });

  it("stops where no merge fits the limits and says which rule the closest merge breaks", () => {
    const { groups, target } = groupTowardTarget(two, limits, { ...stretched, maxSpreadKm: 8 }, RULES, 1);
    expect(groups).toHaveLength(2);
    expect(target.reached).toBe(2);
    expect(target.limitedBy).toEqual(["MAX_SPREAD_KM"]);
    expect(target.reason).toMatch(
      /^stopped at 2 villages: merging .+ with .+ would break only maxSpreadKm 8 km \(it would span 8\.9 km\)$/,
    );
    expect(target.reasonLabel!.en).toBe(target.reason);
    expect(target.reasonLabel!.zh).toMatch(
      /^停在 2 个村：.+村与.+村合并仅超出限制：最大间距 8 公里（合并后相距 8\.9 公里）$/,
    );
  });

  it("merges weak villages only with a strong one when a strong village is required", () => {
    const weak = [village("a", { location: at(0) }), village("b", { location: at(1) })];
    const { groups, leftAlone, target } = groupTowardTarget(weak, limits, stretched, RULES, 1);
    expect(groups).toEqual([]);
    expect(target).toMatchObject({ reached: 2, limitedBy: ["STRONG_VILLAGE"] });
    expect(leftAlone[0]).toMatchObject({ code: "a", name: "a村" });
    expect(leftAlone[0]!.reason.en).toBe(
      `no merge with it fits the limits (${SUGGESTION_LIMIT_LABELS.STRONG_VILLAGE.en})`,
    );
    expect(leftAlone[0]!.reason.zh).toBe(`与它的合并都超出限制（${SUGGESTION_LIMIT_LABELS.STRONG_VILLAGE.zh}）`);
    const loose = { ...stretched, requireStrongVillage: false };
    expect(groupTowardTarget(weak, { ...limits, requireStrongVillage: false }, loose, RULES, 1).target.reached).toBe(1);
  });

  it("merges less than the default when the default passes the target, from single villages", () => {
    const three = two.slice(0, 3);
    expect(groupVillages(three, limits, RULES).groups).toHaveLength(1);
    const { groups, leftAlone, target } = groupTowardTarget(three, limits, stretched, RULES, 2);
    expect(codes(groups)).toEqual([["s1", "w1"]]);
    expect(leftAlone).toEqual([
      {
        code: "w2",
        name: "w2村",
        reason: { zh: "达到目标 2 个村无需合并此村", en: "not needed to reach the target of 2 villages" },
      },
    ]);
    expect(target).toMatchObject({ reached: 2, limitedBy: [], reason: null });
  });

  it("cannot place villages without a location", () => {
    const unplaced = [village("s", { collectiveIncome: 150 }), village("x", { location: null })];
    const { target } = groupTowardTarget(unplaced, limits, stretched, RULES, 1);
    expect(target).toMatchObject({ reached: 2, limitedBy: ["NO_LOCATION"] });
    expect(target.reasonLabel).toEqual({
      zh: "停在 2 个村：1 个村没有位置，无法分组",
      en: "stopped at 2 villages: 1 villages have no location, so they cannot be placed in a group",
    });
  });
});
