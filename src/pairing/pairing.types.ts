import { scalars } from "../util/scalars.js";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  FocusArea,
  InstitutionKind,
  JointCouncilKind,
  OrganizationStatus,
  PairingKind,
  PairingRole,
  PairingStatus,
  PartyOrganizationCategory,
  PartyOrganizationKind,
  TwoNewOrganizationType,
} from "../domain/enums.js";
import { NETWORK_EDGE_TYPE_LABELS, NETWORK_NODE_TYPE_LABELS, valueDescriptions } from "../domain/labels.js";

export enum NetworkNodeType {
  PARTY_ORGANIZATION = "PARTY_ORGANIZATION",
  INSTITUTION = "INSTITUTION",
  TWO_NEW_ORGANIZATION = "TWO_NEW_ORGANIZATION",
  PAIRING = "PAIRING",
  JOINT_COUNCIL = "JOINT_COUNCIL",
}
registerEnumType(NetworkNodeType, {
  name: "NetworkNodeType",
  description: "节点类型 (node type) of a pairing network or a connection path.",
  valuesConfig: valueDescriptions(NETWORK_NODE_TYPE_LABELS),
});

export enum NetworkEdgeType {
  PARTY_TO = "PARTY_TO",
  HAS_PARTY_ORG = "HAS_PARTY_ORG",
  MEMBER_UNIT_OF = "MEMBER_UNIT_OF",
  CONVENED_BY = "CONVENED_BY",
  SUBORDINATE_TO = "SUBORDINATE_TO",
  COVERS = "COVERS",
  WORK_COVERS = "WORK_COVERS",
}
registerEnumType(NetworkEdgeType, {
  name: "NetworkEdgeType",
  description: "连线类型 (edge type): the graph relationship an edge stands for; networks use the first four, paths all.",
  valuesConfig: valueDescriptions(NETWORK_EDGE_TYPE_LABELS),
});

@ObjectType({ description: "The few facts a view shows of a node; which are set depends on the node type." })
export class NetworkAttributes {
  @Field(() => String, {
    nullable: true,
    description: "Party org / institution / pairing / council kind, or two-new type, as text.",
    deprecationReason: "Mixes several closed sets: use the typed field of the node's type (partyOrganizationKind, institutionKind, twoNewOrganizationType, pairingKind, councilKind).",
  })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: "A party organization's category, as text.", deprecationReason: "Use partyOrganizationCategory." })
  category?: string | null;

  @Field(() => String, { nullable: true, description: "A party organization's or a pairing's status, as text.", deprecationReason: "Use organizationStatus or pairingStatus." })
  status?: string | null;

  @Field(() => PartyOrganizationKind, { nullable: true, description: "组织形式 (party organizations): committee, general branch, branch …" })
  partyOrganizationKind?: PartyOrganizationKind | null;

  @Field(() => PartyOrganizationCategory, { nullable: true, description: "类别 (party organizations): town, village, grid, two-new …" })
  partyOrganizationCategory?: PartyOrganizationCategory | null;

  @Field(() => OrganizationStatus, { nullable: true, description: "状态 (party organizations): ACTIVE or DISSOLVED." })
  organizationStatus?: OrganizationStatus | null;

  @Field(() => InstitutionKind, { nullable: true, description: "单位类型 (institutions): agency, state firm, university …" })
  institutionKind?: InstitutionKind | null;

  @Field(() => TwoNewOrganizationType, { nullable: true, description: "两新组织类型 (two-new organizations): enterprise or social organization." })
  twoNewOrganizationType?: TwoNewOrganizationType | null;

  @Field(() => PairingKind, { nullable: true, description: "结对类型 (pairings)." })
  pairingKind?: PairingKind | null;

  @Field(() => PairingStatus, { nullable: true, description: "结对状态 (pairings): ACTIVE or ENDED." })
  pairingStatus?: PairingStatus | null;

  @Field(() => JointCouncilKind, { nullable: true, description: "联席会议类型 (joint councils)." })
  councilKind?: JointCouncilKind | null;

  @Field(() => Boolean, { nullable: true, description: "软弱涣散 (party organizations)." })
  isWeak?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Formal Party members (party organizations, two-new organizations)." })
  formalMembers?: number | null;

  @Field(() => Int, { nullable: true, description: "Parties of a pairing, member units of a council." })
  memberUnits?: number | null;

  @Field(() => Int, { nullable: true, description: "Parties of a pairing outside the caller's regions: counted, never named or drawn." })
  partiesOutOfScope?: number | null;

  @Field(() => Int, { nullable: true, description: "Individual members of a council." })
  members?: number | null;

  @Field(() => Float, { nullable: true, description: "万元 (pairings)." })
  fundsCommitted?: number | null;

  @Field(() => scalars.GraphQLDate, { nullable: true })
  startedOn?: string | null;

  @Field(() => scalars.GraphQLDate, { nullable: true })
  endedOn?: string | null;

  @Field(() => scalars.GraphQLDate, { nullable: true })
  lastMeetingOn?: string | null;
}

