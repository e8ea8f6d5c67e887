import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Label } from "../domain/labels.js";
import { READERS } from "../domain/principal.js";
import { gapReason } from "../domain/reasons.js";
import { BilingualText } from "../labels/labels.types.js";
import type { RequestContext } from "../graphql/context.js";
import { CoverageGapsArgs, CoverageReportArgs, OrganizationChainArgs } from "./coverage.args.js";
import { CoverageGap, CoverageGapConnection, CoverageReport, OrganizationChain } from "./coverage.types.js";

@Resolver()
export class CoverageResolver {
  @Authorized()
  @Query(() => CoverageReport, {
    description: "覆盖报告 (coverage report) of a region and, depth levels down, of its ACTIVE child regions.",
  })
  coverageReport(
    @Args(() => CoverageReportArgs) args: CoverageReportArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<CoverageReport> {
    return ctx.services.coverage.report(args.regionCode, args.asOf?.toString(), args.depth);
  }

  @Authorized(...READERS)
  @Query(() => CoverageGapConnection, {
    description: "问题清单 (gap list): every gap in a region, ordered by kind then subjectId.",
  })
  coverageGaps(
    @Args(() => CoverageGapsArgs) args: CoverageGapsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<CoverageGapConnection> {
    return ctx.services.coverage.gaps(args.regionCode, args.kinds, args.asOf?.toString(), args, {
      villageCode: args.villageCode,
      townCode: args.townCode,
    });
  }

  @Authorized()
  @Query(() => String, {
    description:
      "区划数据版本 (region version): changes whenever the region's coverage report, gap list or pairing network may have changed. Poll it, or listen on GET /events/regions/{code}, and refetch when it changes.",
  })
  regionVersion(
    @Arg("regionCode", () => String, { description: "区划代码: a 12-digit region code in the caller's scope." })
    regionCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return ctx.services.coverage.version(regionCode);
  }

  @Authorized(...READERS)
  @Query(() => OrganizationChain, {
    description:
      "组织链 (organization chain): a village's chain 镇党委—村党组织—网格党组织—党员中心户 and what breaks it.",
  })
  organizationChain(
    @Args(() => OrganizationChainArgs) args: OrganizationChainArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganizationChain> {
    return ctx.services.coverage.organizationChain(args.villageCode);
  }
}

/** A gap's reason in words, from the values its rule gave it. */
@Resolver(() => CoverageGap)
export class CoverageGapResolver {
  @FieldResolver(() => String, {
    description: "原因 (reason), in English words (unchanged for existing clients); reasonLabel has the Chinese too.",
  })
  reason(@Root() gap: CoverageGap): string {
    return gapReason(gap.kind, gap.reasonValues).en;
  }

  @FieldResolver(() => BilingualText, {
    description: "原因 (reason) in Chinese and English, worded from one table (src/domain/reasons.ts); en is reason.",
  })
  reasonLabel(@Root() gap: CoverageGap): Label {
    return gapReason(gap.kind, gap.reasonValues);
  }
}
