import { scalars } from "../util/scalars.js";
import { Field, ID, ObjectType } from "type-graphql";
import { CouncilCapacity, JointCouncilKind } from "../domain/enums.js";

@ObjectType({
  description: "联席会议 / 议事会 (joint council): a 区域化党建联席会议 or 共建议事会 as the domain writes return it.",
})
export class JointCouncilRecord {
  @Field(() => ID, { description: "标识 (id) of the council." })
  id!: string;

  @Field(() => String, { description: "名称 (name)." })
  name!: string;

  @Field(() => JointCouncilKind, { description: "类型 (kind): 区域化党建联席会议 or 共建议事会." })
  kind!: JointCouncilKind;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "成立日期 (established on)." })
  establishedOn!: string | null;

  @Field(() => [String], { description: "服务区域 (regions served): their codes." })
  serves!: string[];

  @Field(() => [ID], { description: "召集单位 (conveners): ids of the Party organizations convening it." })
  conveners!: string[];

  @Field(() => scalars.GraphQLDate, {
    nullable: true,
    description: "最近会议日期 (latest meeting); null when it never met.",
  })
  lastMeetingOn!: string | null;
}

@ObjectType({ description: "议事会会议 (council meeting) as recordCouncilMeeting returns it." })
export class CouncilMeetingRecord {
  @Field(() => ID, { description: "标识 (id) of the meeting." })
  id!: string;

  @Field(() => scalars.GraphQLDate, { description: "召开日期 (held on)." })
  heldOn!: string;

  @Field(() => [String], { description: "议题 (topics)." })
  topics!: string[];

  @Field(() => [String], { description: "决议 (resolutions)." })
  resolutions!: string[];
}

@ObjectType({ description: "议事会成员 (council membership) as addCouncilMember returns it." })
export class CouncilMembershipRecord {
  @Field(() => ID, { description: "议事会 (council) id." })
  councilId!: string;

  @Field(() => ID, { description: "成员 (member) id." })
  memberId!: string;

  @Field(() => String, {
    description:
      "成员类型 (member label): PartyOrganization, Institution, TwoNewOrganization (成员单位, member units) or Person.",
  })
  memberLabel!: string;

  @Field(() => CouncilCapacity, { nullable: true, description: "成员身份 (capacity): for persons (SITS_ON)." })
  capacity!: CouncilCapacity | null;
}
