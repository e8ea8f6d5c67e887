/**
 * The sentences that say why, in Chinese and English, written once: a rule states a reason as a
 * key and its values (a gap by its kind, a planning warning by its code), and these tables word
 * it. The API serves both (`CoverageGap.reason`, `PlanningWarning.message` and
 * `MergeSimulation.leftAlone` stay the English ones, `reasonLabel`, `messageLabel` and
 * `leftAloneVillages` have both),
 * the explorer shows the page's language and the exports the Chinese. Kept analytics store the
 * values, never the words, so a changed sentence needs no rebuild. Free of imports but other
 * import-free domain modules, like labels.ts.
 */
import type { GapKindName } from "./gap-kinds.js";
import {
  COVERAGE_MODE_LABELS,
  PLANNING_WARNING_LABELS,
  REGION_STATUS_LABELS,
  SUGGESTION_LIMIT_LABELS,
  type Label,
  type RegionStatusName,
  type SuggestionLimitCode,
} from "./labels.js";
import { ORG_LIFE_EVENT_LABELS, type OrgLifeEventKindName } from "./org-life.js";

/** Why a village is weak (DOMAIN.md): its organization is 软弱涣散, or its income is below the threshold. */
interface WeakBecause {
  orgIsWeak: boolean;
  collectiveIncome: number | null;
  weakBelow: number;
}

type Nothing = Record<string, never>;

/** The values each gap kind's reason is made of. Names no day counted from asOf, but a council's idle days. */
export interface GapReasonValues {
  COUNCIL_INACTIVE: { lastMeetingOn: string | null; idleDays: number | null; asOf: string };
  GRID_ORG_DETACHED: Nothing;
  GRID_WITHOUT_CENTRAL_HOUSEHOLD: Nothing;
  GRID_WITHOUT_PARTY_ORG: Nothing;
  NEW_VILLAGE_WITHOUT_COUNCIL: Nothing;
  NEW_VILLAGE_WITHOUT_MASS_ORG: Nothing;
  NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER: Nothing;
  NO_RECENT_RECRUITMENT: { years: number };
  NO_RESERVE_SECRETARY: Nothing;
  NO_SERVICE_STATION: Nothing;
  NO_WORK_COVERAGE: Nothing;
  ORG_LIFE_OVERDUE: { missing: Array<{ kind: OrgLifeEventKindName; days: number; lastHeldOn: string | null }> };
  SECRETARY_NOT_COLLECTIVE_HEAD: Nothing;
  SECRETARY_NOT_DIRECTOR: Nothing;
  /** modes: how it is covered, none of them OWN. */
  SHOULD_FORM_OWN_ORG: { formalMembers: number; modes: Array<keyof typeof COVERAGE_MODE_LABELS> };
  SHOULD_JOIN_JOINT_ORG: { formalMembers: number };
  TOWN_WITHOUT_JOINT_MEETING: Nothing;
  VILLAGE_ORG_DETACHED: { hasTown: boolean };
  VILLAGE_WITHOUT_GRID: Nothing;
  VILLAGE_WITHOUT_PARTY_ORG: Nothing;
  WEAK_VILLAGE_UNPAIRED: WeakBecause & { hasPartyOrg: boolean };
  WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY: WeakBecause;
}

/** A gap's reason as kept and passed around: the values of its kind (GapReasonValues). */
export type GapReasonValuesOfAnyKind = GapReasonValues[GapKindName];

/** One sentence in both languages, from its values. */
type Sentence<Values> = Readonly<Record<keyof Label, (values: Values) => string>>;

/** A sentence worded in both languages with its values. */
const word = <Values>(sentence: Sentence<Values>, values: Values): Label => ({
  zh: sentence.zh(values),
  en: sentence.en(values),
});

const EN_MODE: Record<keyof typeof COVERAGE_MODE_LABELS, string> = {
  OWN: "its own organization",
  JOINT: "a joint branch",
  AFFILIATED: "an affiliation",
};

const members = (count: number) => `${count} formal Party member${count === 1 ? "" : "s"}`;

