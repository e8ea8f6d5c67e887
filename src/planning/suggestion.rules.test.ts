/** Suggestion grouping of village layout planning (limits, scoring, grouping toward a target, names); no database. */
import { describe, expect, it } from "vitest";
import { at, RULES, village } from "../../tests/fixtures/planning-villages.js";
import { SUGGESTION_LIMIT_LABELS } from "../domain/labels.js";
import type { PlanningVillage } from "./planning.rules.js";
import {
  groupTowardTarget,
  groupVillages,
  stretchedLimits,
  suggestedName,
  type SuggestionLimits,
} from "./suggestion.rules.js";

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
