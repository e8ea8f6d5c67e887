import { Authorized, Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../graphql/context.js";

@ObjectType({ description: "当前用户 (signed-in principal): what its token lets it do and see." })
export class Me {
  @Field(() => String, { description: "用户 (subject): the token's sub, recorded as the actor of every write." })
  subject!: string;

  @Field(() => String, {
    description: '角色 (role): ADMIN, EDITOR, PLANNER, ANALYST or VIEWER (labels: enumLabels(enum: "Role")).',
  })
  role!: string;

  @Field(() => [String], {
    description:
      "权限范围 (region scope): region codes it sees, each with everything below; ADMIN sees all regions whatever this holds.",
  })
  regions!: string[];
}

@Resolver()
export class AuthResolver {
  @Authorized()
  @Query(() => Me, { description: "当前用户 (me): who the request's token names." })
  me(@Ctx() ctx: RequestContext): Me {
    return ctx.principal;
  }
}