const weakWhy: Sentence<WeakBecause> = {
  zh: (v) => (v.orgIsWeak ? "村党组织软弱涣散" : `村集体经济收入 ${v.collectiveIncome} 万元，低于 ${v.weakBelow} 万元`),
  en: (v) =>
    v.orgIsWeak
      ? "its Party organization is weak (软弱涣散)"
      : `collective income ${v.collectiveIncome} 万元 is below ${v.weakBelow}`,
};

const fixed = (zh: string, en: string): Sentence<unknown> => ({ zh: () => zh, en: () => en });

export const GAP_REASONS: { readonly [Kind in GapKindName]: Sentence<GapReasonValues[Kind]> } = {
  COUNCIL_INACTIVE: {
    zh: (v) =>
      v.idleDays === null ? "从未开会" : `最近一次会议在 ${v.lastMeetingOn}，距 ${v.asOf} 已 ${v.idleDays} 天`,
    en: (v) =>
      v.idleDays === null
        ? "it has never met"
        : `its latest meeting, on ${v.lastMeetingOn}, was ${v.idleDays} days before ${v.asOf}`,
  },
  GRID_ORG_DETACHED: fixed(
    "网格党组织未直接隶属本村在册的村党组织",
    "no grid Party organization of the grid is directly subordinate to an active village Party organization of its village",
  ),
  GRID_WITHOUT_CENTRAL_HOUSEHOLD: fixed(
    "本网格及其下级网格都没有党员中心户",
    "no Party member central household (党员中心户) in the grid or any grid below it",
  ),
  GRID_WITHOUT_PARTY_ORG: fixed("网格内没有在册的网格党组织", "no active grid Party organization is based in the grid"),
  NEW_VILLAGE_WITHOUT_COUNCIL: fixed("新村没有共建议事会", "the new village has no co-building council (共建议事会)"),
  NEW_VILLAGE_WITHOUT_MASS_ORG: fixed(
    "新村及其下级区域没有区域化群团组织",
    "no mass organization (区域化群团组织) is located in the new village or a region below it",
  ),
  NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER: fixed(
    "新村的村党组织都没有兼职委员",
    "no active village Party organization of the new village has a part-time committee member (兼职委员)",
  ),
  NO_RECENT_RECRUITMENT: {
    zh: (v) => `村党组织和网格党组织近 ${v.years} 年没有人入党`,
    en: (v) => `nobody in the village or grid Party organizations joined the Party in the last ${v.years} years`,
  },
  NO_RESERVE_SECRETARY: fixed("村党组织书记没有后备人选", "nobody is in the reserve pool for the village secretary"),
  NO_SERVICE_STATION: fixed(
    "没有党群服务中心或服务站服务本村",
    "no Party-masses service center or station serves the village",
  ),
  NO_WORK_COVERAGE: fixed(
    "没有正式党员，未开展工作覆盖，也没有党建指导员",
    "no formal Party member, no work coverage and no Party-building instructor",
  ),
  ORG_LIFE_OVERDUE: {
    zh: (v) =>
      `组织生活未按期开展：${v.missing
        .map(
          (m) =>
            `${ORG_LIFE_EVENT_LABELS[m.kind].zh}近 ${m.days} 天未开展，${m.lastHeldOn ? `最近一次在 ${m.lastHeldOn}` : "从未开展"}`,
        )
        .join("；")}`,
    en: (v) =>
      `organizational life overdue: ${v.missing
        .map((m) => {
          const { zh, en } = ORG_LIFE_EVENT_LABELS[m.kind];
          return `${zh} (${en}): none in the last ${m.days} days, ${m.lastHeldOn ? `last held ${m.lastHeldOn}` : "never held"}`;
        })
        .join("; ")}`,
  },
  SECRETARY_NOT_COLLECTIVE_HEAD: fixed(
    "村党组织书记都未兼任村集体经济组织负责人",
    "no secretary of the village Party organization chairs the village's collective economic organization",
  ),
  SECRETARY_NOT_DIRECTOR: fixed(
    "村党组织书记都未兼任村委会主任",
    "no secretary of the village Party organization is director of the village committee",
  ),
  SHOULD_FORM_OWN_ORG: {
    zh: (v) =>
      `有正式党员 ${v.formalMembers} 名，${
        v.modes.length ? `仅以${v.modes.map((m) => COVERAGE_MODE_LABELS[m].zh).join("、")}方式覆盖` : "没有党组织覆盖"
      }`,
    en: (v) =>
      `${members(v.formalMembers)}, ${
        v.modes.length
          ? `covered only by ${v.modes.map((m) => EN_MODE[m]).join(" and ")}`
          : "no Party organization covers it"
      }`,
  },
  SHOULD_JOIN_JOINT_ORG: {
    zh: (v) => `有正式党员 ${v.formalMembers} 名，没有党组织覆盖`,
    en: (v) => `${members(v.formalMembers)}, no Party organization covers it`,
  },
  TOWN_WITHOUT_JOINT_MEETING: fixed(
    "没有区域化党建联席会议服务本镇",
    "no regional Party-building joint meeting (区域化党建联席会议) serves the town",
  ),
  VILLAGE_ORG_DETACHED: {
    zh: (v) => (v.hasTown ? "村党组织未直接隶属本镇在册的镇党委" : "本村没有所属镇，村党组织无从隶属镇党委"),
    en: (v) =>
      v.hasTown
        ? "no village Party organization is directly subordinate to an active town Party organization based in the village's town"
        : "the village has no town, so its Party organization cannot be subordinate to a town Party organization",
  },
  VILLAGE_WITHOUT_GRID: fixed("村下没有在册的网格", "no active grid is directly part of the village"),
  VILLAGE_WITHOUT_PARTY_ORG: fixed(
    "村内没有在册的村党组织",
    "no active Party organization of category VILLAGE is based in the village",
  ),
  WEAK_VILLAGE_UNPAIRED: {
    zh: (v) => `${weakWhy.zh(v)}，且${v.hasPartyOrg ? "村党组织未参加进行中的结对" : "本村没有党组织，无从结对"}`,
    en: (v) =>
      `${weakWhy.en(v)}, and ${v.hasPartyOrg ? "its Party organization is in no active pairing" : "it has no Party organization to pair"}`,
  },
  WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY: {
    zh: (v) => `${weakWhy.zh(v)}，且没有在任的第一书记或乡村振兴工作队`,
    en: (v) =>
      `${weakWhy.en(v)}, and no first secretary (第一书记) or rural revitalization work team (乡村振兴工作队) serves it`,
  },
};

