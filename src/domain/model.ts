/** The labels and relationship types of DOMAIN.md, the only ones a seed or import may write. */
export const NODE_LABELS = [
  "Region",
  "PartyOrganization",
  "TwoNewOrganization",
  "Cooperative",
  "Institution",
  "VillageCommittee",
  "MassOrganization",
  "Person",
  "Pairing",
  "PairingActivity",
  "JointCouncil",
  "CouncilMeeting",
  "ServiceCenter",
  "ServiceItem",
  "MergeScenario",
  "ProposedVillage",
  "OrgLifeEvent",
  "WorkTeam",
] as const;

export const RELATIONSHIP_TYPES = [
  "PART_OF",
  "MERGED_INTO",
  "BASED_IN",
  "SUBORDINATE_TO",
  "COVERS",
  "WORK_COVERS",
  "LEADS",
  "HAS_PARTY_ORG",
  "LOCATED_IN",
  "MEMBER_OF",
  "PARTNERS_WITH",
  "OF",
  "PARTY_TO",
  "UNDER",
  "SERVES",
  "CONVENED_BY",
  "MEMBER_UNIT_OF",
  "SITS_ON",
  "SECRETARY_OF",
  "HOLDS_POST",
  "WORKS_AT",
  "INSTRUCTS",
  "FIRST_SECRETARY_OF",
  "DISPATCHED_BY",
  "RESERVE_FOR",
  "CENTRAL_HOUSEHOLD_OF",
  "LIVES_IN",
  "FOR_TOWN",
  "IN_SCENARIO",
  "ABSORBS",
  "OFFERED_BY",
  "HELD_BY",
  "STATIONED_IN",
  "SERVES_IN",
] as const;

export type NodeLabel = (typeof NODE_LABELS)[number];
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Property names holding a Neo4j Date / DateTime; everything else is stored as given. */
export const DATE_PROPERTIES = new Set([
  "foundedOn",
  "joinedPartyOn",
  "startedOn",
  "endedOn",
  "on",
  "heldOn",
  "establishedOn",
  "termStart",
  "since",
  "until",
  "validFrom",
  "validTo",
]);
export const DATETIME_PROPERTIES = new Set(["createdAt", "appliedAt"]);
/** Property names holding a Neo4j Integer (the schema's Int fields); other numbers are Floats. */
export const INTEGER_PROPERTIES = new Set([
  "population",
  "households",
  "employees",
  "memberHouseholds",
  "beneficiaries",
  "points",
  "birthYear",
  "attendees",
]);
