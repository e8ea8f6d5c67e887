import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { Field, ID, InputType, Int } from "type-graphql";
import { OrgLifeEventKind } from "../domain/enums.js";

@InputType({
  description:
    "组织生活 (organizational life): one meeting of a Party organization (三会一课, 主题党日, 组织生活会, 民主评议).",
})
export class RecordOrgLifeEventInput {
  @Field(() => ID, { description: "党组织 (Party organization) that held it." })
  organizationId!: string;

  @Field(() => OrgLifeEventKind, { description: "类型 (kind) of organizational life." })
  kind!: OrgLifeEventKind;

  @Field(() => scalars.GraphQLDate, {
    description: "召开日期 (held on): not after today, not before the organization was founded.",
  })
  heldOn!: Neo4jDate;

  @Field(() => Int, { nullable: true, description: "参会人数 (attendees): 0 or more." })
  attendees?: number | null;

  @Field(() => String, { nullable: true, description: "主题 (topic): at most 2,000 characters." })
  topic?: string | null;
}
