import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { Field, Float, InputType, Int } from "type-graphql";

@InputType({ description: "拟建新村 (proposed new village): one group of a merge." })
export class MergeGroupInput {
  @Field(() => String, { description: "新村名称 (name), e.g. 沟东新村." })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "新村代码 (code): 12 digits in the town; the smallest unused one when omitted.",
  })
  code?: string | null;

  @Field(() => [String], {
    description: "合并的村 (villages to merge): at least two ACTIVE villages of the town, each in one group only.",
  })
  villageCodes!: string[];
}

@InputType({ description: "村庄布局调整 (village layout adjustment) of one town." })
export class MergeInput {
  @Field(() => String, { description: "所属镇 (town code)." })
  townCode!: string;

  @Field(() => scalars.GraphQLDate, {
    nullable: true,
    description: "评估日期 (as of): the date the rules are evaluated on; default today.",
  })
  asOf?: Neo4jDate | null;

  @Field(() => [MergeGroupInput], { description: "分组 (groups): the new villages." })
  groups!: MergeGroupInput[];

  @Field(() => Int, {
    nullable: true,
    description:
      "目标村数 (target villages): the number of villages (村, not 居委会) the town should have after merging, recorded with a saved scenario (as suggestMerges' options.targetVillages); from 1 to the town's ACTIVE villages.",
  })
  targetVillages?: number | null;
}

@InputType({ description: "建议条件 (suggestion constraints) for suggestMerges; defaults in parentheses." })
export class SuggestOptions {
  @Field(() => Int, { nullable: true, description: "每组最少村数 (fewest villages in a group), 2." })
  minGroupSize?: number | null;

  @Field(() => Int, { nullable: true, description: "每组最多村数 (most villages in a group), 5." })
  maxGroupSize?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "最大间距 (largest distance between two villages of a group), km, 5.",
  })
  maxSpreadKm?: number | null;

  @Field(() => Int, { nullable: true, description: "新村最少户数 (fewest households of a new village), 300." })
  minHouseholds?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "强村带弱村 (whether each group needs a strong village), true.",
  })
  requireStrongVillage?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "目标村数 (target villages): the number of villages (村; 居委会 are never merged or counted) the town should have after merging, from 1 to the villages it has, e.g. the county's target. The suggestion then merges (or merges less) until it has that many, within the limits: maxGroupSize and maxSpreadKm, when not given, stretch to 30 villages and twice RULE_MERGE_MAX_SPREAD_KM. `target` of the answer says how close it got and which rule stopped it. None: the default grouping alone.",
  })
  targetVillages?: number | null;
}
