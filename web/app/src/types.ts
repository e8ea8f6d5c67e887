/** What the pages share about the signed-in token and the API's enums. */
import type { GapKindName } from "../../../src/domain/gap-kinds";

export type Role = "ADMIN" | "EDITOR" | "PLANNER" | "ANALYST" | "VIEWER";

export interface Me {
  subject: string;
  role: Role;
  regions: string[];
}

/** The city: where an ADMIN token's region tree starts (it sees every region). */
export const CITY_CODE = "370200000000";

/** Mirrors the API's role gates (src/domain/principal.ts), so that nothing refused is offered. */
export function access(me: Me) {
  return {
    // VIEWER gets aggregate figures only: no gap lists, networks, paths or person names.
    details: me.role !== "VIEWER",
    planning: me.role === "ADMIN" || me.role === "PLANNER",
    // layoutComparison: LAYOUT_READERS.
    layout: me.role === "ADMIN" || me.role === "PLANNER" || me.role === "ANALYST",
    roots: me.role === "ADMIN" ? [CITY_CODE] : me.regions,
  };
}

// One list of gap kinds for the API and the pages.
export { GAP_KINDS } from "../../../src/domain/gap-kinds";
export type GapKind = GapKindName;

export const PAIRING_KINDS = [
  "INSTITUTION_VILLAGE",
  "STRONG_WEAK",
  "ENTERPRISE_VILLAGE",
  "REGIONAL_ALLIANCE",
  "URBAN_RURAL",
] as const;
export type PairingKind = (typeof PAIRING_KINDS)[number];

export const NODE_TYPES = [
  "PARTY_ORGANIZATION",
  "INSTITUTION",
  "TWO_NEW_ORGANIZATION",
  "PAIRING",
  "JOINT_COUNCIL",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GapCount {
  kind: GapKind;
  count: number;
}

export interface RegionRef {
  code: string;
  name: string;
  level: string;
}
