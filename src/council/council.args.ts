import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { Field, ID, InputType } from "type-graphql";
import { CouncilCapacity, JointCouncilKind } from "../domain/enums.js";

@InputType()
export class CreateJointCouncilInput {
  @Field(() => String)
  name!: string;

  @Field(() => JointCouncilKind, { description: "REGIONAL_JOINT_MEETING serves towns; CO_BUILDING_COUNCIL serves villages." })
  kind!: JointCouncilKind;

  @Field(() => scalars.GraphQLDate, { nullable: true })
  establishedOn?: Neo4jDate | null;

  @Field(() => [String], { description: "Codes of the ACTIVE regions it serves." })
  servesRegionCodes!: string[];

  @Field(() => ID, { description: "The convening party organization: the town's for a joint meeting, the village's for a co-building council." })
  convenerId!: string;
}

@InputType()
export class RecordCouncilMeetingInput {
  @Field(() => ID)
  councilId!: string;

  @Field(() => scalars.GraphQLDate, { description: "Not in the future." })
  heldOn!: Neo4jDate;

  @Field(() => [String], { nullable: true })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true })
  resolutions?: string[] | null;
}

@InputType()
export class AddCouncilMemberInput {
  @Field(() => ID)
  councilId!: string;

  @Field(() => ID, { description: "A party organization, institution or two-new organization (member unit), or a person." })
  memberId!: string;

  @Field(() => CouncilCapacity, { nullable: true, description: "Required for a person." })
  capacity?: CouncilCapacity | null;
}
