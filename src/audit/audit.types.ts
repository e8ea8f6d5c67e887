import { scalars } from "../util/scalars.js";
import { ArgsType, Extensions, Field, Int, ObjectType } from "type-graphql";
import { PAGE_SIZE_BOUNDS } from "../util/relay.js";

@ObjectType({ description: "审计记录 (audit entry): one write: who, when, which operation, on which ids and regions." })
export class AuditEntry {
  @Field(() => String, { description: "标识 (id) of the entry." })
  id!: string;

  @Field(() => scalars.GraphQLDateTime, { description: "时间 (at): when the write committed." })
  at!: string;

  @Field(() => String, {
    description: "操作人 (actor): the token's subject (sub); system for the platform itself, cli:<user> for commands.",
  })
  actor!: string;

  @Field(() => String, { description: "角色 (role) of the actor's token." })
  role!: string;

  @Field(() => String, { description: "操作 (operation): the mutation (or command) that wrote." })
  operation!: string;

  @Field(() => [String], { description: "对象 (subject ids): ids (region codes for regions) it created or changed." })
  subjectIds!: string[];

  @Field(() => [String], { description: "涉及区域 (regions) it touched: given, and where its subjects are." })
  regionCodes!: string[];
}

@ObjectType({ description: "审计日志 (audit trail): a page of entries, newest first." })
export class AuditTrail {
  @Field(() => [AuditEntry], { description: "审计记录 (entries) of this page." })
  entries!: AuditEntry[];

  @Field(() => Boolean, { description: "有下一页 (has next page)." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "结束游标 (end cursor): pass it as after for the next page." })
  endCursor!: string | null;
}

@ArgsType()
export class AuditTrailArgs {
  @Field(() => scalars.GraphQLDateTime, {
    nullable: true,
    description: "起始时间 (from): entries at or after this instant.",
  })
  from?: unknown;

  @Field(() => scalars.GraphQLDateTime, { nullable: true, description: "截止时间 (to): entries before this instant." })
  to?: unknown;

  @Field(() => String, { nullable: true, description: "操作人 (actor): only this token subject's entries." })
  actor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "操作 (operation): e.g. createPairing, applyMergeScenario, updateRegions, import.",
  })
  operation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "区划代码 (region code): entries touching this region or a region below it.",
  })
  regionCode?: string | null;

  @Field(() => Int, { nullable: true, description: "每页条数 (page size): 50 by default, 500 at most." })
  @Extensions(PAGE_SIZE_BOUNDS)
  first?: number | null;

  @Field(() => String, { nullable: true, description: "游标 (cursor): the endCursor of the previous page." })
  after?: string | null;
}
