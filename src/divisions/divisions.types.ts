import { scalars } from "../util/scalars.js";
import { Field, Int, ObjectType } from "type-graphql";
import { RegionRef } from "../coverage/coverage.types.js";

@ObjectType({
  description:
    "区划代码版本 (division vintage): a vintage of the official division codes (统计用区划代码) and whether it is recorded for the region asked about.",
})
export class DivisionVintageInfo {
  @Field(() => Int, { description: "年份 (year) of the vintage." })
  year!: number;

  @Field(() => String, { description: "标题 (title), e.g. 2019年统计用区划代码和城乡划分代码." })
  title!: string;

  @Field(() => String, { description: "发布机关 (publisher), e.g. 国家统计局." })
  publisher!: string;

  @Field(() => scalars.GraphQLDate, { description: "截止时间 (cut-off): the state of the divisions it describes." })
  cutoffOn!: string;

  @Field(() => scalars.GraphQLDate, { description: "发布时间 (published on)." })
  publishedOn!: string;

  @Field(() => String, { description: "来源 (source): where the platform got it, the npm package and version." })
  source!: string;

  @Field(() => Boolean, {
    description:
      "已导入 (complete): whether the whole region is recorded in this vintage (npm run divisions for it or a region above it). When false, counts are missing, not zero.",
  })
  complete!: boolean;
}

@ObjectType({
  description: "村级单位数 (village-level units, 村级) of a town, or of the whole region, in one vintage.",
})
export class VillageLevelCount {
  @Field(() => Int, { description: "年份 (vintage)." })
  vintage!: number;

  @Field(() => String, {
    nullable: true,
    description: "简称 (short name) of the town in this vintage; null for a region not recorded in it.",
  })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "正式名称 (official name) in this vintage." })
  officialName!: string | null;

  @Field(() => Int, { description: "村 (villages): village committees, level VILLAGE." })
  villages!: number;

  @Field(() => Int, { description: "居 (residents' committees) and similar units, level RESIDENTIAL." })
  residential!: number;

  @Field(() => Int, { description: "合计 (total): villages + residential." })
  total!: number;
}

@ObjectType({ description: "镇 (town: 镇, 乡, 街道 …) in two vintages, side by side." })
export class TownLayout {
  @Field(() => String, {
    description: "区划代码 (code): the town's 12-digit code (codes can be reused between years: compare the names).",
  })
  code!: string;

  @Field(() => String, { description: "名称 (name) in the later vintage, else the earlier." })
  name!: string;

  @Field(() => VillageLevelCount, {
    nullable: true,
    description: "调整前 (before): the earlier vintage; null when the town is not in it.",
  })
  from!: VillageLevelCount | null;

  @Field(() => VillageLevelCount, {
    nullable: true,
    description: "调整后 (after): the later vintage; null when the town is not in it.",
  })
  to!: VillageLevelCount | null;

  @Field(() => Int, {
    nullable: true,
    description: "村数变化 (change in villages): to.villages − from.villages, when the town is in both.",
  })
  villageChange!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "村级单位数变化 (change in total): to.total − from.total, when the town is in both.",
  })
  totalChange!: number | null;
}

@ObjectType({
  description:
    "村庄布局调整对比 (layout comparison): the real village layout adjustment of a region, village-level counts of every town in two vintages side by side.",
})
export class LayoutComparison {
  @Field(() => RegionRef, { description: "区域 (region) compared." })
  region!: RegionRef;

  @Field(() => DivisionVintageInfo, { description: "调整前版本 (earlier vintage)." })
  from!: DivisionVintageInfo;

  @Field(() => DivisionVintageInfo, { description: "调整后版本 (later vintage)." })
  to!: DivisionVintageInfo;

  @Field(() => [TownLayout], { description: "各镇 (towns): every town in either vintage, by code." })
  towns!: TownLayout[];

  @Field(() => TownLayout, { description: "合计 (total): the region's totals (code and name the region's)." })
  total!: TownLayout;
}
