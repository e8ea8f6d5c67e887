/**
 * The Chinese and English label of every enum value: one table per enum, the one source of the
 * API's enum value descriptions (schema/*.graphql and type-graphql enums alike) and of the
 * `enumLabels` query. Chinese terms are DOMAIN.md's (glossary, "Canonical labels"); where the
 * contract names no term (statuses, gap kinds, roles, warnings) the explorer's words are kept.
 * Free of imports but other import-free domain modules, so the web explorer shares it: its pages
 * (web/app/src/i18n.tsx) and the exports (src/exchange) label values from these tables alone.
 */
import type { GapKindName, GapSubjectLabel } from "./gap-kinds.js";
import { ORG_LIFE_EVENT_LABELS } from "./org-life.js";
import type { Role } from "./principal.js";
import type { RegionLevelName } from "./region-levels.js";

export interface Label {
  zh: string;
  en: string;
}

type Labels<Value extends string> = Readonly<Record<Value, Label>>;

/** How an enum value is described in the schema: "村党组织 (Village Party organization)", then any note. */
export function labelDescription({ zh, en }: Label, note?: string): string {
  return note ? `${zh} (${en}): ${note}` : `${zh} (${en})`;
}

export const GAP_KIND_LABELS: Labels<GapKindName> = {
  COUNCIL_INACTIVE: { zh: "议事会长期未开会", en: "Council inactive" },
  GRID_ORG_DETACHED: { zh: "网格党组织未隶属村党组织", en: "Grid organization not under the village's" },
  GRID_WITHOUT_CENTRAL_HOUSEHOLD: { zh: "网格无党员中心户", en: "Grid without central household" },
  GRID_WITHOUT_PARTY_ORG: { zh: "网格无党组织", en: "Grid without Party organization" },
  NEW_VILLAGE_WITHOUT_COUNCIL: { zh: "新村无共建议事会", en: "New village without council" },
  NEW_VILLAGE_WITHOUT_MASS_ORG: { zh: "新村无区域化群团组织", en: "New village without mass organization" },
  NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER: { zh: "新村无兼职委员", en: "New village without part-time committee member" },
  NO_RECENT_RECRUITMENT: { zh: "近两年未发展党员", en: "No recent recruitment" },
  NO_RESERVE_SECRETARY: { zh: "无后备书记", en: "No reserve secretary" },
  NO_SERVICE_STATION: { zh: "无便民服务站", en: "No service station" },
  NO_WORK_COVERAGE: { zh: "两新组织工作未覆盖", en: "No work coverage" },
  ORG_LIFE_OVERDUE: { zh: "组织生活未按期开展", en: "Organizational life overdue" },
  SECRETARY_NOT_COLLECTIVE_HEAD: { zh: "书记未兼集体经济组织负责人", en: "Secretary not collective head" },
  SECRETARY_NOT_DIRECTOR: { zh: "书记未兼村委会主任", en: "Secretary not director" },
  SHOULD_FORM_OWN_ORG: { zh: "应单独建立党组织", en: "Should form its own organization" },
  SHOULD_JOIN_JOINT_ORG: { zh: "应纳入联合党组织", en: "Should join a joint organization" },
  TOWN_WITHOUT_JOINT_MEETING: { zh: "镇无区域化联席会议", en: "Town without joint meeting" },
  VILLAGE_ORG_DETACHED: { zh: "村党组织未隶属镇党委", en: "Village organization not under the town's" },
  VILLAGE_WITHOUT_GRID: { zh: "村未划分网格", en: "Village without grid" },
  VILLAGE_WITHOUT_PARTY_ORG: { zh: "村无党组织", en: "Village without Party organization" },
  WEAK_VILLAGE_UNPAIRED: { zh: "薄弱村无结对", en: "Weak village unpaired" },
  WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY: {
    zh: "薄弱村无第一书记或工作队",
    en: "Weak village without first secretary or work team",
  },
};