/** A gap's reason in both languages, from its kind and the values the rule gave it. */
export function gapReason<Kind extends GapKindName>(kind: Kind, values: GapReasonValues[Kind]): Label {
  const sentence: Sentence<GapReasonValues[Kind]> = GAP_REASONS[kind];
  return word(sentence, values);
}

/** What can break a village's chain 镇党委—村党组织—网格党组织—党员中心户, with its figures. */
export interface ChainBreakValues {
  NO_VILLAGE_ORG: Nothing;
  VILLAGE_ORG_DETACHED: Nothing;
  NO_GRID: Nothing;
  GRIDS_WITHOUT_ORG: { without: number; grids: number };
  GRIDS_WITHOUT_CENTRAL_HOUSEHOLD: { grids: number };
  /** An inactive village: in no scope, so nothing of its chain counts. */
  VILLAGE_INACTIVE: { status: RegionStatusName };
}

export const CHAIN_BREAKS: { readonly [Key in keyof ChainBreakValues]: Sentence<ChainBreakValues[Key]> } = {
  NO_VILLAGE_ORG: fixed("没有村党组织", "no village Party organization"),
  VILLAGE_ORG_DETACHED: fixed(
    "村党组织未隶属本镇在册的镇党委",
    "the village Party organization is not subordinate to an active town Party organization of its town",
  ),
  NO_GRID: fixed("没有网格", "no grid"),
  GRIDS_WITHOUT_ORG: {
    zh: (v) => `${v.grids} 个网格中有 ${v.without} 个没有隶属村党组织的网格党组织`,
    en: (v) => `${v.without} of ${v.grids} grids have no grid Party organization under the village organization`,
  },
  GRIDS_WITHOUT_CENTRAL_HOUSEHOLD: {
    zh: (v) => `${v.grids} 个网格没有党员中心户`,
    en: (v) => `${v.grids} grid(s) without a central household`,
  },
  VILLAGE_INACTIVE: {
    zh: (v) => `本村状态为${REGION_STATUS_LABELS[v.status].zh}`,
    en: (v) => `the village is ${v.status}`,
  },
};

