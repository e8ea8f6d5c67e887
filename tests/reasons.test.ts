/** The sentences of src/domain/reasons.ts: every gap kind worded in both languages, its values in the words; no database. */
import { describe, expect, it } from "vitest";
import { GAP_KINDS, type GapKindName } from "../src/domain/gap-kinds.js";
import { PLANNING_WARNING_LABELS } from "../src/domain/labels.js";
import {
  GAP_REASONS,
  gapReason,
  LEFT_ALONE_REASONS,
  leftAloneReason,
  PLANNING_WARNING_MESSAGES,
  warningMessage,
  type GapReasonValues,
} from "../src/domain/reasons.js";

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
