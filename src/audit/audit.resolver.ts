import { Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../graphql/context.js";
import { AuditTrail, AuditTrailArgs } from "./audit.types.js";

@Resolver()
export class AuditResolver {
  @Authorized("ADMIN")
  @Query(() => AuditTrail, {
    description: "审计日志 (audit trail): who wrote what and when, newest first; ADMIN only.",
  })
  auditTrail(@Args(() => AuditTrailArgs) args: AuditTrailArgs, @Ctx() ctx: RequestContext): Promise<AuditTrail> {
    return ctx.services.audit.trail({ ...args, from: args.from?.toString() ?? null, to: args.to?.toString() ?? null });
  }
}
