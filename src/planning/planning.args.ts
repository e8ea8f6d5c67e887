import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { Field, Float, InputType, Int } from "type-graphql";

@InputType()
export class MergeGroupInput {
  @Field(() => String, { description: "The new village's name, e.g. 沟东新村." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Its 12-digit code in the town; the smallest unused one when omitted." })
  code?: string | null;

  @Field(() => [String], { description: "At least two ACTIVE villages of the town, each in one group only." })
  villageCodes!: string[];
}

@InputType()
export class MergeInput {
  @Field(() => String)
  townCode!: string;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "The date the rules are evaluated on; default today." })
  asOf?: Neo4jDate | null;

  @Field(() => [MergeGroupInput])
  groups!: MergeGroupInput[];
}

@InputType({ description: "Constraints for suggestMerges; defaults in parentheses." })
export class SuggestOptions {
  @Field(() => Int, { nullable: true, description: "Fewest villages in a group (2)." })
  minGroupSize?: number | null;

  @Field(() => Int, { nullable: true, description: "Most villages in a group (5)." })
  maxGroupSize?: number | null;

  @Field(() => Float, { nullable: true, description: "Largest distance between two villages of a group, km (5)." })
  maxSpreadKm?: number | null;

  @Field(() => Int, { nullable: true, description: "Fewest households of a new village (300)." })
  minHouseholds?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether each group needs a strong village (true)." })
  requireStrongVillage?: boolean | null;

}
