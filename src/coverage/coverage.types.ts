import { scalars } from "../util/scalars.js";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../util/relay.js";
import { OrgLifeEventKind } from "../domain/enums.js";
import { GAP_KINDS, type GapKindName } from "../domain/gap-kinds.js";
import type { OrgLifeEventKindName } from "../domain/org-life.js";
import { GAP_KIND_LABELS, valueDescriptions } from "../domain/labels.js";

export const GapKind = Object.fromEntries(GAP_KINDS.map((kind) => [kind, kind])) as { [K in GapKindName]: K };
registerEnumType(GapKind, {
  name: "GapKind",
  description: "问题类型 (gap kind): a coverage rule of DOMAIN.md (section Coverage rules, table Gaps) that a subject breaks.",
  valuesConfig: valueDescriptions(GAP_KIND_LABELS),
});

@ObjectType({ description: "A region as reports name it." })
export class RegionRef {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "CITY, DISTRICT, TOWN, COMMUNITY, VILLAGE or GRID." })
  level!: string;
}

@ObjectType({ description: "Two-new organizations located in the region, by coverage class." })
export class TwoNewCoverage {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: "Covered by an active Party organization (any mode)." })
  organizational!: number;

  @Field(() => Int, { description: "Not organizationally covered, but work-covered or instructed." })
  workOnly!: number;

  @Field(() => Int)
  none!: number;

  @Field(() => Float, { nullable: true, description: "organizational / total; null when total is 0." })
  orgCoverageRate!: number | null;

  @Field(() => Float, { nullable: true, description: "(organizational + workOnly) / total; null when total is 0." })
  workCoverageRate!: number | null;
}

@ObjectType({ description: "ACTIVE villages in the region and how their organization stands." })
export class VillageCoverage {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: "With an active village Party organization." })
  withPartyOrg!: number;

  @Field(() => Int, { description: "With a complete chain 镇党委—村党组织—网格党组织—党员中心户." })
  chainComplete!: number;

  @Field(() => Int, { description: "Whose secretary is also village committee director (一肩挑)." })
  secretaryIsDirector!: number;

  @Field(() => Int, { description: "Whose secretary also chairs the collective economic organization." })
  secretaryIsCollectiveHead!: number;

  @Field(() => Int, { description: "Weak: the village org is 软弱涣散, or collective income is below the threshold." })
  weak!: number;

  @Field(() => Int, { description: "One of whose ACTIVE village orgs LEADS a PROFESSIONAL or UNION cooperative (党组织领办合作社)." })
  withPartyLedCooperative!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "党员联系农户: the households on every CENTRAL_HOUSEHOLD_OF a grid in the region, divided by the households of its ACTIVE villages " +
      "(both summed over the region); null when the villages' households sum to 0. Not capped: above 1 points at bad data.",
  })
  centralHouseholdReach!: number | null;
}

@ObjectType()
export class GapCount {
  @Field(() => GapKind)
  kind!: GapKindName;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Coverage of a region, rolled up over every ACTIVE region below it." })
export class CoverageReport {
  @Field(() => RegionRef)
  region!: RegionRef;

  @Field(() => scalars.GraphQLDate, { description: "The date the rules were evaluated on." })
  asOf!: string;

  @Field(() => TwoNewCoverage)
  twoNew!: TwoNewCoverage;

  @Field(() => VillageCoverage)
  villages!: VillageCoverage;

  @Field(() => [GapCount], { description: "One entry per GapKind, zeros included." })
  gapCounts!: GapCount[];

  @Field(() => [CoverageReport], { description: "Reports of the ACTIVE child regions, as deep as asked." })
  children!: CoverageReport[];
}

@ObjectType({ description: "One gap: which rule, which subject, where, and why." })
export class CoverageGap {
  @Field(() => GapKind)
  kind!: GapKindName;

  @Field(() => ID, { description: "The region code for regions, the id otherwise." })
  subjectId!: string;

  @Field(() => String)
  subjectName!: string;

  @Field(() => String, { description: "Region, TwoNewOrganization, JointCouncil or PartyOrganization." })
  subjectLabel!: string;

  @Field(() => String, { description: "Where the subject is: the region itself, where it is located or based, or what it serves." })
  regionCode!: string;

  @Field(() => String, {
    nullable: true,
    description: "The village the subject rolls up to: a village itself, a grid's nearest ACTIVE village, the village of the region it is located or based in; null for none.",
  })
  villageCode!: string | null;

  @Field(() => String, { nullable: true, description: "That village's town, or the subject's own town when it is a town or sits in one; null for none." })
  townCode!: string | null;

  @Field(() => [OrgLifeEventKind], { description: "ORG_LIFE_OVERDUE: the required kinds of organizational life without an event in their window; empty for other kinds." })
  missingKinds!: OrgLifeEventKindName[];

  @Field(() => String)
  reason!: string;
}

@ObjectType()
export class CoverageGapEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CoverageGap)
  node!: CoverageGap;
}

@ObjectType()
export class CoverageGapConnection {
  @Field(() => [CoverageGapEdge])
  edges!: CoverageGapEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class ChainOrganization {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  kind!: string;
}

@ObjectType({ description: "A 党员中心户 and the households it keeps in touch with." })
export class ChainCentralHousehold {
  @Field(() => ID)
  personId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true })
  households!: number | null;
}

@ObjectType()
export class ChainGrid {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ChainOrganization, { nullable: true, description: "Its grid Party organization under the village organization." })
  gridOrganization!: ChainOrganization | null;

  @Field(() => [ChainCentralHousehold])
  centralHouseholds!: ChainCentralHousehold[];

  @Field(() => Int, { description: "Grids below this one (an absorbed village keeps its own grids)." })
  subGrids!: number;

  @Field(() => Int, { description: "Central households in this grid and every grid below it." })
  centralHouseholdsBelow!: number;
}

@ObjectType({ description: "The chain 镇党委—村党组织—网格党组织—党员中心户 of one village." })
export class OrganizationChain {
  @Field(() => RegionRef)
  village!: RegionRef;

  @Field(() => RegionRef, { nullable: true })
  town!: RegionRef | null;

  @Field(() => ChainOrganization, { nullable: true, description: "The active town organization the village org is subordinate to." })
  townOrganization!: ChainOrganization | null;

  @Field(() => ChainOrganization, { nullable: true })
  villageOrganization!: ChainOrganization | null;

  @Field(() => [ChainGrid])
  grids!: ChainGrid[];

  @Field(() => Boolean)
  complete!: boolean;

  @Field(() => [String], { description: "What breaks the chain, in words; empty when complete." })
  missing!: string[];
}
