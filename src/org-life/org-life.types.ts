import { scalars } from "../util/scalars.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { OrgLifeEventKind } from "../domain/enums.js";

@ObjectType({ description: "An organizational-life event as recordOrgLifeEvents returns it." })
export class OrgLifeEventRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => OrgLifeEventKind)
  kind!: OrgLifeEventKind;

  @Field(() => scalars.GraphQLDate)
  heldOn!: string;

  @Field(() => Int, { nullable: true })
  attendees!: number | null;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => Boolean, { description: "False when the organization already had an event of this kind on this day (then it is that event)." })
  created!: boolean;
}

@ObjectType({ description: "What one recordOrgLifeEvents call wrote, in one transaction." })
export class OrgLifeEventsRecorded {
  @Field(() => [OrgLifeEventRecord], { description: "One per distinct organization, kind and date of the input, in input order." })
  events!: OrgLifeEventRecord[];

  @Field(() => Int, { description: "Events that did not exist before." })
  created!: number;

  @Field(() => Int, { description: "Events that existed already (same organization, kind and date): given attendees and topic replace theirs." })
  existing!: number;
}
