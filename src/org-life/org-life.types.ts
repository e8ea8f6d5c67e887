import { scalars } from "../util/scalars.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { OrgLifeEventKind } from "../domain/enums.js";

@ObjectType({ description: "组织生活 (organizational-life event) as recordOrgLifeEvents returns it." })
export class OrgLifeEventRecord {
  @Field(() => ID, { description: "标识 (id) of the event." })
  id!: string;

  @Field(() => ID, { description: "党组织 (Party organization) that held it." })
  organizationId!: string;

  @Field(() => OrgLifeEventKind, { description: "类型 (kind): 党员大会, 党课, 主题党日 …" })
  kind!: OrgLifeEventKind;

  @Field(() => scalars.GraphQLDate, { description: "召开日期 (held on)." })
  heldOn!: string;

  @Field(() => Int, { nullable: true, description: "参会人数 (attendees)." })
  attendees!: number | null;

  @Field(() => String, { nullable: true, description: "主题 (topic)." })
  topic!: string | null;

  @Field(() => Boolean, {
    description:
      "新建 (created): false when the organization already had an event of this kind on this day (then it is that event).",
  })
  created!: boolean;
}

@ObjectType({ description: "组织生活记录结果 (what one recordOrgLifeEvents call wrote), in one transaction." })
export class OrgLifeEventsRecorded {
  @Field(() => [OrgLifeEventRecord], {
    description: "组织生活 (events): one per distinct organization, kind and date of the input, in input order.",
  })
  events!: OrgLifeEventRecord[];

  @Field(() => Int, { description: "新建数 (created): events that did not exist before." })
  created!: number;

  @Field(() => Int, {
    description:
      "已有数 (existing): events that existed already (same organization, kind and date); given attendees and topic replace theirs.",
  })
  existing!: number;
}
