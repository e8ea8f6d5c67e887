import { Field, ObjectType, registerEnumType } from "type-graphql";
import { REGION_VIEW_LABELS, valueDescriptions } from "../domain/labels.js";

/** The views of a region that one version covers: a new version means any of them may differ. */
export enum RegionView {
  COVERAGE_REPORT = "COVERAGE_REPORT",
  GAP_LIST = "GAP_LIST",
  PAIRING_NETWORK = "PAIRING_NETWORK",
}
registerEnumType(RegionView, {
  name: "RegionView",
  description: "区域视图 (region view): what a front end shows of a region and refetches when it may have changed.",
  valuesConfig: valueDescriptions(REGION_VIEW_LABELS),
});

/** Every view: the version is one stamp per region, which does not tell them apart. */
export const ALL_REGION_VIEWS: RegionView[] = Object.values(RegionView);

@ObjectType({
  description:
    "区域变更 (region change): a region's version, sent once when the subscription starts and again within about a second of any commit, by anyone through any client, that may change the region's coverage report, gap list or pairing network.",
})
export class RegionChange {
  @Field(() => String, { description: "区划代码 (region code): the 12-digit code subscribed to." })
  regionCode!: string;

  @Field(() => String, {
    description:
      "区划数据版本 (region version): the same value `regionVersion(regionCode)` answers now; compare it with the one the page loaded with.",
  })
  version!: string;

  @Field(() => [RegionView], {
    description:
      "可能变化的视图 (views that may have changed) since the previous event: empty on the first event (the version as of subscribing), else every view, since one version covers them all.",
  })
  mayHaveChanged!: RegionView[];
}
