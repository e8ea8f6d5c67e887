/**
 * Organizational life (三会一课, 主题党日, 组织生活会, 民主评议) of DOMAIN.md, section
 * "Additions (December 2026)": the kinds of OrgLifeEvent, their labels, and how often a village
 * Party organization must hold each (the window, in days up to and including asOf). Free of
 * imports, like gap-kinds.ts, so the web explorer may label the kinds the same way.
 */
export const ORG_LIFE_EVENT_KINDS = [
  "MEMBER_CONGRESS",
  "COMMITTEE_MEETING",
  "GROUP_MEETING",
  "PARTY_LECTURE",
  "THEME_DAY",
  "LIFE_MEETING",
  "MEMBER_REVIEW",
] as const;
export type OrgLifeEventKindName = (typeof ORG_LIFE_EVENT_KINDS)[number];

export const ORG_LIFE_EVENT_LABELS: Record<OrgLifeEventKindName, { zh: string; en: string }> = {
  MEMBER_CONGRESS: { zh: "党员大会", en: "Party member congress" },
  COMMITTEE_MEETING: { zh: "支部委员会/党委会", en: "committee meeting" },
  GROUP_MEETING: { zh: "党小组会", en: "Party group meeting" },
  PARTY_LECTURE: { zh: "党课", en: "Party lecture" },
  THEME_DAY: { zh: "主题党日", en: "theme Party day" },
  LIFE_MEETING: { zh: "组织生活会", en: "organizational life meeting" },
  MEMBER_REVIEW: { zh: "民主评议党员", en: "democratic review of members" },
};

/**
 * The required kinds and their windows: an event counts when heldOn lies in [asOf − days, asOf].
 * COMMITTEE_MEETING is required only of organizations that have a committee (see
 * `hasCommittee`); GROUP_MEETING is never required of the organization itself.
 */
export const ORG_LIFE_WINDOWS: ReadonlyArray<{ kind: OrgLifeEventKindName; days: number }> = [
  { kind: "MEMBER_CONGRESS", days: 92 },
  { kind: "COMMITTEE_MEETING", days: 31 },
  { kind: "PARTY_LECTURE", days: 92 },
  { kind: "THEME_DAY", days: 31 },
  { kind: "LIFE_MEETING", days: 366 },
  { kind: "MEMBER_REVIEW", days: 366 },
];

/** Kinds of organization that always have a committee (党委, 党工委, 党总支). */
const ALWAYS_COMMITTEE = new Set(["COMMITTEE", "WORKING_COMMITTEE", "GENERAL_BRANCH"]);
/** Branches with this many formal members or more elect a branch committee (支部委员会). */
export const BRANCH_COMMITTEE_MIN_MEMBERS = 7;

/** Whether an organization of this kind and size holds committee meetings. */
export function hasCommittee(kind: string, formalMembers: number): boolean {
  if (ALWAYS_COMMITTEE.has(kind)) return true;
  return (kind === "BRANCH" || kind === "JOINT_BRANCH") && formalMembers >= BRANCH_COMMITTEE_MIN_MEMBERS;
}
