import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class LayoutComparisonArgs {
  @Field(() => String, { description: "A province, city, district or town, e.g. 370285000000 (莱西市)." })
  regionCode!: string;

  @Field(() => Int, { defaultValue: 2019, description: "The earlier vintage (2019: before the layout adjustment)." })
  fromVintage!: number;

  @Field(() => Int, { defaultValue: 2023, description: "The later vintage (2023: after it)." })
  toVintage!: number;
}
