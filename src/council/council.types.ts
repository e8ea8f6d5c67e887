import { scalars } from "../util/scalars.js";
import { Field, ID, ObjectType } from "type-graphql";
import { CouncilCapacity, JointCouncilKind } from "../domain/enums.js";

@ObjectType({ description: "A joint council (区域化党建联席会议 / 共建议事会) as the domain writes return it." })
export class JointCouncilRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => JointCouncilKind)
  kind!: JointCouncilKind;

  @Field(() => scalars.GraphQLDate, { nullable: true })
  establishedOn!: string | null;

  @Field(() => [String], { description: "Codes of the regions it serves." })
  serves!: string[];

  @Field(() => [ID], { description: "Ids of the party organizations convening it." })
  conveners!: string[];

  @Field(() => scalars.GraphQLDate, { nullable: true })
  lastMeetingOn!: string | null;
}

@ObjectType()
export class CouncilMeetingRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => scalars.GraphQLDate)
  heldOn!: string;

  @Field(() => [String])
  topics!: string[];

  @Field(() => [String])
  resolutions!: string[];
}

@ObjectType()
export class CouncilMembershipRecord {
  @Field(() => ID)
  councilId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { description: "PartyOrganization, Institution, TwoNewOrganization (member units) or Person." })
  memberLabel!: string;

  @Field(() => CouncilCapacity, { nullable: true, description: "For persons (SITS_ON)." })
  capacity!: CouncilCapacity | null;
}
