import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { Field, ID, InputType, Int } from "type-graphql";
import { OrgLifeEventKind } from "../domain/enums.js";

@InputType({ description: "One meeting of a Party organization's organizational life (三会一课, 主题党日, 组织生活会, 民主评议)." })
export class RecordOrgLifeEventInput {
  @Field(() => ID, { description: "The Party organization that held it." })
  organizationId!: string;

  @Field(() => OrgLifeEventKind)
  kind!: OrgLifeEventKind;

  @Field(() => scalars.GraphQLDate, { description: "Not after today, not before the organization was founded." })
  heldOn!: Neo4jDate;

  @Field(() => Int, { nullable: true, description: "0 or more." })
  attendees?: number | null;

  @Field(() => String, { nullable: true, description: "At most 2,000 characters." })
  topic?: string | null;
}
