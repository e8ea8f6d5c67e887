/** Village layout planning as the API shapes it, shared by the planner's parts. */
import type { Label } from "../../../../../src/domain/labels";
import type { GapCount } from "../../types";

export interface Village {
  code: string;
  name: string;
  population: number | null;
  households: number | null;
  collectiveIncome: number | null;
  location: { latitude: number; longitude: number } | null;
  /** The planning rules' classes (Region.villageClasses): the map draws each apart. */
  villageClasses: VillageClass[];
}

export const VILLAGE_CLASSES = ["WEAK", "STRONG", "NEW"] as const;
export type VillageClass = (typeof VILLAGE_CLASSES)[number];

export interface MergeGroup {
  name: string;
  code?: string;
  villageCodes: string[];
}

export interface GroupSimulation {
  name: string;
  code: string;
  villageCodes: string[];
  population: number;
  households: number;
  collectiveIncome: number;
  formalMembers: number;
  probationaryMembers: number;
  recommendedOrgKind: string;
  grids: number;
  spreadKm: number;
  centroid: { latitude: number; longitude: number } | null;
  industries: string[];
  sharedIndustryRatio: number;
  weakVillages: number;
  strongVillages: number;
  inheritedPairings: number;
  cooperatives: number;
  twoNewOrganizations: number;
  councils: number;
  serviceCenters: number;
  secretaryCandidates: Array<{ personId: string; name: string; score: number; reasonLabels: Label[] }>;
  warnings: Array<{
    code: string;
    messageLabel: Label;
    value: number | null;
    limit: number | null;
  }>;
}

export interface MergeSimulation {
  groups: GroupSimulation[];
  town: { villagesBefore: number; villagesAfter: number; gapsBefore: GapCount[]; gapsAfter: GapCount[] };
  leftAloneVillages: Array<{ code: string; name: string | null; reasonLabel: Label }>;
  /** Suggestions toward a target number of villages only. */
  target: {
    targetVillages: number;
    villagesBefore: number;
    reached: number;
    limitedBy: string[];
    reasonLabel: Label | null;
  } | null;
}

export interface Scenario {
  id: string;
  name: string;
  status: "DRAFT" | "APPLIED" | "REVERTED" | "DISCARDED";
  createdAt: string;
  appliedAt: string | null;
  groups: Array<{ name: string; code: string; villageCodes: string[] }>;
  targetVillages: number | null;
}

export const SIMULATION_FIELDS = `groups {
    name code villageCodes population households collectiveIncome formalMembers probationaryMembers recommendedOrgKind grids spreadKm
    centroid { latitude longitude } industries sharedIndustryRatio weakVillages strongVillages inheritedPairings cooperatives
    twoNewOrganizations councils serviceCenters secretaryCandidates { personId name score reasonLabels { zh en } }
    warnings { code messageLabel { zh en } value limit }
  }
  town { villagesBefore villagesAfter gapsBefore { kind count } gapsAfter { kind count } }
  leftAloneVillages { code name reasonLabel { zh en } }
  target { targetVillages villagesBefore reached limitedBy reasonLabel { zh en } }`;

export const SCENARIO_FIELDS = "id name status createdAt appliedAt targetVillages groups { name code villageCodes }";

/** Colours of the groups on the map and in the tables, by group index. */
const GROUP_COLOURS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#bcbd22",
  "#7f7f7f",
];
export const groupColour = (index: number) => GROUP_COLOURS[index % GROUP_COLOURS.length]!;
