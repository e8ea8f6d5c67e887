import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { Field, ID, InputType } from "type-graphql";
import { CouncilCapacity, JointCouncilKind } from "../domain/enums.js";

@InputType({ description: "新建联席会议 / 议事会 (new joint council)." })
export class CreateJointCouncilInput {
  @Field(() => String, { description: "名称 (name)." })
  name!: string;

  @Field(() => JointCouncilKind, {
    description:
      "类型 (kind): REGIONAL_JOINT_MEETING (区域化党建联席会议) serves towns; CO_BUILDING_COUNCIL (共建议事会) serves villages.",
  })
  kind!: JointCouncilKind;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "成立日期 (established on)." })
  establishedOn?: Neo4jDate | null;

  @Field(() => [String], { description: "服务区域 (regions served): codes of the ACTIVE regions it serves." })
  servesRegionCodes!: string[];

  @Field(() => ID, {
    description:
      "召集单位 (convener): the Party organization convening it, the town's for a joint meeting, the village's for a co-building council.",
  })
  convenerId!: string;
}

@InputType({ description: "议事会会议 (council meeting) to record." })
export class RecordCouncilMeetingInput {
  @Field(() => ID, { description: "议事会 (council) id." })
  councilId!: string;

  @Field(() => scalars.GraphQLDate, { description: "召开日期 (held on): not in the future." })
  heldOn!: Neo4jDate;

  @Field(() => [String], { nullable: true, description: "议题 (topics)." })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: "决议 (resolutions)." })
  resolutions?: string[] | null;
}

@InputType({ description: "新增议事会成员 (new council member)." })
export class AddCouncilMemberInput {
  @Field(() => ID, { description: "议事会 (council) id." })
  councilId!: string;

  @Field(() => ID, {
    description:
      "成员 (member): a Party organization, institution or two-new organization (成员单位, member unit), or a person.",
  })
  memberId!: string;

  @Field(() => CouncilCapacity, { nullable: true, description: "成员身份 (capacity): required for a person." })
  capacity?: CouncilCapacity | null;
}
