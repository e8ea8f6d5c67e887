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
  description:
    "连线类型 (edge type): the graph relationship an edge stands for; networks use the first four, paths all.",
  valuesConfig: valueDescriptions(NETWORK_EDGE_TYPE_LABELS),
});

@ObjectType({
  description:
    "节点属性 (node attributes): the few facts a view shows of a node; which are set depends on the node type.",
})
export class NetworkAttributes {
  @Field(() => String, {
    nullable: true,
    description: "类型 (kind) as text: Party organization, institution, pairing or council kind, or two-new type.",
    deprecationReason:
      "Mixes several closed sets: use the typed field of the node's type (partyOrganizationKind, institutionKind, twoNewOrganizationType, pairingKind, councilKind).",
  })
  kind?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "类别 (category) of a Party organization, as text.",
    deprecationReason: "Use partyOrganizationCategory.",
  })
  category?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "状态 (status) of a Party organization or a pairing, as text.",
    deprecationReason: "Use organizationStatus or pairingStatus.",
  })
  status?: string | null;

  @Field(() => PartyOrganizationKind, {
    nullable: true,
    description: "组织形式 (party organizations): committee, general branch, branch …",
  })
  partyOrganizationKind?: PartyOrganizationKind | null;

  @Field(() => PartyOrganizationCategory, {
    nullable: true,
    description: "类别 (party organizations): town, village, grid, two-new …",
  })
  partyOrganizationCategory?: PartyOrganizationCategory | null;

  @Field(() => OrganizationStatus, { nullable: true, description: "状态 (party organizations): ACTIVE or DISSOLVED." })
  organizationStatus?: OrganizationStatus | null;

  @Field(() => InstitutionKind, {
    nullable: true,
    description: "单位类型 (institutions): agency, state firm, university …",
  })
  institutionKind?: InstitutionKind | null;

  @Field(() => TwoNewOrganizationType, {
    nullable: true,
    description: "两新组织类型 (two-new organizations): enterprise or social organization.",
  })
  twoNewOrganizationType?: TwoNewOrganizationType | null;

  @Field(() => PairingKind, { nullable: true, description: "结对类型 (pairings)." })
  pairingKind?: PairingKind | null;

  @Field(() => PairingStatus, { nullable: true, description: "结对状态 (pairings): ACTIVE or ENDED." })
  pairingStatus?: PairingStatus | null;

  @Field(() => JointCouncilKind, { nullable: true, description: "联席会议类型 (joint councils)." })
  councilKind?: JointCouncilKind | null;

  @Field(() => Boolean, { nullable: true, description: "软弱涣散 (weak and lax): of Party organizations." })
  isWeak?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: "正式党员 (formal members): of Party organizations and two-new organizations.",
  })
  formalMembers?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "成员单位 / 结对方 (member units or parties): parties of a pairing, member units of a council.",
  })
  memberUnits?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "权限范围外的结对方 (parties out of scope): parties of a pairing outside the caller's regions, counted, never named or drawn.",
  })
  partiesOutOfScope?: number | null;

  @Field(() => Int, { nullable: true, description: "个人成员 (individual members) of a council." })
  members?: number | null;

  @Field(() => Float, { nullable: true, description: "承诺资金 (funds committed) of a pairing, 万元." })
  fundsCommitted?: number | null;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "开始日期 (started on) of a pairing." })
  startedOn?: string | null;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "结束日期 (ended on) of a pairing." })
  endedOn?: string | null;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "最近会议 (latest meeting) of a council." })
  lastMeetingOn?: string | null;
}

@ObjectType({ description: "节点 (node): its id is the graph's own, stable across calls." })
export class NetworkNode {
  @Field(() => ID, { description: "标识 (id)." })
  id!: string;

  @Field(() => NetworkNodeType, { description: "节点类型 (node type)." })
  type!: NetworkNodeType;

  @Field(() => String, { description: "名称 (label) shown for the node." })
  label!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "所在区域 (region code): where it is based or located, or (pairings, councils) what it serves in the region.",
  })
  regionCode!: string | null;

  @Field(() => NetworkAttributes, { description: "节点属性 (attributes)." })
  attributes!: NetworkAttributes;
}

@ObjectType({ description: "连线 (edge) in the direction of the graph relationship; id = TYPE:source:target." })
export class NetworkEdge {
  @Field(() => ID, { description: "标识 (id): TYPE:source:target." })
  id!: string;

  @Field(() => ID, { description: "起点 (source) node id." })
  source!: string;

  @Field(() => ID, { description: "终点 (target) node id." })
  target!: string;

  @Field(() => NetworkEdgeType, { description: "连线类型 (edge type)." })
  type!: NetworkEdgeType;

  @Field(() => PairingRole, { nullable: true, description: "结对角色 (role) of the party, on PARTY_TO edges." })
  role!: PairingRole | null;
}

@ObjectType({ description: "各类结对数 (pairings of one kind)." })
export class PairingKindCount {
  @Field(() => PairingKind, { description: "结对类型 (pairing kind)." })
  kind!: PairingKind;

  @Field(() => Int, { description: "数量 (count)." })
  count!: number;
}

@ObjectType({ description: "网络统计 (network statistics)." })
export class NetworkStats {
  @Field(() => Int, { description: "结对数 (pairings) in this response." })
  pairings!: number;

  @Field(() => [PairingKindCount], { description: "各类结对数 (pairings by kind) in this response, zeros included." })
  byKind!: PairingKindCount[];

