/**
 * `Region.villageClasses`, a field of the generated API (schema/region.graphql): @neo4j/graphql
 * reads what its @customResolver requires and hands it over; the planning rules classify, so the
 * map and the simulation use the same thresholds.
 */
import type { RequestContext } from "../graphql/context.js";
import type { ClassifiedRegion } from "./planning.service.js";

export const regionResolvers = {
  Region: {
    villageClasses: (region: ClassifiedRegion, _args: unknown, ctx: RequestContext) =>
      ctx.services.planning.classesOf(region),
  },
};