@ObjectType({ description: "A node: its id is the graph's own, stable across calls." })
export class NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field(() => NetworkNodeType)
  type!: NetworkNodeType;

  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true, description: "Where it is based, located, or (pairings, councils) what it serves in the region." })
  regionCode!: string | null;

  @Field(() => NetworkAttributes)
  attributes!: NetworkAttributes;
}

@ObjectType({ description: "An edge in the direction of the graph relationship; id = TYPE:source:target." })
export class NetworkEdge {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => NetworkEdgeType)
  type!: NetworkEdgeType;

  @Field(() => PairingRole, { nullable: true, description: "The party's role, on PARTY_TO edges." })
  role!: PairingRole | null;
}

@ObjectType()
export class PairingKindCount {
  @Field(() => PairingKind)
  kind!: PairingKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class NetworkStats {
  @Field(() => Int, { description: "Pairings in this response." })
  pairings!: number;

  @Field(() => [PairingKindCount], { description: "Pairings in this response by kind, zeros included." })
  byKind!: PairingKindCount[];

  @Field(() => Int)
  partyOrganizations!: number;

  @Field(() => Int)
  institutions!: number;

  @Field(() => Int, { description: "Weak villages (DOMAIN.md) of the region whose village org is in an ACTIVE pairing." })
  weakVillagesPaired!: number;

  @Field(() => Int, { description: "Weak villages with no ACTIVE pairing: the region's WEAK_VILLAGE_UNPAIRED count." })
  weakVillagesUnpaired!: number;

  @Field(() => Int, { description: "Connected components of this network, computed in the database." })
  components!: number;

  @Field(() => Int, { description: "ACTIVE village Party organizations of the region that are in no pairing or council of this network." })
  isolatedVillageOrganizations!: number;
}

@ObjectType({ description: "联建共建 as nodes and edges; every edge's ends are among the nodes." })
export class PairingNetwork {
  @Field(() => [NetworkNode])
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge])
  edges!: NetworkEdge[];

  @Field(() => NetworkStats)
  stats!: NetworkStats;

  @Field(() => Boolean, { description: "True when the network was larger than the configured cap and was cut." })
  truncated!: boolean;
}

@ObjectType({ description: "The shortest chain between two organizations; empty when none exists within maxHops." })
export class ConnectionPath {
  @Field(() => Boolean)
  found!: boolean;

  @Field(() => Int, { nullable: true })
  hops!: number | null;

  @Field(() => [NetworkNode], { description: "From the first organization to the second, in order." })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: "edges[i] links nodes[i] and nodes[i+1] (in either direction)." })
  edges!: NetworkEdge[];
}

@ObjectType()
export class PairingParty {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PairingRole)
  role!: PairingRole;
}

@ObjectType({ description: "A pairing (结对共建) as the domain writes return it." })
export class PairingRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => PairingKind)
  kind!: PairingKind;

  @Field(() => PairingStatus)
  status!: PairingStatus;

  @Field(() => scalars.GraphQLDate, { nullable: true })
  startedOn!: string | null;

  @Field(() => scalars.GraphQLDate, { nullable: true })
  endedOn!: string | null;

  @Field(() => [FocusArea])
  focusAreas!: FocusArea[];

  @Field(() => Float, { nullable: true })
  fundsCommitted!: number | null;

  @Field(() => [PairingParty])
  parties!: PairingParty[];
}

@ObjectType()
export class PairingActivityRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => scalars.GraphQLDate)
  on!: string;

  @Field(() => FocusArea, { nullable: true })
  focusArea!: FocusArea | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Float, { nullable: true })
  funds!: number | null;

  @Field(() => Int, { nullable: true })
  beneficiaries!: number | null;
}

@ObjectType({ description: "What a pairing did in one focus area." })
export class FocusAreaTotal {
  @Field(() => FocusArea, { nullable: true })
  focusArea!: FocusArea | null;

  @Field(() => Int)
  activities!: number;

  @Field(() => Float)
  funds!: number;

  @Field(() => Int)
  beneficiaries!: number;
}

@ObjectType()
export class PairingTimeline {
  @Field(() => PairingRecord)
  pairing!: PairingRecord;

  @Field(() => [PairingActivityRecord], { description: "By date, oldest first." })
  activities!: PairingActivityRecord[];

  @Field(() => [FocusAreaTotal], { description: "Activities, funds (万元) and beneficiaries summed per focus area." })
  byFocusArea!: FocusAreaTotal[];

  @Field(() => FocusAreaTotal, { description: "The same over all activities (focusArea null)." })
  total!: FocusAreaTotal;
}
