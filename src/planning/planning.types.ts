import { scalars } from "../util/scalars.js";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { GapCount } from "../coverage/coverage.types.js";

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

@ObjectType({ description: "Something a planner should look at before applying; codes are stable." })
export class PlanningWarning {
  @Field(() => String, { description: "SPREAD_TOO_LARGE, ONLY_WEAK_VILLAGES, NO_SECRETARY_CANDIDATE, TOO_FEW_HOUSEHOLDS, NO_SHARED_INDUSTRY" })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: "Someone who could lead the new village's Party organization, with the score's reasons." })
export class SecretaryCandidate {
  @Field(() => ID)
  personId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  villageCode!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => [String], { description: "What the score is made of, e.g. '+3 secretary of 沟东村'." })
  reasons!: string[];
}

@ObjectType({ description: "One proposed new village: what it would be, what it inherits, and warnings." })
export class GroupSimulation {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The new village's code (given, or the smallest unused one in the town)." })
  code!: string;

  @Field(() => [String])
  villageCodes!: string[];

  @Field(() => Int)
  population!: number;

  @Field(() => Int)
  households!: number;

  @Field(() => Float, { description: "万元, summed." })
  collectiveIncome!: number;

  @Field(() => Int, { description: "Distinct formal members of the absorbed village orgs and their grid orgs." })
  formalMembers!: number;

  @Field(() => Int)
  probationaryMembers!: number;

  @Field(() => String, { description: "The form rule on formalMembers: COMMITTEE, GENERAL_BRANCH, BRANCH or PARTY_GROUP." })
  recommendedOrgKind!: string;

  @Field(() => Int, { description: "Grids of the new village: the absorbed villages plus the grids below them." })
  grids!: number;

  @Field(() => Float, { description: "Largest great-circle distance between two absorbed villages, km." })
  spreadKm!: number;

  @Field(() => GeoPoint, { nullable: true })
  centroid!: GeoPoint | null;

  @Field(() => [String], { description: "Union of the absorbed villages' industries." })
  industries!: string[];

  @Field(() => Float, { description: "Share of absorbed villages having the group's most common industry (产业相融)." })
  sharedIndustryRatio!: number;

  @Field(() => Int)
  weakVillages!: number;

  @Field(() => Int, { description: "Villages with collective income at or above the strong threshold." })
  strongVillages!: number;

  @Field(() => Int, { description: "ACTIVE pairings the new organization becomes a party to." })
  inheritedPairings!: number;

  @Field(() => Int)
  cooperatives!: number;

  @Field(() => Int)
  twoNewOrganizations!: number;

  @Field(() => Int)
  councils!: number;

  @Field(() => Int)
  serviceCenters!: number;

  @Field(() => [SecretaryCandidate], { description: "Best first." })
  secretaryCandidates!: SecretaryCandidate[];

  @Field(() => [PlanningWarning])
  warnings!: PlanningWarning[];
}

@ObjectType({ description: "The town before and after, by the coverage rules of DOMAIN.md." })
export class TownImpact {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  villagesBefore!: number;

  @Field(() => Int)
  villagesAfter!: number;

  @Field(() => [GapCount])
  gapsBefore!: GapCount[];

  @Field(() => [GapCount])
  gapsAfter!: GapCount[];
}

@ObjectType({ description: "What a merge would do, measured by really applying it in a transaction that is rolled back." })
export class MergeSimulation {
  @Field(() => [GroupSimulation], { description: "In input order." })
  groups!: GroupSimulation[];

  @Field(() => TownImpact)
  town!: TownImpact;

  @Field(() => [String], { description: "ACTIVE villages of the town in no group, with the reason (suggestions only)." })
  leftAlone!: string[];
}

@ObjectType()
export class ScenarioGroup {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  code!: string;

  @Field(() => [String])
  villageCodes!: string[];
}

@ObjectType({ description: "A saved village layout adjustment (MergeScenario)." })
export class MergeScenarioRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "DRAFT, APPLIED, REVERTED or DISCARDED." })
  status!: string;

  @Field(() => String)
  townCode!: string;

  @Field(() => scalars.GraphQLDateTime)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  createdBy!: string | null;

  @Field(() => scalars.GraphQLDateTime, { nullable: true })
  appliedAt!: string | null;

  @Field(() => [ScenarioGroup])
  groups!: ScenarioGroup[];
}

@ObjectType()
export class ScenarioComparison {
  @Field(() => MergeScenarioRecord)
  scenario!: MergeScenarioRecord;

  @Field(() => MergeSimulation)
  simulation!: MergeSimulation;
}
