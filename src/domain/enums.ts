/**
 * Enums that hand-written resolvers share with the generated schema. They carry the same
 * names and values as in schema/*.graphql, so the merged schema holds one definition of each;
 * their descriptions are those of the SDL, their values' from the labels (labels.ts).
 */
import { registerEnumType } from "type-graphql";
import { ENUM_LABELS, valueDescriptions } from "./labels.js";

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
export enum PartyOrganizationKind {
  COMMITTEE = "COMMITTEE",
  WORKING_COMMITTEE = "WORKING_COMMITTEE",
  GENERAL_BRANCH = "GENERAL_BRANCH",
  BRANCH = "BRANCH",
  JOINT_BRANCH = "JOINT_BRANCH",
  PARTY_GROUP = "PARTY_GROUP",
}
export enum PartyOrganizationCategory {
  TOWN = "TOWN",
  VILLAGE = "VILLAGE",
  GRID = "GRID",
  TWO_NEW = "TWO_NEW",
  TWO_NEW_COMPREHENSIVE = "TWO_NEW_COMPREHENSIVE",
  COOPERATIVE = "COOPERATIVE",
  INDUSTRY_CHAIN = "INDUSTRY_CHAIN",
  AGRI_PARK = "AGRI_PARK",
  ASSOCIATION = "ASSOCIATION",
  FUNCTIONAL = "FUNCTIONAL",
  INSTITUTION = "INSTITUTION",
  COMMUNITY = "COMMUNITY",
}
export enum OrganizationStatus {
  ACTIVE = "ACTIVE",
  DISSOLVED = "DISSOLVED",
}
export enum InstitutionKind {
  GOVERNMENT_AGENCY = "GOVERNMENT_AGENCY",
  SOE = "SOE",
  UNIVERSITY = "UNIVERSITY",
  PUBLIC_INSTITUTION = "PUBLIC_INSTITUTION",
  FINANCIAL = "FINANCIAL",
  PLATFORM_COMPANY = "PLATFORM_COMPANY",
  URBAN_COMMUNITY = "URBAN_COMMUNITY",
}
export enum TwoNewOrganizationType {
  ENTERPRISE = "ENTERPRISE",
  SOCIAL_ORGANIZATION = "SOCIAL_ORGANIZATION",
}

/** Registered by their names, their values described by their labels. */
const REGISTERED = {
  PairingKind,
  PairingStatus,
  PairingRole,
  FocusArea,
  JointCouncilKind,
  CouncilCapacity,
  OrgLifeEventKind,
  PartyOrganizationKind,
  PartyOrganizationCategory,
  OrganizationStatus,
  InstitutionKind,
  TwoNewOrganizationType,
} as const satisfies { [Name in keyof typeof ENUM_LABELS]?: object };
for (const [name, values] of Object.entries(REGISTERED)) {
  registerEnumType(values, { name, valuesConfig: valueDescriptions(ENUM_LABELS[name as keyof typeof REGISTERED]) });
}
