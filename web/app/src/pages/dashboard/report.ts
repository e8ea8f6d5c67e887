/** What the dashboard reads of coverageReport. */
import type { GapCount, RegionRef } from "../../types";

export interface TwoNew {
  total: number;
  organizational: number;
  workOnly: number;
  none: number;
  orgCoverageRate: number | null;
  workCoverageRate: number | null;
}

export interface Villages {
  total: number;
  withPartyOrg: number;
  chainComplete: number;
  secretaryIsDirector: number;
  secretaryIsCollectiveHead: number;
  weak: number;
  withPartyLedCooperative: number;
  centralHouseholdReach: number | null;
}

export interface Report {
  region: RegionRef;
  asOf: string;
  twoNew: TwoNew;
  villages: Villages;
  gapCounts: GapCount[];
}

export const FIGURES = `twoNew { total organizational workOnly none orgCoverageRate workCoverageRate }
  villages { total withPartyOrg chainComplete secretaryIsDirector secretaryIsCollectiveHead weak withPartyLedCooperative centralHouseholdReach }
  gapCounts { kind count }`;
export const REPORT = `query ($code: String!, $asOf: Date) {
  coverageReport(regionCode: $code, asOf: $asOf, depth: 1) {
    region { code name level } asOf ${FIGURES}
    children { region { code name level } asOf ${FIGURES} }
  }
}`;

export const totalGaps = (counts: GapCount[]) => counts.reduce((sum, { count }) => sum + count, 0);
