import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class LayoutComparisonArgs {
  @Field(() => String, {
    description: "区划代码 (region code): a province, city, district or town, e.g. 370285000000 (莱西市).",
  })
  regionCode!: string;

  @Field(() => Int, {
    defaultValue: 2019,
    description: "调整前年份 (earlier vintage): 2019, before the layout adjustment.",
  })
  fromVintage!: number;

  @Field(() => Int, { defaultValue: 2023, description: "调整后年份 (later vintage): 2023, after it." })
  toVintage!: number;
}