export const REGION_LEVEL_LABELS: Labels<RegionLevelName> = {
  PROVINCE: { zh: "省", en: "Province" },
  CITY: { zh: "市", en: "City" },
  DISTRICT: { zh: "区(市)", en: "District" },
  TOWN: { zh: "镇(街道)", en: "Town" },
  COMMUNITY: { zh: "农村社区", en: "Rural community" },
  VILLAGE: { zh: "村", en: "Village" },
  RESIDENTIAL: { zh: "居委会", en: "Residents' committee" },
  GRID: { zh: "网格", en: "Grid" },
};

/** What the planning rules make of a village (`Region.villageClasses`): 薄弱村 and 新村 as DOMAIN.md, 强村 as planning's threshold. */
export const VILLAGE_CLASS_LABELS: Labels<"WEAK" | "STRONG" | "NEW"> = {
  WEAK: { zh: "薄弱村", en: "Weak village" },
  STRONG: { zh: "强村", en: "Strong village" },
  NEW: { zh: "新村", en: "New village" },
};

export type RegionStatusName = "ACTIVE" | "MERGED";

export const REGION_STATUS_LABELS: Labels<RegionStatusName> = {
  ACTIVE: { zh: "正常", en: "Active" },
  MERGED: { zh: "已合并", en: "Merged" },
};

export const PARTY_ORGANIZATION_KIND_LABELS: Labels<
  "COMMITTEE" | "WORKING_COMMITTEE" | "GENERAL_BRANCH" | "BRANCH" | "JOINT_BRANCH" | "PARTY_GROUP"
> = {
  COMMITTEE: { zh: "党委", en: "Party committee" },
  WORKING_COMMITTEE: { zh: "党工委", en: "Party working committee" },
  GENERAL_BRANCH: { zh: "党总支", en: "General Party branch" },
  BRANCH: { zh: "党支部", en: "Party branch" },
  JOINT_BRANCH: { zh: "联合党支部", en: "Joint Party branch" },
  PARTY_GROUP: { zh: "党小组", en: "Party group" },
};

export const PARTY_ORGANIZATION_CATEGORY_LABELS: Labels<
  | "TOWN"
  | "VILLAGE"
  | "GRID"
  | "TWO_NEW"
  | "TWO_NEW_COMPREHENSIVE"
  | "COOPERATIVE"
  | "INDUSTRY_CHAIN"
  | "AGRI_PARK"
  | "ASSOCIATION"
  | "FUNCTIONAL"
  | "INSTITUTION"
  | "COMMUNITY"
> = {
  TOWN: { zh: "镇(街道)党(工)委", en: "Town Party committee" },
  VILLAGE: { zh: "村党组织", en: "Village Party organization" },
  GRID: { zh: "网格党组织", en: "Grid Party organization" },
  TWO_NEW: { zh: "两新组织党组织", en: "Two-new organization's own Party organization" },
  TWO_NEW_COMPREHENSIVE: { zh: "两新组织综合党委", en: "Two-new comprehensive Party committee" },
  COOPERATIVE: { zh: "合作社党组织", en: "Cooperative's Party organization" },
  INDUSTRY_CHAIN: { zh: "产业链党组织", en: "Industry-chain Party organization" },
  AGRI_PARK: { zh: "农业园区党组织", en: "Agricultural park Party organization" },
  ASSOCIATION: { zh: "行业协会党组织", en: "Trade association Party organization" },
  FUNCTIONAL: { zh: "功能型党组织", en: "Functional Party organization" },
  INSTITUTION: { zh: "机关企事业单位党组织", en: "Institution's own Party organization" },
  COMMUNITY: { zh: "社区党组织", en: "Community Party organization" },
};

export const ORGANIZATION_STATUS_LABELS: Labels<"ACTIVE" | "DISSOLVED"> = {
  ACTIVE: { zh: "正常", en: "Active" },
  DISSOLVED: { zh: "已撤销", en: "Dissolved" },
};

