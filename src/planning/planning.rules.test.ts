/** The pure rules of village layout planning (group figures, warnings, village classes, secretary candidates); no database. */
import { describe, expect, it } from "vitest";
import { at, RULES, village } from "../../tests/fixtures/planning-villages.js";
import { distanceKm } from "./geometry.js";
import {
  describeGroup,
  distinctMembers,
  groupWarnings,
  newOrganization,
  secretaryCandidates,
  villageClasses,
} from "./planning.rules.js";

const person = (id: string, extra: { points?: number; birthYear?: number } = {}) => ({
  id,
  name: id,
  points: extra.points ?? null,
  birthYear: extra.birthYear ?? null,
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
