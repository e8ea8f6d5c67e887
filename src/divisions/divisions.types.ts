import { scalars } from "../util/scalars.js";
import { Field, Int, ObjectType } from "type-graphql";
import { RegionRef } from "../coverage/coverage.types.js";

@ObjectType({ description: "A vintage of the official division codes (统计用区划代码) and whether it is recorded for the region asked about." })
export class DivisionVintageInfo {
  @Field(() => Int)
  year!: number;

  @Field(() => String, { description: "e.g. 2019年统计用区划代码和城乡划分代码" })
  title!: string;

  @Field(() => String)
  publisher!: string;

  @Field(() => scalars.GraphQLDate, { description: "The state of the divisions it describes (截止时间)." })
  cutoffOn!: string;

  @Field(() => scalars.GraphQLDate, { description: "When it was published (发布时间)." })
  publishedOn!: string;

  @Field(() => String, { description: "Where the platform got it: the npm package and version." })
  source!: string;

  @Field(() => Boolean, {
    description:
      "Whether the whole region is recorded in this vintage (`npm run divisions` for it or a region above it). When false, counts are missing, not zero.",
  })
  complete!: boolean;
}

@ObjectType({ description: "The village-level units (村级) of a town, or of the whole region, in one vintage." })
export class VillageLevelCount {
  @Field(() => Int)
  vintage!: number;

  @Field(() => String, { nullable: true, description: "The town's short name in this vintage (null for a region not recorded in it)." })
  name!: string | null;

  @Field(() => String, { nullable: true })
  officialName!: string | null;

  @Field(() => Int, { description: "村: village committees (level VILLAGE)." })
  villages!: number;

  @Field(() => Int, { description: "居: residents' committees and similar units (level RESIDENTIAL)." })
  residential!: number;

  @Field(() => Int, { description: "villages + residential." })
  total!: number;
}

@ObjectType({ description: "One town (镇, 乡, 街道 …) in two vintages, side by side." })
export class TownLayout {
  @Field(() => String, { description: "The town's 12-digit code (codes can be reused between years: compare the names)." })
  code!: string;

  @Field(() => String, { description: "Its name in the later vintage, else the earlier." })
  name!: string;

  @Field(() => VillageLevelCount, { nullable: true, description: "In the earlier vintage; null when the town is not in it." })
  from!: VillageLevelCount | null;

  @Field(() => VillageLevelCount, { nullable: true, description: "In the later vintage; null when the town is not in it." })
  to!: VillageLevelCount | null;

  @Field(() => Int, { nullable: true, description: "to.villages − from.villages (村), when the town is in both." })
  villageChange!: number | null;

  @Field(() => Int, { nullable: true, description: "to.total − from.total, when the town is in both." })
  totalChange!: number | null;
}

@ObjectType({ description: "The real village layout adjustment of a region: village-level counts of every town, in two vintages side by side." })
export class LayoutComparison {
  @Field(() => RegionRef)
  region!: RegionRef;

  @Field(() => DivisionVintageInfo)
  from!: DivisionVintageInfo;

  @Field(() => DivisionVintageInfo)
  to!: DivisionVintageInfo;

  @Field(() => [TownLayout], { description: "Every town in either vintage, by code." })
  towns!: TownLayout[];

  @Field(() => TownLayout, { description: "The region's totals (code and name the region's)." })
  total!: TownLayout;
}