export const INSTITUTION_KIND_LABELS: Labels<
  | "GOVERNMENT_AGENCY"
  | "SOE"
  | "UNIVERSITY"
  | "PUBLIC_INSTITUTION"
  | "FINANCIAL"
  | "PLATFORM_COMPANY"
  | "URBAN_COMMUNITY"
> = {
  PLATFORM_COMPANY: { zh: "农业平台公司", en: "Agricultural platform company" },
  GOVERNMENT_AGENCY: { zh: "机关", en: "Government agency" },
  PUBLIC_INSTITUTION: { zh: "事业单位", en: "Public institution" },
  SOE: { zh: "国有企业", en: "State-owned enterprise" },
  UNIVERSITY: { zh: "高校", en: "University" },
  URBAN_COMMUNITY: { zh: "城市社区", en: "Urban community" },
  FINANCIAL: { zh: "金融机构", en: "Financial institution" },
};

export const TWO_NEW_ORGANIZATION_TYPE_LABELS: Labels<"ENTERPRISE" | "SOCIAL_ORGANIZATION"> = {
  ENTERPRISE: { zh: "非公有制经济组织", en: "Non-public economic organization" },
  SOCIAL_ORGANIZATION: { zh: "社会组织", en: "Social organization" },
};

export const COVERAGE_MODE_LABELS: Labels<"OWN" | "JOINT" | "AFFILIATED"> = {
  OWN: { zh: "单独组建", en: "Own organization" },
  JOINT: { zh: "联合组建", en: "Joint organization" },
  AFFILIATED: { zh: "挂靠", en: "Affiliated" },
};

export const COVERAGE_CLASS_LABELS: Labels<"ORGANIZATIONAL" | "WORK_ONLY" | "NONE"> = {
  ORGANIZATIONAL: { zh: "组织覆盖", en: "Organizational coverage" },
  WORK_ONLY: { zh: "仅工作覆盖", en: "Work coverage only" },
  NONE: { zh: "未覆盖", en: "Not covered" },
};

export const COOPERATIVE_KIND_LABELS: Labels<"PROFESSIONAL" | "UNION" | "COLLECTIVE"> = {
  PROFESSIONAL: { zh: "合作社", en: "Cooperative" },
  UNION: { zh: "合作社联合社", en: "Cooperative union" },
  COLLECTIVE: { zh: "村级集体经济组织", en: "Village collective economic organization" },
};

export const POST_TITLE_LABELS: Labels<"DIRECTOR" | "CHAIR" | "COMMITTEE_MEMBER" | "PART_TIME_COMMITTEE"> = {
  DIRECTOR: { zh: "主任", en: "Director" },
  CHAIR: { zh: "负责人", en: "Chair" },
  COMMITTEE_MEMBER: { zh: "委员", en: "Committee member" },
  PART_TIME_COMMITTEE: { zh: "兼职委员", en: "Part-time committee member" },
};

export const PARTY_STATUS_LABELS: Labels<"FORMAL" | "PROBATIONARY" | "NONE"> = {
  FORMAL: { zh: "正式党员", en: "Formal member" },
  PROBATIONARY: { zh: "预备党员", en: "Probationary member" },
  NONE: { zh: "非党员", en: "Not a Party member" },
};

export const GENDER_LABELS: Labels<"MALE" | "FEMALE"> = {
  MALE: { zh: "男", en: "Male" },
  FEMALE: { zh: "女", en: "Female" },
};

export const PAIRING_KIND_LABELS: Labels<
  "INSTITUTION_VILLAGE" | "STRONG_WEAK" | "ENTERPRISE_VILLAGE" | "REGIONAL_ALLIANCE" | "URBAN_RURAL"