/** What breaks a village's chain, in both languages. */
export function chainBreak<Key extends keyof ChainBreakValues>(key: Key, values: ChainBreakValues[Key]): Label {
  const sentence: Sentence<ChainBreakValues[Key]> = CHAIN_BREAKS[key];
  return word(sentence, values);
}

export type PlanningWarningCode = keyof typeof PLANNING_WARNING_LABELS;

/** What a planning warning is measured by (its value against its limit, where it has them). */
interface Measure {
  value: number | null;
  limit: number | null;
}

export const PLANNING_WARNING_MESSAGES: { readonly [Code in PlanningWarningCode]: Sentence<Measure> } = {
  SPREAD_TOO_LARGE: {
    zh: (m) => `各村相距最远 ${m.value} 公里（超过 ${m.limit} 公里）`,
    en: (m) => `villages lie up to ${m.value} km apart (more than ${m.limit} km)`,
  },
  ONLY_WEAK_VILLAGES: {
    zh: () => "组内全是薄弱村，没有强村带动（强村带弱村）",
    en: () => "every village of the group is weak: no strong village to lead (强村带弱村)",
  },
  NO_SECRETARY_CANDIDATE: {
    zh: () => "各村都没有书记或后备书记人选",
    en: () => "no secretary or reserve candidate among the villages",
  },
  TOO_FEW_HOUSEHOLDS: {
    zh: (m) => `共 ${m.value} 户，少于 ${m.limit} 户`,
    en: (m) => `${m.value} households, fewer than ${m.limit}`,
  },
  NO_SHARED_INDUSTRY: {
    zh: () => "有共同产业的村不足一半（产业相融）",
    en: () => "fewer than half of the villages share an industry (产业相融)",
  },
};

/** A planning warning's message in both languages, from its code and measure. */
export function warningMessage(code: PlanningWarningCode, measure: Measure): Label {
  return word(PLANNING_WARNING_MESSAGES[code], measure);
}

/** What a suggestion held a village to when it left it alone (suggestion.rules.ts): its limits, and a target's. */
interface LeftAloneValues {
  maxSpreadKm: number;
  maxGroupSize: number;
  /** The number of villages a suggestion toward a target aimed at. */
  target?: number;
  /** The rules that refused every merge with the village, on the way to a target. */
  limitedBy?: SuggestionLimitCode[];
}

const limitList = (codes: SuggestionLimitCode[] = [], language: "zh" | "en") =>
  codes.map((code) => SUGGESTION_LIMIT_LABELS[code][language]).join(language === "zh" ? "、" : ", ");

/** Why a suggestion left a village in no group. */
export const LEFT_ALONE_REASONS = {
  NO_LOCATION: { zh: () => "没有位置，无法判断距离", en: () => "no location, so distances cannot be judged" },
  STRONG_WITHOUT_PARTNERS: {
    zh: (l) => `强村，但 ${l.maxSpreadKm} 公里内可合并的村不够`,
    en: (l) => `a strong village without enough partners within ${l.maxSpreadKm} km`,
  },
  NO_STRONG_NEARBY: {
    zh: (l) => `${l.maxSpreadKm} 公里内没有强村`,
    en: (l) => `no strong village within ${l.maxSpreadKm} km`,
  },
  GROUPS_FULL: {
    zh: (l) => `${l.maxSpreadKm} 公里内的分组已满（${l.maxGroupSize} 个村）或已达规模，此后只纳入薄弱村`,
    en: (l) =>
      `the groups within ${l.maxSpreadKm} km were full (${l.maxGroupSize} villages) or already viable, and take only weak villages then`,
  },
  NOT_NEEDED_FOR_TARGET: {
    zh: (l) => `达到目标 ${l.target} 个村无需合并此村`,
    en: (l) => `not needed to reach the target of ${l.target} villages`,
  },
  NO_MERGE_FITS: {
    zh: (l) => `与它的合并都超出限制（${limitList(l.limitedBy, "zh")}）`,
    en: (l) => `no merge with it fits the limits (${limitList(l.limitedBy, "en")})`,
  },
} as const satisfies Record<string, Sentence<LeftAloneValues>>;

