import { Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { LAYOUT_READERS } from "../domain/principal.js";
import type { RequestContext } from "../graphql/context.js";
import { LayoutComparisonArgs } from "./divisions.args.js";
import { LayoutComparison } from "./divisions.types.js";

@Resolver()
export class DivisionsResolver {
  @Authorized(...LAYOUT_READERS)
  @Query(() => LayoutComparison, {
    description:
      "村庄布局调整对比 (layout comparison): the village-level units (村 and 居 apart) of every town of a region in two vintages of the official division codes, side by side.",
  })
  layoutComparison(
    @Args(() => LayoutComparisonArgs) args: LayoutComparisonArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LayoutComparison> {
    return ctx.services.layout.comparison(args.regionCode, args.fromVintage, args.toVintage);
  }
}
