import { scalars } from "../util/scalars.js";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../util/relay.js";
import { OrgLifeEventKind } from "../domain/enums.js";
import { GAP_KINDS, type GapKindName } from "../domain/gap-kinds.js";
import type { OrgLifeEventKindName } from "../domain/org-life.js";
import { GAP_KIND_LABELS, valueDescriptions, type Label } from "../domain/labels.js";
import { BilingualText } from "../labels/labels.types.js";
import type { GapReasonValuesOfAnyKind } from "../domain/reasons.js";

export const GapKind = Object.fromEntries(GAP_KINDS.map((kind) => [kind, kind])) as { [K in GapKindName]: K };
registerEnumType(GapKind, {
  name: "GapKind",
  description:
    "问题类型 (gap kind): a coverage rule of DOMAIN.md (section Coverage rules, table Gaps) that a subject breaks.",
  valuesConfig: valueDescriptions(GAP_KIND_LABELS),
});

@ObjectType({ description: "区域 (region) as reports name it." })
export class RegionRef {
  @Field(() => String, { description: "区划代码 (region code)." })
  code!: string;

  @Field(() => String, { description: "名称 (name)." })
  name!: string;

  @Field(() => String, {
    description:
      '层级 (level): PROVINCE, CITY, DISTRICT, TOWN, COMMUNITY, VILLAGE, RESIDENTIAL or GRID (labels: enumLabels(enum: "RegionLevel")).',
  })
  level!: string;
}

@ObjectType({
  description:
    "两新组织覆盖 (two-new organization coverage): the two-new organizations located in the region, by coverage class.",
})
export class TwoNewCoverage {
  @Field(() => Int, { description: "两新组织总数 (total)." })
  total!: number;

  @Field(() => Int, {
    description: "组织覆盖 (organizationally covered): covered by an active Party organization, in any mode.",
  })
  organizational!: number;

  @Field(() => Int, {
    description: "仅工作覆盖 (work coverage only): not organizationally covered, but work-covered or instructed.",
  })
  workOnly!: number;

  @Field(() => Int, { description: "未覆盖 (not covered)." })
  none!: number;

  @Field(() => Float, {
    nullable: true,
    description: "组织覆盖率 (organizational coverage rate): organizational / total; null when total is 0.",
  })
  orgCoverageRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "工作覆盖率 (work coverage rate): (organizational + workOnly) / total; null when total is 0.",
  })
  workCoverageRate!: number | null;
}

@ObjectType({ description: "村 (villages): the ACTIVE villages in the region and how their organization stands." })
export class VillageCoverage {
  @Field(() => Int, { description: "村总数 (villages): ACTIVE villages of level VILLAGE." })
  total!: number;

  @Field(() => Int, { description: "建有村党组织 (with a village Party organization): an active one." })
  withPartyOrg!: number;

  @Field(() => Int, { description: "组织链完整 (complete chain): 镇党委—村党组织—网格党组织—党员中心户." })
  chainComplete!: number;

  @Field(() => Int, {
    description: "一肩挑 (secretary is director): the secretary is also village committee director.",
  })
  secretaryIsDirector!: number;

  @Field(() => Int, {
    description:
      "书记兼集体经济组织负责人 (secretary heads the collective): the secretary also chairs the collective economic organization.",
  })
  secretaryIsCollectiveHead!: number;

  @Field(() => Int, {
    description: "薄弱村 (weak villages): the village org is 软弱涣散, or collective income is below the threshold.",
  })
  weak!: number;

  @Field(() => Int, {
    description:
      "党组织领办合作社 (with a Party-led cooperative): one of its ACTIVE village orgs LEADS a PROFESSIONAL or UNION cooperative.",
  })
  withPartyLedCooperative!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "党员联系农户 (households reached by central households): the households on every CENTRAL_HOUSEHOLD_OF a grid in the region, divided by the households of its ACTIVE villages (both summed over the region); null when the villages' households sum to 0. Not capped: above 1 points at bad data.",
  })
  centralHouseholdReach!: number | null;
}

@ObjectType({ description: "问题数 (gap count) of one kind." })
export class GapCount {
  @Field(() => GapKind, { description: "问题类型 (gap kind)." })
  kind!: GapKindName;

  @Field(() => Int, { description: "数量 (count)." })
  count!: number;
}

@ObjectType({ description: "覆盖报告 (coverage report) of a region, rolled up over every ACTIVE region below it." })
export class CoverageReport {
  @Field(() => RegionRef, { description: "区域 (region) reported on." })
  region!: RegionRef;

  @Field(() => scalars.GraphQLDate, { description: "评估日期 (as of): the date the rules were evaluated on." })
  asOf!: string;

  @Field(() => TwoNewCoverage, { description: "两新组织覆盖 (two-new organization coverage)." })
  twoNew!: TwoNewCoverage;

  @Field(() => VillageCoverage, { description: "村 (villages) and how their organization stands." })
  villages!: VillageCoverage;

  @Field(() => [GapCount], { description: "各类问题数 (gap counts): one entry per GapKind, zeros included." })
  gapCounts!: GapCount[];

  @Field(() => [CoverageReport], {
    description: "下级区域报告 (child reports): reports of the ACTIVE child regions, as deep as asked.",
  })
  children!: CoverageReport[];
}

