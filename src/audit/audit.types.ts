import { scalars } from "../util/scalars.js";
import { ArgsType, Extensions, Field, Int, ObjectType } from "type-graphql";
import { PAGE_SIZE_BOUNDS } from "../util/relay.js";

@ObjectType({ description: "One write: who, when, which operation, on which ids and regions." })
export class AuditEntry {
  @Field(() => String)
  id!: string;

  @Field(() => scalars.GraphQLDateTime)
  at!: string;

  @Field(() => String, { description: "The token's subject (sub); `system` for the platform itself, `cli:<user>` for commands." })
  actor!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { description: "The mutation (or command) that wrote." })
  operation!: string;

  @Field(() => [String], { description: "Ids (region codes for regions) it created or changed." })
  subjectIds!: string[];

  @Field(() => [String], { description: "Regions it touched: given, and where its subjects are." })
  regionCodes!: string[];
}

@ObjectType({ description: "A page of the audit trail, newest first." })
export class AuditTrail {
  @Field(() => [AuditEntry])
  entries!: AuditEntry[];

  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor!: string | null;
}

@ArgsType()
export class AuditTrailArgs {
  @Field(() => scalars.GraphQLDateTime, { nullable: true, description: "Entries at or after this instant." })
  from?: unknown;

  @Field(() => scalars.GraphQLDateTime, { nullable: true, description: "Entries before this instant." })
  to?: unknown;

  @Field(() => String, { nullable: true })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: "e.g. createPairing, applyMergeScenario, updateRegions, import." })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "Entries touching this region or a region below it." })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true, description: "Page size, 50 by default, 500 at most." })
  @Extensions(PAGE_SIZE_BOUNDS)
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