/** Why a suggestion left a village alone, in both languages. */
export function leftAloneReason(key: keyof typeof LEFT_ALONE_REASONS, limits: LeftAloneValues): Label {
  const sentence: Sentence<LeftAloneValues> = LEFT_ALONE_REASONS[key];
  return word(sentence, limits);
}

/** A score's part: what it adds (or takes away), signed as the score's reasons show it. */
const signed = (added: number) => (added < 0 ? `${added}` : `+${added}`);

/** What a secretary candidate's score is made of (planning.rules.ts secretaryCandidates), each with what it adds. */
export interface CandidateReasonValues {
  POINTS: { added: number; points: number };
  AGED: { added: number; age: number };
  SECRETARY: { added: number; village: string | null };
  DIRECTOR: { added: number };
  COLLECTIVE_HEAD: { added: number };
  RESERVE: { added: number; village: string | null };
}

export const CANDIDATE_REASONS: {
  readonly [Key in keyof CandidateReasonValues]: Sentence<CandidateReasonValues[Key]>;
} = {
  POINTS: {
    zh: (v) => `${signed(v.added)} 积分 ${v.points} 分`,
    en: (v) => `${signed(v.added)} for ${v.points} points`,
  },
  AGED: { zh: (v) => `${signed(v.added)} 年龄 ${v.age} 岁`, en: (v) => `${signed(v.added)} aged ${v.age}` },
  SECRETARY: {
    zh: (v) => `${signed(v.added)} ${v.village}党组织书记`,
    en: (v) => `${signed(v.added)} secretary of ${v.village}`,
  },
  DIRECTOR: {
    zh: (v) => `${signed(v.added)} 兼任村委会主任`,
    en: (v) => `${signed(v.added)} also village committee director`,
  },
  COLLECTIVE_HEAD: {
    zh: (v) => `${signed(v.added)} 兼任村集体经济组织负责人`,
    en: (v) => `${signed(v.added)} also head of the collective`,
  },
  RESERVE: {
    zh: (v) => `${signed(v.added)} ${v.village}后备书记人选`,
    en: (v) => `${signed(v.added)} reserve candidate of ${v.village}`,
  },
};

/** One reason of a secretary candidate's score, in both languages. */
export function candidateReason<Key extends keyof CandidateReasonValues>(
  key: Key,
  values: CandidateReasonValues[Key],
): Label {
  const sentence: Sentence<CandidateReasonValues[Key]> = CANDIDATE_REASONS[key];
  return word(sentence, values);
}

/** The rules a merge toward a target can break (SuggestionLimit but NO_LOCATION, which no merge breaks). */
export type MergeLimitCode = Exclude<SuggestionLimitCode, "NO_LOCATION">;

/** A merge toward a target that the limits refused: the villages' names on either side, what it would be, the rules it breaks. */
export interface RefusedMerge {
  sides: [string[], string[]];
  codes: MergeLimitCode[];
  spreadKm: number;
  villages: number;
  households: number;
}

/** The limits a refused merge was held to (a suggestion's stretched limits). */
interface MergeLimits {
  maxSpreadKm: number;
  maxGroupSize: number;
  minHouseholds: number;
  minGroupSize: number;
}

type Refusal = { limits: MergeLimits; merge: RefusedMerge };

