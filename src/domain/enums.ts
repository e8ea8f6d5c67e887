/**
 * Enums that hand-written resolvers share with the generated schema. They carry the same
 * names and values as in schema/*.graphql, so the merged schema holds one definition of each.
 */
import { registerEnumType } from "type-graphql";

export enum PairingKind {
  INSTITUTION_VILLAGE = "INSTITUTION_VILLAGE",
  STRONG_WEAK = "STRONG_WEAK",
  ENTERPRISE_VILLAGE = "ENTERPRISE_VILLAGE",
  REGIONAL_ALLIANCE = "REGIONAL_ALLIANCE",
  URBAN_RURAL = "URBAN_RURAL",
}
export enum PairingStatus {
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
}
export enum PairingRole {
  HELPER = "HELPER",
  RECIPIENT = "RECIPIENT",
  MEMBER = "MEMBER",
}
export enum FocusArea {
  PARTY_BUILDING = "PARTY_BUILDING",
  DEVELOPMENT = "DEVELOPMENT",
  GOVERNANCE = "GOVERNANCE",
  SERVICE = "SERVICE",
  MASSES = "MASSES",
}
export enum JointCouncilKind {
  REGIONAL_JOINT_MEETING = "REGIONAL_JOINT_MEETING",
  CO_BUILDING_COUNCIL = "CO_BUILDING_COUNCIL",
}
export enum CouncilCapacity {
  TWO_REPS_ONE_MEMBER = "TWO_REPS_ONE_MEMBER",
  PART_TIME_COMMITTEE = "PART_TIME_COMMITTEE",
  RURAL_TALENT = "RURAL_TALENT",
  UNIT_REPRESENTATIVE = "UNIT_REPRESENTATIVE",
}

/** 党员大会, 支部委员会/党委会, 党小组会, 党课, 主题党日, 组织生活会, 民主评议党员 (src/domain/org-life.ts). */
export enum OrgLifeEventKind {
  MEMBER_CONGRESS = "MEMBER_CONGRESS",
  COMMITTEE_MEETING = "COMMITTEE_MEETING",
  GROUP_MEETING = "GROUP_MEETING",
  PARTY_LECTURE = "PARTY_LECTURE",
  THEME_DAY = "THEME_DAY",
  LIFE_MEETING = "LIFE_MEETING",
  MEMBER_REVIEW = "MEMBER_REVIEW",
}

registerEnumType(PairingKind, { name: "PairingKind" });
registerEnumType(PairingStatus, { name: "PairingStatus" });
registerEnumType(PairingRole, { name: "PairingRole" });
registerEnumType(FocusArea, { name: "FocusArea" });
registerEnumType(JointCouncilKind, { name: "JointCouncilKind" });
registerEnumType(CouncilCapacity, { name: "CouncilCapacity" });
registerEnumType(OrgLifeEventKind, { name: "OrgLifeEventKind" });
