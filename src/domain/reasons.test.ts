/** The sentences of src/domain/reasons.ts: every gap kind worded in both languages, its values in the words; no database. */
import { describe, expect, it } from "vitest";
import { GAP_KINDS, type GapKindName } from "./gap-kinds.js";
import { PLANNING_WARNING_LABELS } from "./labels.js";
import {
  CANDIDATE_REASONS,
  candidateReason,
  CHAIN_BREAKS,
  chainBreak,
  GAP_REASONS,
  gapReason,
  LEFT_ALONE_REASONS,
  leftAloneReason,
  PLANNING_WARNING_MESSAGES,
  targetShortfall,
  warningMessage,
  type CandidateReasonValues,
  type ChainBreakValues,
  type GapReasonValues,
  type RefusedMerge,
} from "./reasons.js";

const weak = { orgIsWeak: false, collectiveIncome: 7.5, weakBelow: 10 };

/** Values for every kind (the type makes the table complete), with the figures each sentence must show. */
const SAMPLES: { [Kind in GapKindName]: { values: GapReasonValues[Kind]; shows: Array<string | number> } } = {
  COUNCIL_INACTIVE: {
    values: { lastMeetingOn: "2026-05-01", idleDays: 198, asOf: "2026-11-15" },
    shows: ["2026-05-01", 198, "2026-11-15"],
  },
  GRID_ORG_DETACHED: { values: {}, shows: [] },
  GRID_WITHOUT_CENTRAL_HOUSEHOLD: { values: {}, shows: [] },
  GRID_WITHOUT_PARTY_ORG: { values: {}, shows: [] },
  NEW_VILLAGE_WITHOUT_COUNCIL: { values: {}, shows: [] },
  NEW_VILLAGE_WITHOUT_MASS_ORG: { values: {}, shows: [] },
  NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER: { values: {}, shows: [] },
  NO_RECENT_RECRUITMENT: { values: { years: 2 }, shows: [2] },
  NO_RESERVE_SECRETARY: { values: {}, shows: [] },
  NO_SERVICE_STATION: { values: {}, shows: [] },
  NO_WORK_COVERAGE: { values: {}, shows: [] },
  ORG_LIFE_OVERDUE: {
    values: {
      missing: [
        { kind: "THEME_DAY", days: 31, lastHeldOn: "2026-09-30" },
        { kind: "MEMBER_REVIEW", days: 366, lastHeldOn: null },
      ],
    },
    shows: [31, "2026-09-30", 366],
  },
  SECRETARY_NOT_COLLECTIVE_HEAD: { values: {}, shows: [] },
  SECRETARY_NOT_DIRECTOR: { values: {}, shows: [] },
  SHOULD_FORM_OWN_ORG: { values: { formalMembers: 12, modes: ["JOINT", "AFFILIATED"] }, shows: [12] },
  SHOULD_JOIN_JOINT_ORG: { values: { formalMembers: 2 }, shows: [2] },
  TOWN_WITHOUT_JOINT_MEETING: { values: {}, shows: [] },
  VILLAGE_ORG_DETACHED: { values: { hasTown: true }, shows: [] },
  VILLAGE_WITHOUT_GRID: { values: {}, shows: [] },
  VILLAGE_WITHOUT_PARTY_ORG: { values: {}, shows: [] },
  WEAK_VILLAGE_UNPAIRED: { values: { ...weak, hasPartyOrg: true }, shows: [7.5, 10] },
  WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY: { values: weak, shows: [7.5, 10] },
};