const LIMITS_BROKEN: { readonly [Code in MergeLimitCode]: Sentence<Refusal> } = {
  MAX_SPREAD_KM: {
    zh: ({ limits, merge }) => `最大间距 ${limits.maxSpreadKm} 公里（合并后相距 ${merge.spreadKm.toFixed(1)} 公里）`,
    en: ({ limits, merge }) => `maxSpreadKm ${limits.maxSpreadKm} km (it would span ${merge.spreadKm.toFixed(1)} km)`,
  },
  MAX_GROUP_SIZE: {
    zh: ({ limits, merge }) => `每组最多 ${limits.maxGroupSize} 个村（合并后 ${merge.villages} 个村）`,
    en: ({ limits, merge }) => `maxGroupSize ${limits.maxGroupSize} (it would have ${merge.villages} villages)`,
  },
  STRONG_VILLAGE: fixed("须有强村带动（两边都没有强村）", "requireStrongVillage (neither has a strong village)"),
  MIN_HOUSEHOLDS: {
    zh: ({ limits, merge }) => `最少 ${limits.minHouseholds} 户（合并后 ${merge.households} 户）`,
    en: ({ limits, merge }) => `minHouseholds ${limits.minHouseholds} (it would have ${merge.households})`,
  },
  MIN_GROUP_SIZE: {
    zh: ({ limits }) => `每组最少 ${limits.minGroupSize} 个村`,
    en: ({ limits }) => `minGroupSize ${limits.minGroupSize}`,
  },
};

/** The rules a refused merge breaks, and the two sides of it, in one language. */
const broken = (refusal: Refusal, language: keyof Label) =>
  refusal.merge.codes.map((code) => LIMITS_BROKEN[code][language](refusal)).join(language === "zh" ? "；" : "; ");
const sides = ({ sides: [a, b] }: RefusedMerge, language: keyof Label) =>
  `${a.join("、")}${language === "zh" ? "与" : " with "}${b.join("、")}`;

/**
 * What stopped a suggestion short of its target (suggestion.rules.ts): villages without a
 * location, merges each refused by one rule alone (the rules to relax), or the closest
 * remaining merge and every rule it breaks.
 */
export type MergeBlock =
  | { by: "NO_LOCATION"; unlocated: number }
  | { by: "ONE_RULE_EACH"; limits: MergeLimits; merges: RefusedMerge[] }
  | { by: "CLOSEST_MERGE"; limits: MergeLimits; merge: RefusedMerge };

const BLOCKS: { readonly [By in MergeBlock["by"]]: Sentence<Extract<MergeBlock, { by: By }>> } = {
  NO_LOCATION: {
    zh: (v) => `${v.unlocated} 个村没有位置，无法分组`,
    en: (v) => `${v.unlocated} villages have no location, so they cannot be placed in a group`,
  },
  ONE_RULE_EACH: {
    zh: ({ limits, merges }) =>
      merges.map((merge) => `${sides(merge, "zh")}合并仅超出限制：${broken({ limits, merge }, "zh")}`).join("；"),
    en: ({ limits, merges }) =>
      merges
        .map((merge) => `merging ${sides(merge, "en")} would break only ${broken({ limits, merge }, "en")}`)
        .join("; "),
  },
  CLOSEST_MERGE: {
    zh: (v) => `最近的剩余合并（${sides(v.merge, "zh")}）超出限制：${broken(v, "zh")}`,
    en: (v) => `the closest remaining merge, ${sides(v.merge, "en")}, would break ${broken(v, "en")}`,
  },
};

/**
 * Why a suggestion has `reached` villages rather than its target, in both languages: what
 * blocked it when it stopped above the target, or, with no block, that the default grouping
 * already leaves fewer.
 */
export function targetShortfall(reached: number, block: MergeBlock | null): Label {
  if (!block)
    return {
      zh: `默认分组已只剩 ${reached} 个村，减少合并也不能更接近目标`,
      en: `the default grouping already leaves ${reached} villages, and merging less comes no closer`,
    };
  const why = word(BLOCKS[block.by] as Sentence<MergeBlock>, block);
  return { zh: `停在 ${reached} 个村：${why.zh}`, en: `stopped at ${reached} villages: ${why.en}` };
}
