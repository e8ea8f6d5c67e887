import { Arg, Authorized, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { RequestContext } from "../graphql/context.js";
import type { RegionVersionEvent } from "./region-watch.js";
import { ALL_REGION_VIEWS, RegionChange } from "./region-change.types.js";

@Resolver()
export class RegionChangeResolver {
  @Authorized()
  @Subscription(() => RegionChange, {
    description:
      "区域变更订阅 (region changes): the region's version at once, then whenever its coverage report, gap list or pairing network may have changed (graphql-ws at /graphql; see README, Live updates). A region outside the token's scope is refused as queries refuse it.",
    // The scope check (the region is read as the token may see it) runs before anything is sent.
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { regionCode: string }, RequestContext>) => {
      const since = await context.services.coverage.version(args.regionCode);
      return context.regionChanges.versions(args.regionCode, since);
    },
  })
  regionChanged(
    @Root() event: RegionVersionEvent & { initial: boolean },
    // Read by `subscribe`; declared here for the schema.
    @Arg("regionCode", () => String, {
      description: "区划代码 (region code): a 12-digit region code in the caller's scope.",
    })
    _regionCode: string,
  ): RegionChange {
    return {
      regionCode: event.regionCode,
      version: event.version,
      mayHaveChanged: event.initial ? [] : ALL_REGION_VIEWS,
    };
  }
}