  @Field(() => Int, { description: "党组织数 (Party organizations) in this response." })
  partyOrganizations!: number;

  @Field(() => Int, { description: "机关企事业单位数 (institutions) in this response." })
  institutions!: number;

  @Field(() => Int, {
    description:
      "已结对的薄弱村 (weak villages paired): weak villages of the region whose village org is in an ACTIVE pairing.",
  })
  weakVillagesPaired!: number;

  @Field(() => Int, {
    description: "未结对的薄弱村 (weak villages unpaired): the region's WEAK_VILLAGE_UNPAIRED count.",
  })
  weakVillagesUnpaired!: number;

  @Field(() => Int, { description: "连通分量 (connected components) of this network, computed in the database." })
  components!: number;

  @Field(() => Int, {
    description:
      "孤立的村党组织 (isolated village Party organizations): ACTIVE ones of the region in no pairing or council of this network.",
  })
  isolatedVillageOrganizations!: number;
}

@ObjectType({
  description: "结对网络 (pairing network): 联建共建 as nodes and edges; every edge's ends are among the nodes.",
})
export class PairingNetwork {
  @Field(() => [NetworkNode], { description: "节点 (nodes)." })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: "连线 (edges)." })
  edges!: NetworkEdge[];

  @Field(() => NetworkStats, { description: "统计 (statistics)." })
  stats!: NetworkStats;

  @Field(() => Boolean, {
    description: "已截断 (truncated): true when the network was larger than the configured cap and was cut.",
  })
  truncated!: boolean;
}

@ObjectType({
  description:
    "关联路径 (connection path): the shortest chain between two organizations; empty when none exists within maxHops.",
})
export class ConnectionPath {
  @Field(() => Boolean, { description: "找到 (found)." })
  found!: boolean;

  @Field(() => Int, { nullable: true, description: "跳数 (hops); null when not found." })
  hops!: number | null;

  @Field(() => [NetworkNode], { description: "节点 (nodes) from the first organization to the second, in order." })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], {
    description: "连线 (edges): edges[i] links nodes[i] and nodes[i+1] (in either direction).",
  })
  edges!: NetworkEdge[];
}

@ObjectType({ description: "结对方 (party to a pairing)." })
export class PairingParty {
  @Field(() => ID, { description: "党组织 (Party organization) id." })
  organizationId!: string;

  @Field(() => String, { description: "名称 (name)." })
  name!: string;

  @Field(() => PairingRole, { description: "结对角色 (role)." })
  role!: PairingRole;
}

@ObjectType({ description: "结对共建 (pairing) as the domain writes return it." })
export class PairingRecord {
  @Field(() => ID, { description: "标识 (id)." })
  id!: string;

  @Field(() => PairingKind, { description: "结对类型 (kind)." })
  kind!: PairingKind;

  @Field(() => PairingStatus, { description: "状态 (status)." })
  status!: PairingStatus;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "开始日期 (started on)." })
  startedOn!: string | null;

  @Field(() => scalars.GraphQLDate, { nullable: true, description: "结束日期 (ended on)." })
  endedOn!: string | null;

  @Field(() => [FocusArea], { description: "共建内容 (focus areas)." })
  focusAreas!: FocusArea[];

  @Field(() => Float, { nullable: true, description: "承诺资金 (funds committed), 万元." })
  fundsCommitted!: number | null;

  @Field(() => [PairingParty], { description: "结对方 (parties)." })
  parties!: PairingParty[];
}

@ObjectType({ description: "共建活动 (pairing activity) as the domain writes return it." })
export class PairingActivityRecord {
  @Field(() => ID, { description: "标识 (id)." })
  id!: string;

  @Field(() => scalars.GraphQLDate, { description: "日期 (date)." })
  on!: string;

  @Field(() => FocusArea, { nullable: true, description: "共建内容 (focus area)." })
  focusArea!: FocusArea | null;

  @Field(() => String, { nullable: true, description: "标题 (title)." })
  title!: string | null;

  @Field(() => Float, { nullable: true, description: "投入资金 (funds), 万元." })
  funds!: number | null;

  @Field(() => Int, { nullable: true, description: "受益人数 (beneficiaries)." })
  beneficiaries!: number | null;
}

@ObjectType({ description: "共建内容小计 (focus area total): what a pairing did in one focus area." })
export class FocusAreaTotal {
  @Field(() => FocusArea, { nullable: true, description: "共建内容 (focus area); null for activities without one." })
  focusArea!: FocusArea | null;

  @Field(() => Int, { description: "活动数 (activities)." })
  activities!: number;

  @Field(() => Float, { description: "投入资金 (funds), 万元." })
  funds!: number;

  @Field(() => Int, { description: "受益人数 (beneficiaries)." })
  beneficiaries!: number;
}

@ObjectType({
  description: "结对时间线 (pairing timeline): a pairing's activities by date, with totals per focus area.",
})
export class PairingTimeline {
  @Field(() => PairingRecord, { description: "结对共建 (pairing)." })
  pairing!: PairingRecord;

  @Field(() => [PairingActivityRecord], { description: "共建活动 (activities) by date, oldest first." })
  activities!: PairingActivityRecord[];

  @Field(() => [FocusAreaTotal], { description: "Activities, funds (万元) and beneficiaries summed per focus area." })
  byFocusArea!: FocusAreaTotal[];

  @Field(() => FocusAreaTotal, { description: "合计 (total): the same over all activities (focusArea null)." })
  total!: FocusAreaTotal;
}