> = {
  INSTITUTION_VILLAGE: { zh: "机关企事业单位联村", en: "Institution–village" },
  STRONG_WEAK: { zh: "强村带弱村", en: "Strong village with weak village" },
  ENTERPRISE_VILLAGE: { zh: "村企联建", en: "Enterprise–village" },
  REGIONAL_ALLIANCE: { zh: "区域党建联盟", en: "Regional Party-building alliance" },
  URBAN_RURAL: { zh: "城乡结对", en: "Urban–rural" },
};

export const PAIRING_STATUS_LABELS: Labels<"ACTIVE" | "ENDED"> = {
  ACTIVE: { zh: "进行中", en: "Active" },
  ENDED: { zh: "已结束", en: "Ended" },
};

export const PAIRING_ROLE_LABELS: Labels<"HELPER" | "RECIPIENT" | "MEMBER"> = {
  HELPER: { zh: "帮扶方", en: "Helper" },
  RECIPIENT: { zh: "受援方", en: "Recipient" },
  MEMBER: { zh: "成员方", en: "Member" },
};

export const FOCUS_AREA_LABELS: Labels<"PARTY_BUILDING" | "DEVELOPMENT" | "GOVERNANCE" | "SERVICE" | "MASSES"> = {
  PARTY_BUILDING: { zh: "党建联抓", en: "Party building" },
  DEVELOPMENT: { zh: "发展联促", en: "Development" },
  GOVERNANCE: { zh: "治理联推", en: "Governance" },
  SERVICE: { zh: "服务联做", en: "Services" },
  MASSES: { zh: "群众联带", en: "The masses" },
};

export const JOINT_COUNCIL_KIND_LABELS: Labels<"REGIONAL_JOINT_MEETING" | "CO_BUILDING_COUNCIL"> = {
  REGIONAL_JOINT_MEETING: { zh: "区域化党建联席会议", en: "Regional Party-building joint meeting" },
  CO_BUILDING_COUNCIL: { zh: "共建议事会", en: "Co-building council" },
};

export const COUNCIL_CAPACITY_LABELS: Labels<
  "TWO_REPS_ONE_MEMBER" | "PART_TIME_COMMITTEE" | "RURAL_TALENT" | "UNIT_REPRESENTATIVE"
> = {
  TWO_REPS_ONE_MEMBER: { zh: "两代表一委员", en: "Deputy or committee member (two representatives, one member)" },
  PART_TIME_COMMITTEE: { zh: "兼职委员", en: "Part-time committee member" },
  RURAL_TALENT: { zh: "农村优秀人才", en: "Rural talent" },
  UNIT_REPRESENTATIVE: { zh: "单位代表", en: "Unit representative" },
};

export const SERVICE_CENTER_LEVEL_LABELS: Labels<"TOWN" | "COMMUNITY" | "VILLAGE"> = {
  TOWN: { zh: "镇党群服务中心", en: "Town Party-mass service center" },
  COMMUNITY: { zh: "农村社区党群服务中心", en: "Rural community Party-mass service center" },
  VILLAGE: { zh: "村党群服务站", en: "Village Party-mass service station" },
};

export const SERVICE_MODE_LABELS: Labels<"DIRECT" | "PROXY" | "CONSULT"> = {
  DIRECT: { zh: "直办", en: "Handled directly" },
  PROXY: { zh: "代办", en: "Handled on the resident's behalf" },
  CONSULT: { zh: "咨询", en: "Advice" },
};

export const MERGE_SCENARIO_STATUS_LABELS: Labels<"DRAFT" | "APPLIED" | "REVERTED" | "DISCARDED"> = {
  DRAFT: { zh: "草稿", en: "Draft" },
  APPLIED: { zh: "已实施", en: "Applied" },
  REVERTED: { zh: "已撤销", en: "Reverted" },
  DISCARDED: { zh: "已作废", en: "Discarded" },
};

export const NETWORK_NODE_TYPE_LABELS: Labels<
  "PARTY_ORGANIZATION" | "INSTITUTION" | "TWO_NEW_ORGANIZATION" | "PAIRING" | "JOINT_COUNCIL"
