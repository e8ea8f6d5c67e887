import { scalars } from "../util/scalars.js";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { GapCount } from "../coverage/coverage.types.js";
import type { Label } from "../domain/labels.js";
import { BilingualText } from "../labels/labels.types.js";

@ObjectType({ description: "位置 (location): a WGS-84 point." })
export class GeoPoint {
  @Field(() => Float, { description: "纬度 (latitude)." })
  latitude!: number;

  @Field(() => Float, { description: "经度 (longitude)." })
  longitude!: number;
}

@ObjectType({
  description: "提示 (planning warning): something a planner should look at before applying; codes are stable.",
})
export class PlanningWarning {
  @Field(() => String, {
    description:
      '提示代码 (code): SPREAD_TOO_LARGE, ONLY_WEAK_VILLAGES, NO_SECRETARY_CANDIDATE, TOO_FEW_HOUSEHOLDS or NO_SHARED_INDUSTRY (labels: enumLabels(enum: "PlanningWarningCode")).',
  })
  code!: string;

  @Field(() => String, {
    description: "说明 (message), in English words (unchanged for existing clients); messageLabel has the Chinese too.",
  })
  message!: string;

  @Field(() => BilingualText, {
    description: "说明 (message) in Chinese and English, worded from one table (src/domain/reasons.ts); en is message.",
  })
  messageLabel!: Label;

  @Field(() => Float, {
    nullable: true,
    description:
      "实际值 (value) the warning is about: the spread in km, the households, the share of villages with a shared industry, or the candidates or strong villages found (0); null when none applies.",
  })
  value?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "限值 (limit) it is measured against: the largest spread in km, the fewest households, the smallest share (RULE_* settings); null when the warning has none.",
  })
  limit?: number | null;
}

@ObjectType({
  description:
    "书记人选 (secretary candidate): someone who could lead the new village's Party organization, with the score's reasons.",
})
export class SecretaryCandidate {
  @Field(() => ID, { description: "人员标识 (person id)." })
  personId!: string;

  @Field(() => String, { description: "姓名 (name)." })
  name!: string;

  @Field(() => String, { description: "所在村 (village code) the candidate comes from." })
  villageCode!: string;

  @Field(() => Float, { description: "得分 (score), higher is better." })
  score!: number;

  @Field(() => [String], {
    description:
      "得分理由 (reasons): what the score is made of, in English words, e.g. +3 secretary of 沟东村; reasonLabels has the Chinese too.",
  })
  reasons!: string[];

  @Field(() => [BilingualText], {
    description:
      "得分理由 (reasons) in Chinese and English, as reasons and in its order, worded from one table (src/domain/reasons.ts).",
  })
  reasonLabels!: Label[];
}

@ObjectType({
  description:
    "拟建新村模拟 (group simulation): one proposed new village, what it would be, what it inherits, and warnings.",
})
export class GroupSimulation {
  @Field(() => String, { description: "新村名称 (name)." })
  name!: string;

  @Field(() => String, { description: "新村代码 (code): given, or the smallest unused one in the town." })
  code!: string;

  @Field(() => [String], { description: "合并的村 (villages merged): their codes." })
  villageCodes!: string[];

  @Field(() => Int, { description: "人口 (population), summed." })
  population!: number;

  @Field(() => Int, { description: "户数 (households), summed." })
  households!: number;

  @Field(() => Float, { description: "集体收入 (collective income), 万元, summed." })
  collectiveIncome!: number;

  @Field(() => Int, {
    description: "正式党员 (formal members): distinct formal members of the absorbed village orgs and their grid orgs.",
  })
  formalMembers!: number;

  @Field(() => Int, { description: "预备党员 (probationary members), distinct." })
  probationaryMembers!: number;

  @Field(() => String, {
    description:
      "建议组织形式 (recommended organization form): the form rule on formalMembers, COMMITTEE, GENERAL_BRANCH, BRANCH or PARTY_GROUP.",
  })
  recommendedOrgKind!: string;

  @Field(() => Int, {
    description: "网格数 (grids) of the new village: the absorbed villages plus the grids below them.",
  })
  grids!: number;

  @Field(() => Float, {
    description: "最大间距 (spread): largest great-circle distance between two absorbed villages, km.",
  })
  spreadKm!: number;

  @Field(() => GeoPoint, {
    nullable: true,
    description: "中心点 (centroid) of the absorbed villages; null when none has a location.",
  })
  centroid!: GeoPoint | null;

  @Field(() => [String], { description: "产业 (industries): union of the absorbed villages' industries." })
  industries!: string[];

  @Field(() => Float, {
    description: "产业相融度 (shared industry): share of absorbed villages having the group's most common industry.",
  })
  sharedIndustryRatio!: number;

  @Field(() => Int, { description: "薄弱村 (weak villages) among the absorbed." })
  weakVillages!: number;

  @Field(() => Int, { description: "强村 (strong villages): collective income at or above the strong threshold." })
  strongVillages!: number;

  @Field(() => Int, {
    description: "继承的结对 (inherited pairings): ACTIVE pairings the new organization becomes a party to.",
  })
  inheritedPairings!: number;

  @Field(() => Int, { description: "合作社 (cooperatives) the new organization leads." })
  cooperatives!: number;

  @Field(() => Int, { description: "两新组织 (two-new organizations) located in the absorbed villages." })
  twoNewOrganizations!: number;

  @Field(() => Int, { description: "议事会 (councils) the new organization becomes a member unit of." })
  councils!: number;

  @Field(() => Int, { description: "服务中心 (service centers) serving the absorbed villages." })
  serviceCenters!: number;

  @Field(() => [SecretaryCandidate], { description: "书记人选 (secretary candidates), best first." })
  secretaryCandidates!: SecretaryCandidate[];

