import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { ArgsType, Extensions, Field, Int } from "type-graphql";
import { PAGE_SIZE_BOUNDS } from "../util/relay.js";
import type { GapKindName } from "../domain/gap-kinds.js";
import { GapKind } from "./coverage.types.js";

@ArgsType()
export class CoverageReportArgs {
  @Field(() => String, { description: "区划代码 (region code) to report on, e.g. 370285000000 (莱西市)." })
  regionCode!: string;

  @Field(() => scalars.GraphQLDate, {
    nullable: true,
    description: "评估日期 (as of): the date to evaluate the rules on; default today.",
  })
  asOf?: Neo4jDate | null;

  @Field(() => Int, { defaultValue: 1, description: "层数 (depth): how many levels of child reports, 0 to 5." })
  depth!: number;
}

@ArgsType()
export class CoverageGapsArgs {
  @Field(() => String, { description: "区划代码 (region code) whose gaps to list." })
  regionCode!: string;

  @Field(() => [GapKind], { nullable: true, description: "问题类型 (kinds): only these; all when omitted or empty." })
  kinds?: GapKindName[] | null;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "评估日期 (as of): default today." })
  asOf?: Neo4jDate | null;

  @Field(() => String, {
    nullable: true,
    description: "所属村 (village code): only gaps whose subject rolls up to this village (their villageCode).",
  })
  villageCode?: string | null;

  @Field(() => String, { nullable: true, description: "所属镇 (town code): only gaps whose townCode is this town." })
  townCode?: string | null;

  @Field(() => Int, { nullable: true, description: "每页条数 (page size): 50 by default, 500 at most." })
  @Extensions(PAGE_SIZE_BOUNDS)
  first?: number | null;

  @Field(() => String, { nullable: true, description: "游标 (cursor): the endCursor of the previous page." })
  after?: string | null;
}

@ArgsType()
export class OrganizationChainArgs {
  @Field(() => String, { description: "村的区划代码 (village code)." })
  villageCode!: string;
}
