/**
 * Every GapKind of DOMAIN.md, in alphabetical order (the order of gap lists). Free of imports:
 * the web explorer's build includes this file too, so API and pages list the same kinds.
 */
export const GAP_KINDS = [
  "COUNCIL_INACTIVE",
  "GRID_WITHOUT_CENTRAL_HOUSEHOLD",
  "GRID_WITHOUT_PARTY_ORG",
  "NEW_VILLAGE_WITHOUT_COUNCIL",
  "NO_RECENT_RECRUITMENT",
  "NO_RESERVE_SECRETARY",
  "NO_SERVICE_STATION",
  "NO_WORK_COVERAGE",
  "SECRETARY_NOT_COLLECTIVE_HEAD",
  "SECRETARY_NOT_DIRECTOR",
  "SHOULD_FORM_OWN_ORG",
  "SHOULD_JOIN_JOINT_ORG",
  "TOWN_WITHOUT_JOINT_MEETING",
  "VILLAGE_WITHOUT_PARTY_ORG",
  "WEAK_VILLAGE_UNPAIRED",
] as const;
export type GapKindName = (typeof GAP_KINDS)[number];