> = {
  PARTY_ORGANIZATION: { zh: "党组织", en: "Party organization" },
  INSTITUTION: { zh: "机关企事业单位", en: "Institution" },
  TWO_NEW_ORGANIZATION: { zh: "两新组织", en: "Two-new organization" },
  PAIRING: { zh: "结对共建", en: "Pairing" },
  JOINT_COUNCIL: { zh: "联席会议 / 议事会", en: "Joint council" },
};

export const NETWORK_EDGE_TYPE_LABELS: Labels<
  "PARTY_TO" | "HAS_PARTY_ORG" | "MEMBER_UNIT_OF" | "CONVENED_BY" | "SUBORDINATE_TO" | "COVERS" | "WORK_COVERS"
> = {
  PARTY_TO: { zh: "结对方", en: "Party to" },
  HAS_PARTY_ORG: { zh: "所属党组织", en: "Has Party organization" },
  MEMBER_UNIT_OF: { zh: "成员单位", en: "Member unit of" },
  CONVENED_BY: { zh: "召集", en: "Convened by" },
  SUBORDINATE_TO: { zh: "隶属关系", en: "Subordinate to" },
  COVERS: { zh: "组织覆盖", en: "Covers" },
  WORK_COVERS: { zh: "工作覆盖", en: "Work-covers" },
};

/**
 * What a gap is about: not an enum (`CoverageGap.subjectLabel` is text), so not in ENUM_LABELS;
 * named as the network names the same nodes.
 */
export const GAP_SUBJECT_LABELS: Labels<GapSubjectLabel> = {
  Region: { zh: "区划", en: "Region" },
  PartyOrganization: NETWORK_NODE_TYPE_LABELS.PARTY_ORGANIZATION,
  TwoNewOrganization: NETWORK_NODE_TYPE_LABELS.TWO_NEW_ORGANIZATION,
  JointCouncil: NETWORK_NODE_TYPE_LABELS.JOINT_COUNCIL,
};

/** The roles of a token (src/domain/principal.ts); `Me.role` and `AuditEntry.role` carry them as text. */
export const ROLE_LABELS: Labels<Role> = {
  ADMIN: { zh: "管理员", en: "Administrator" },
  EDITOR: { zh: "编辑", en: "Editor" },
  PLANNER: { zh: "规划", en: "Planner" },
  ANALYST: { zh: "分析", en: "Analyst" },
  VIEWER: { zh: "只读", en: "Viewer" },
};

/** The codes of `PlanningWarning.code` (src/planning/planning.service.ts). */
export const PLANNING_WARNING_LABELS: Labels<
  "SPREAD_TOO_LARGE" | "ONLY_WEAK_VILLAGES" | "NO_SECRETARY_CANDIDATE" | "TOO_FEW_HOUSEHOLDS" | "NO_SHARED_INDUSTRY"
> = {
  SPREAD_TOO_LARGE: { zh: "范围过大", en: "Spread too large" },
  ONLY_WEAK_VILLAGES: { zh: "全是薄弱村", en: "Only weak villages" },
  NO_SECRETARY_CANDIDATE: { zh: "没有书记人选", en: "No secretary candidate" },
  TOO_FEW_HOUSEHOLDS: { zh: "户数过少", en: "Too few households" },
  NO_SHARED_INDUSTRY: { zh: "没有共同产业", en: "No shared industry" },
};

/** The codes of `SuggestionTarget.limitedBy`: the rules that stop a suggestion short of its target. */
export type SuggestionLimitCode =
  "MAX_SPREAD_KM" | "MAX_GROUP_SIZE" | "STRONG_VILLAGE" | "MIN_HOUSEHOLDS" | "MIN_GROUP_SIZE" | "NO_LOCATION";

