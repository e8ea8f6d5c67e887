/**
 * Every GapKind of DOMAIN.md, in alphabetical order (the order of gap lists). Free of imports:
 * the web explorer's build includes this file too, so API and pages list the same kinds.
 */
export const GAP_KINDS = [
  "COUNCIL_INACTIVE",
  "GRID_ORG_DETACHED",
  "GRID_WITHOUT_CENTRAL_HOUSEHOLD",
  "GRID_WITHOUT_PARTY_ORG",
  "NEW_VILLAGE_WITHOUT_COUNCIL",
  "NEW_VILLAGE_WITHOUT_MASS_ORG",
  "NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER",
  "NO_RECENT_RECRUITMENT",
  "NO_RESERVE_SECRETARY",
  "NO_SERVICE_STATION",
  "NO_WORK_COVERAGE",
  "ORG_LIFE_OVERDUE",
  "SECRETARY_NOT_COLLECTIVE_HEAD",
  "SECRETARY_NOT_DIRECTOR",
  "SHOULD_FORM_OWN_ORG",
  "SHOULD_JOIN_JOINT_ORG",
  "TOWN_WITHOUT_JOINT_MEETING",
  "VILLAGE_ORG_DETACHED",
  "VILLAGE_WITHOUT_GRID",
  "VILLAGE_WITHOUT_PARTY_ORG",
  "WEAK_VILLAGE_UNPAIRED",
  "WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY",
] as const;
export type GapKindName = (typeof GAP_KINDS)[number];

/** The node label of a gap's subject (`CoverageGap.subjectLabel`, carried as text). */
export type GapSubjectLabel = "TwoNewOrganization" | "Region" | "JointCouncil" | "PartyOrganization";