@ObjectType({ description: "问题 (gap): which rule, which subject, where, and why." })
export class CoverageGap {
  @Field(() => GapKind, { description: "问题类型 (gap kind)." })
  kind!: GapKindName;

  @Field(() => ID, { description: "对象标识 (subject id): the region code for regions, the id otherwise." })
  subjectId!: string;

  @Field(() => String, { description: "对象名称 (subject name)." })
  subjectName!: string;

  @Field(() => String, {
    description: "对象类型 (subject label): Region, TwoNewOrganization, JointCouncil or PartyOrganization.",
  })
  subjectLabel!: string;

  @Field(() => String, {
    description:
      "所在区域 (region code): where the subject is, the region itself, where it is located or based, or what it serves.",
  })
  regionCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "所属村 (village code): the village the subject rolls up to, a village itself, a grid's nearest ACTIVE village, the village of the region it is located or based in; null for none.",
  })
  villageCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "所属镇 (town code): that village's town, or the subject's own town when it is a town or sits in one; null for none.",
  })
  townCode!: string | null;

  @Field(() => [OrgLifeEventKind], {
    description:
      "缺少的组织生活 (missing kinds): for ORG_LIFE_OVERDUE, the required kinds of organizational life without an event in their window; empty for other kinds.",
  })
  missingKinds!: OrgLifeEventKindName[];

  /** Why, as values; `reason` and `reasonLabel` word them (CoverageGapResolver). */
  reasonValues!: GapReasonValuesOfAnyKind;
}

@ObjectType({ description: "问题清单条目 (gap list edge)." })
export class CoverageGapEdge {
  @Field(() => String, { description: "游标 (cursor) of this gap." })
  cursor!: string;

  @Field(() => CoverageGap, { description: "问题 (gap)." })
  node!: CoverageGap;
}

@ObjectType({ description: "问题清单 (gap list): one page of gaps." })
export class CoverageGapConnection {
  @Field(() => [CoverageGapEdge], { description: "条目 (edges) of this page." })
  edges!: CoverageGapEdge[];

  @Field(() => PageInfo, { description: "分页信息 (page info)." })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "总数 (total count) of the filtered list." })
  totalCount!: number;
}

@ObjectType({ description: "组织链中的党组织 (Party organization in a chain)." })
export class ChainOrganization {
  @Field(() => ID, { description: "标识 (id)." })
  id!: string;

  @Field(() => String, { description: "名称 (name)." })
  name!: string;

  @Field(() => String, {
    description:
      '组织形式 (kind): COMMITTEE, GENERAL_BRANCH, BRANCH … (labels: enumLabels(enum: "PartyOrganizationKind")).',
  })
  kind!: string;
}

@ObjectType({ description: "党员中心户 (central household) and the households it keeps in touch with." })
export class ChainCentralHousehold {
  @Field(() => ID, { description: "人员标识 (person id)." })
  personId!: string;

  @Field(() => String, { description: "姓名 (name)." })
  name!: string;

  @Field(() => Int, { nullable: true, description: "联系农户数 (households kept in touch with)." })
  households!: number | null;
}

@ObjectType({ description: "组织链中的网格 (grid in a chain)." })
export class ChainGrid {
  @Field(() => String, { description: "区划代码 (grid code)." })
  code!: string;

  @Field(() => String, { description: "名称 (name)." })
  name!: string;

  @Field(() => ChainOrganization, {
    nullable: true,
    description: "网格党组织 (grid Party organization) under the village organization.",
  })
  gridOrganization!: ChainOrganization | null;

  @Field(() => [ChainCentralHousehold], { description: "党员中心户 (central households) of this grid." })
  centralHouseholds!: ChainCentralHousehold[];

  @Field(() => Int, { description: "下级网格数 (grids below this one): an absorbed village keeps its own grids." })
  subGrids!: number;

  @Field(() => Int, { description: "党员中心户总数 (central households in this grid and every grid below it)." })
  centralHouseholdsBelow!: number;
}

@ObjectType({ description: "组织链 (organization chain) 镇党委—村党组织—网格党组织—党员中心户 of one village." })
export class OrganizationChain {
  @Field(() => RegionRef, { description: "村 (village)." })
  village!: RegionRef;

  @Field(() => RegionRef, { nullable: true, description: "所属镇 (town) of the village." })
  town!: RegionRef | null;

  @Field(() => ChainOrganization, {
    nullable: true,
    description: "镇党委 (town Party committee): the active town organization the village org is subordinate to.",
  })
  townOrganization!: ChainOrganization | null;

  @Field(() => ChainOrganization, { nullable: true, description: "村党组织 (village Party organization)." })
  villageOrganization!: ChainOrganization | null;

  @Field(() => [ChainGrid], { description: "网格 (grids) directly under the village." })
  grids!: ChainGrid[];

  @Field(() => Boolean, { description: "完整 (complete): all four links hold." })
  complete!: boolean;

  @Field(() => [String], {
    description:
      "缺失环节 (what breaks the chain), in English words; empty when complete. missingLabels has the Chinese too.",
  })
  missing!: string[];

  @Field(() => [BilingualText], {
    description:
      "缺失环节 (what breaks the chain) in Chinese and English, as missing and in its order, worded from one table (src/domain/reasons.ts).",
  })
  missingLabels!: Label[];
}