describe("gap reasons", () => {
  it.each(GAP_KINDS)("words %s in Chinese and English, with its values", (kind) => {
    const { values, shows } = SAMPLES[kind];
    const { zh, en } = gapReason(kind, values as never);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    // No enum value or English word reaches a Chinese page.
    expect(zh).not.toMatch(/[A-Za-z]/);
    expect(en).toMatch(/^[a-z0-9]/);
    for (const text of [zh, en]) {
      expect(text).not.toMatch(/undefined|null|NaN|\$\{/);
      for (const value of shows) expect(text).toContain(String(value));
    }
  });

  it("has a sentence for every gap kind and no other", () => {
    expect(Object.keys(GAP_REASONS).sort()).toEqual([...GAP_KINDS].sort());
  });

  it("keeps the English of the API's reason as it was", () => {
    expect(gapReason("SHOULD_FORM_OWN_ORG", { formalMembers: 3, modes: ["JOINT"] }).en).toBe(
      "3 formal Party members, covered only by a joint branch",
    );
    expect(gapReason("SHOULD_JOIN_JOINT_ORG", { formalMembers: 1 }).en).toBe(
      "1 formal Party member, no Party organization covers it",
    );
    expect(gapReason("COUNCIL_INACTIVE", { lastMeetingOn: null, idleDays: null, asOf: "2026-11-15" }).en).toBe(
      "it has never met",
    );
    expect(gapReason("ORG_LIFE_OVERDUE", SAMPLES.ORG_LIFE_OVERDUE.values).en).toBe(
      "organizational life overdue: 主题党日 (theme Party day): none in the last 31 days, last held 2026-09-30; " +
        "民主评议党员 (democratic review of members): none in the last 366 days, never held",
    );
    expect(gapReason("WEAK_VILLAGE_UNPAIRED", { ...weak, orgIsWeak: true, hasPartyOrg: false }).en).toBe(
      "its Party organization is weak (软弱涣散), and it has no Party organization to pair",
    );
  });

  it("words the variants of a kind apart in Chinese", () => {
    const detached = (hasTown: boolean) => gapReason("VILLAGE_ORG_DETACHED", { hasTown }).zh;
    expect(detached(true)).not.toBe(detached(false));
    expect(gapReason("SHOULD_FORM_OWN_ORG", { formalMembers: 3, modes: [] }).zh).toBe(
      "有正式党员 3 名，没有党组织覆盖",
    );
    expect(gapReason("SHOULD_FORM_OWN_ORG", { formalMembers: 3, modes: ["JOINT", "AFFILIATED"] }).zh).toBe(
      "有正式党员 3 名，仅以联合组建、挂靠方式覆盖",
    );
    expect(gapReason("WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY", { ...weak, orgIsWeak: true }).zh).toBe(
      "村党组织软弱涣散，且没有在任的第一书记或乡村振兴工作队",
    );
  });
});

describe("planning sentences", () => {
  it("words every warning code in both languages, with its measure where it names one", () => {
    expect(Object.keys(PLANNING_WARNING_MESSAGES).sort()).toEqual(Object.keys(PLANNING_WARNING_LABELS).sort());
    for (const code of Object.keys(PLANNING_WARNING_MESSAGES) as Array<keyof typeof PLANNING_WARNING_MESSAGES>) {
      const { zh, en } = warningMessage(code, { value: 6.2, limit: 5 });
      expect(zh, code).toMatch(/^[^A-Za-z]+$/);
      expect(en, code).toMatch(/^[a-z0-9]/);
      if (en.includes("6.2")) expect(zh, code).toContain("6.2");
      if (en.includes("5")) expect(zh, code).toContain("5");
    }
    expect(warningMessage("TOO_FEW_HOUSEHOLDS", { value: 299, limit: 300 })).toEqual({
      zh: "共 299 户，少于 300 户",
      en: "299 households, fewer than 300",
    });
  });

  it("words every reason a suggestion leaves a village alone in both languages, with its limits", () => {
    for (const key of Object.keys(LEFT_ALONE_REASONS) as Array<keyof typeof LEFT_ALONE_REASONS>) {
      const values = { maxSpreadKm: 7.5, maxGroupSize: 4, target: 9, limitedBy: ["MAX_SPREAD_KM" as const] };
      const { zh, en } = leftAloneReason(key, values);
      expect(zh, key).toMatch(/^[^A-Za-z]+$/);
      for (const value of ["7.5", "4", "9"]) if (en.includes(value)) expect(zh, key).toContain(value);
    }
  });
});

/** Chinese words with their figures, and not a letter of English (a Chinese page shows them as they are). */
function expectBoth({ zh, en }: { zh: string; en: string }, shows: Array<string | number>, name: string) {
  expect(zh, name).toMatch(/^[^A-Za-z]+$/);
  expect(zh, name).toMatch(/[\u4e00-\u9fff]/);
  for (const text of [zh, en]) {
    expect(text, name).not.toMatch(/undefined|null|NaN|\$\{/);
    for (const value of shows) expect(text, name).toContain(String(value));
  }
}

describe("organization chain breaks", () => {
  const SAMPLES: { [Key in keyof ChainBreakValues]: { values: ChainBreakValues[Key]; shows: number[] } } = {
    NO_VILLAGE_ORG: { values: {}, shows: [] },
    VILLAGE_ORG_DETACHED: { values: {}, shows: [] },
    NO_GRID: { values: {}, shows: [] },
    GRIDS_WITHOUT_ORG: { values: { without: 2, grids: 5 }, shows: [2, 5] },
    GRIDS_WITHOUT_CENTRAL_HOUSEHOLD: { values: { grids: 3 }, shows: [3] },
    VILLAGE_INACTIVE: { values: { status: "MERGED" }, shows: [] },
  };

  it("words every break in both languages, with its figures, and keeps the API's English", () => {
    for (const key of Object.keys(CHAIN_BREAKS) as Array<keyof ChainBreakValues>) {
      expectBoth(chainBreak(key, SAMPLES[key].values as never), SAMPLES[key].shows, key);
    }
    expect(chainBreak("GRIDS_WITHOUT_ORG", { without: 1, grids: 2 }).en).toBe(
      "1 of 2 grids have no grid Party organization under the village organization",
    );
    expect(chainBreak("VILLAGE_INACTIVE", { status: "MERGED" })).toEqual({
      zh: "本村状态为已合并",
      en: "the village is MERGED",
    });
  });
});

describe("secretary candidates' reasons", () => {
  const SAMPLES: { [Key in keyof CandidateReasonValues]: CandidateReasonValues[Key] } = {
    POINTS: { added: 1.6, points: 40 },
    AGED: { added: -2, age: 63 },
    SECRETARY: { added: 3, village: "沟东村" },
    DIRECTOR: { added: 2 },
    COLLECTIVE_HEAD: { added: 2 },
    RESERVE: { added: 1, village: "沟西村" },
  };

  it("words every part of the score in both languages, signed as the score adds it", () => {
    for (const key of Object.keys(CANDIDATE_REASONS) as Array<keyof CandidateReasonValues>) {
      const values = SAMPLES[key];
      const label = candidateReason(key, values as never);
      expectBoth(label, Object.values(values).map(String), key);
      expect(label.zh, key).toMatch(/^[+-]\d/);
      expect(label.zh.split(" ")[0], key).toBe(label.en.split(" ")[0]);
    }
    expect(candidateReason("SECRETARY", SAMPLES.SECRETARY)).toEqual({
      zh: "+3 沟东村党组织书记",
      en: "+3 secretary of 沟东村",
    });
    expect(candidateReason("AGED", SAMPLES.AGED).en).toBe("-2 aged 63");
  });
});

describe("a target's shortfall", () => {
  const limits = { maxSpreadKm: 10, maxGroupSize: 30, minHouseholds: 300, minGroupSize: 2 };
  const merge = (codes: RefusedMerge["codes"]): RefusedMerge => ({
    sides: [["沟东村", "沟西村"], ["北村"]],
    codes,
    spreadKm: 12.345,
    villages: 31,
    households: 250,
  });

  it("words every block in both languages, naming the villages and the limits", () => {
    const all = ["MAX_SPREAD_KM", "MAX_GROUP_SIZE", "STRONG_VILLAGE", "MIN_HOUSEHOLDS", "MIN_GROUP_SIZE"] as const;
    const closest = targetShortfall(7, { by: "CLOSEST_MERGE", limits, merge: merge([...all]) });
    expectBoth(closest, [7, "沟东村、沟西村", "北村", 10, "12.3", 30, 31, 300, 250], "CLOSEST_MERGE");
    expect(closest.en).toBe(
      "stopped at 7 villages: the closest remaining merge, 沟东村、沟西村 with 北村, would break maxSpreadKm 10 km " +
        "(it would span 12.3 km); maxGroupSize 30 (it would have 31 villages); requireStrongVillage (neither has a " +
        "strong village); minHouseholds 300 (it would have 250); minGroupSize 2",
    );
    const each = targetShortfall(7, {
      by: "ONE_RULE_EACH",
      limits,
      merges: [merge(["MAX_SPREAD_KM"]), merge(["MIN_HOUSEHOLDS"])],
    });
    expectBoth(each, [7, "12.3", 300, 250], "ONE_RULE_EACH");
    expect(each.zh).toBe(
      "停在 7 个村：沟东村、沟西村与北村合并仅超出限制：最大间距 10 公里（合并后相距 12.3 公里）；" +
        "沟东村、沟西村与北村合并仅超出限制：最少 300 户（合并后 250 户）",
    );
    expectBoth(targetShortfall(7, { by: "NO_LOCATION", unlocated: 4 }), [7, 4], "NO_LOCATION");
    expect(targetShortfall(3, null)).toEqual({
      zh: "默认分组已只剩 3 个村，减少合并也不能更接近目标",
      en: "the default grouping already leaves 3 villages, and merging less comes no closer",
    });
  });
});
