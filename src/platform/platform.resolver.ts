import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../graphql/context.js";
import { PlatformInfo } from "./platform.types.js";

@Resolver()
export class PlatformResolver {
  @Authorized("ADMIN")
  @Query(() => PlatformInfo, { description: "Version, Neo4j version and node counts per label." })
  platformInfo(@Ctx() ctx: RequestContext): Promise<PlatformInfo> {
    return ctx.services.platform.info();
  }
}