export const SUGGESTION_LIMIT_LABELS: Labels<SuggestionLimitCode> = {
  MAX_SPREAD_KM: { zh: "超出最大间距", en: "Largest spread" },
  MAX_GROUP_SIZE: { zh: "超出每组最多村数", en: "Most villages in a group" },
  STRONG_VILLAGE: { zh: "缺少强村带动", en: "No strong village" },
  MIN_HOUSEHOLDS: { zh: "户数不足", en: "Too few households" },
  MIN_GROUP_SIZE: { zh: "村数不足", en: "Too few villages" },
  NO_LOCATION: { zh: "缺少位置", en: "No location" },
};

/** What a front end shows of a region, which the `regionChanged` subscription says may have changed. */
export const REGION_VIEW_LABELS: Labels<"COVERAGE_REPORT" | "GAP_LIST" | "PAIRING_NETWORK"> = {
  COVERAGE_REPORT: { zh: "覆盖报告", en: "Coverage report" },
  GAP_LIST: { zh: "缺口清单", en: "Gap list" },
  PAIRING_NETWORK: { zh: "结对网络", en: "Pairing network" },
};

/**
 * Every labelled set by its GraphQL enum name; `Role`, `PlanningWarningCode` and `SuggestionLimit` are closed sets
 * the API carries as text. Tables in the order of their values' declaration.
 */
export const ENUM_LABELS = {
  CooperativeKind: COOPERATIVE_KIND_LABELS,
  CouncilCapacity: COUNCIL_CAPACITY_LABELS,
  CoverageClass: COVERAGE_CLASS_LABELS,
  CoverageMode: COVERAGE_MODE_LABELS,
  FocusArea: FOCUS_AREA_LABELS,
  GapKind: GAP_KIND_LABELS,
  Gender: GENDER_LABELS,
  InstitutionKind: INSTITUTION_KIND_LABELS,
  JointCouncilKind: JOINT_COUNCIL_KIND_LABELS,
  MergeScenarioStatus: MERGE_SCENARIO_STATUS_LABELS,
  NetworkEdgeType: NETWORK_EDGE_TYPE_LABELS,
  NetworkNodeType: NETWORK_NODE_TYPE_LABELS,
  OrgLifeEventKind: ORG_LIFE_EVENT_LABELS,
  OrganizationStatus: ORGANIZATION_STATUS_LABELS,
  PairingKind: PAIRING_KIND_LABELS,
  PairingRole: PAIRING_ROLE_LABELS,
  PairingStatus: PAIRING_STATUS_LABELS,
  PartyOrganizationCategory: PARTY_ORGANIZATION_CATEGORY_LABELS,
  PartyOrganizationKind: PARTY_ORGANIZATION_KIND_LABELS,
  PartyStatus: PARTY_STATUS_LABELS,
  PlanningWarningCode: PLANNING_WARNING_LABELS,
  PostTitle: POST_TITLE_LABELS,
  RegionLevel: REGION_LEVEL_LABELS,
  RegionStatus: REGION_STATUS_LABELS,
  RegionView: REGION_VIEW_LABELS,
  Role: ROLE_LABELS,
  ServiceCenterLevel: SERVICE_CENTER_LEVEL_LABELS,
  ServiceMode: SERVICE_MODE_LABELS,
  SuggestionLimit: SUGGESTION_LIMIT_LABELS,
  TwoNewOrganizationType: TWO_NEW_ORGANIZATION_TYPE_LABELS,
  VillageClass: VILLAGE_CLASS_LABELS,
} as const satisfies Record<string, Labels<string>>;

export type LabelledEnum = keyof typeof ENUM_LABELS;

/** Schema descriptions of an enum's values, generated from its labels (type-graphql's valuesConfig). */
export function valueDescriptions(labels: Labels<string>): Record<string, { description: string }> {
  return Object.fromEntries(
    Object.entries(labels).map(([value, label]) => [value, { description: labelDescription(label) }]),
  );
}