  @Field(() => [PlanningWarning], { description: "提示 (warnings)." })
  warnings!: PlanningWarning[];
}

@ObjectType({ description: "未分组的村 (village left alone) by a suggestion, and why." })
export class LeftAloneVillage {
  @Field(() => String, { description: "区划代码 (village code)." })
  code!: string;

  @Field(() => String, { nullable: true, description: "名称 (name)." })
  name!: string | null;

  @Field(() => BilingualText, {
    description: "原因 (reason) in Chinese and English, worded from one table (src/domain/reasons.ts).",
  })
  reasonLabel!: Label;
}

@ObjectType({
  description: "乡镇调整前后 (town impact): the town before and after, by the coverage rules of DOMAIN.md.",
})
export class TownImpact {
  @Field(() => String, { description: "区划代码 (town code)." })
  code!: string;

  @Field(() => String, { description: "名称 (name)." })
  name!: string;

  @Field(() => Int, { description: "调整前村数 (villages before)." })
  villagesBefore!: number;

  @Field(() => Int, { description: "调整后村数 (villages after)." })
  villagesAfter!: number;

  @Field(() => [GapCount], { description: "调整前问题数 (gaps before), by kind." })
  gapsBefore!: GapCount[];

  @Field(() => [GapCount], { description: "调整后问题数 (gaps after), by kind." })
  gapsAfter!: GapCount[];
}

@ObjectType({
  description:
    "目标达成 (target outcome): how close a suggestion with options.targetVillages came to its target, and what stopped it short.",
})
export class SuggestionTarget {
  @Field(() => Int, { description: "目标 (target): the villages (村) the town should have after merging." })
  targetVillages!: number;

  @Field(() => Int, { description: "调整前 (villages before): the town's ACTIVE villages (村)." })
  villagesBefore!: number;

  @Field(() => Int, { description: "达成 (reached): the villages (村) the town has after the suggested merges." })
  reached!: number;

  @Field(() => [String], {
    description:
      '受限于 (limited by): the rules the closest remaining merge would break, MAX_SPREAD_KM, MAX_GROUP_SIZE, STRONG_VILLAGE, MIN_HOUSEHOLDS, MIN_GROUP_SIZE or NO_LOCATION (labels: enumLabels(enum: "SuggestionLimit")); empty when the target was reached.',
  })
  limitedBy!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "原因 (reason) in English words, naming the villages and limits; null when the target was reached. reasonLabel has the Chinese too.",
  })
  reason!: string | null;

  @Field(() => BilingualText, {
    nullable: true,
    description:
      "原因 (reason) in Chinese and English, worded from one table (src/domain/reasons.ts); en is reason; null when the target was reached.",
  })
  reasonLabel!: Label | null;
}

@ObjectType({
  description:
    "模拟结果 (merge simulation): what a merge would do, measured by really applying it in a transaction that is rolled back.",
})
export class MergeSimulation {
  @Field(() => [GroupSimulation], { description: "拟建新村 (groups), in input order." })
  groups!: GroupSimulation[];

  @Field(() => TownImpact, { description: "乡镇调整前后 (town before and after)." })
  town!: TownImpact;

  @Field(() => [String], {
    description:
      "未分组的村 (villages left alone): ACTIVE villages of the town in no group, with the reason (suggestions only).",
  })
  leftAlone!: string[];

  @Field(() => [LeftAloneVillage], {
    description:
      "未分组的村 (villages left alone), as leftAlone, each with its reason in Chinese and English (suggestions only).",
  })
  leftAloneVillages!: LeftAloneVillage[];
  @Field(() => SuggestionTarget, {
    nullable: true,
    description: "目标达成 (target outcome): suggestions with options.targetVillages only; null otherwise.",
  })
  target?: SuggestionTarget | null;
}

@ObjectType({ description: "方案分组 (scenario group): one new village of a saved scenario." })
export class ScenarioGroup {
  @Field(() => String, { description: "新村名称 (name)." })
  name!: string;

  @Field(() => String, { description: "新村代码 (code)." })
  code!: string;

  @Field(() => [String], { description: "合并的村 (villages merged): their codes." })
  villageCodes!: string[];
}

@ObjectType({ description: "村庄布局调整方案 (saved village layout adjustment scenario, MergeScenario)." })
export class MergeScenarioRecord {
  @Field(() => ID, { description: "标识 (id)." })
  id!: string;

  @Field(() => String, { description: "方案名称 (name)." })
  name!: string;

  @Field(() => String, {
    description:
      '方案状态 (status): DRAFT, APPLIED, REVERTED or DISCARDED (labels: enumLabels(enum: "MergeScenarioStatus")).',
  })
  status!: string;

  @Field(() => String, { description: "所属镇 (town code)." })
  townCode!: string;

  @Field(() => scalars.GraphQLDateTime, { description: "创建时间 (created at)." })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: "创建人 (created by)." })
  createdBy!: string | null;

  @Field(() => scalars.GraphQLDateTime, { nullable: true, description: "实施时间 (applied at)." })
  appliedAt!: string | null;

  @Field(() => [ScenarioGroup], { description: "分组 (groups)." })
  groups!: ScenarioGroup[];

  @Field(() => Int, {
    nullable: true,
    description: "目标村数 (target villages) the scenario was planned toward, when it was saved with one.",
  })
  targetVillages!: number | null;
}

@ObjectType({ description: "方案比较 (scenario comparison): a DRAFT scenario simulated on the graph as it is now." })
export class ScenarioComparison {
  @Field(() => MergeScenarioRecord, { description: "方案 (scenario)." })
  scenario!: MergeScenarioRecord;

  @Field(() => MergeSimulation, { description: "模拟结果 (simulation)." })
  simulation!: MergeSimulation;
}
