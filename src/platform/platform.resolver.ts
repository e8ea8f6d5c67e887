import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../graphql/context.js";
import { PlatformInfo } from "./platform.types.js";

@Resolver()
export class PlatformResolver {
  @Authorized("ADMIN")
  @Query(() => PlatformInfo, {
    description: "平台信息 (platform info): version, Neo4j version and node counts per label; ADMIN only.",
  })
  platformInfo(@Ctx() ctx: RequestContext): Promise<PlatformInfo> {
    return ctx.services.platform.info();
  }
}
