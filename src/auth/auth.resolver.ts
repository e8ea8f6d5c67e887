import { Authorized, Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../graphql/context.js";

@ObjectType({ description: "The signed-in principal: what its token lets it do and see." })
export class Me {
  @Field(() => String)
  subject!: string;

  @Field(() => String, { description: "ADMIN, EDITOR, PLANNER, ANALYST or VIEWER." })
  role!: string;

  @Field(() => [String], { description: "Region codes it sees, each with everything below; ADMIN sees all regions whatever this holds." })
  regions!: string[];
}

@Resolver()
export class AuthResolver {
  @Authorized()
  @Query(() => Me, { description: "Who the request's token names." })
  me(@Ctx() ctx: RequestContext): Me {
    return ctx.principal;
  }
}
