/**
 * The gap rules of docs/domain.md (section 5, Coverage rules) as pure functions of facts and asOf:
 * for each gap kind, the facts that yield it and the nearest that do not, thresholds at their
 * boundaries (docs/domain.md, Exact boundaries). Expectations are worked out by hand from the
 * document; the graph's side (which facts the Cypher reads) is tests/coverage*.test.ts's.
 */
import { describe, expect, it } from "vitest";
import { council, village } from "../../tests/fixtures/coverage-facts.js";
import { loadConfig } from "../config.js";
import { addDays } from "../domain/dates.js";
import { GAP_KINDS, type GapKindName } from "../domain/gap-kinds.js";
import { ORG_LIFE_WINDOWS } from "../domain/org-life.js";
import {
  councilGaps,
  gridGaps,
  orgLifeChangesOn,
  orgLifeGaps,
  requiredOrgLife,
  servesOn,
  termsChangeOn,
  townGaps,
  twoNewGaps,
  villageChangesOn,
  villageGaps,
  type GridFacts,
  type OrgLifeFacts,
  type TwoNewFacts,
  type VillageFacts,
} from "./coverage.rules.js";

const asOf = "2026-06-30";
/** The day `days` days before asOf (after it when negative). */
const before = (days: number) => addDays(asOf, -days);
const RULES = loadConfig({}).rules;

/** Each case: what it is, the facts that differ from a subject with no gap, the kinds it yields. */
type Case<Facts> = [string, Partial<Facts>, GapKindName[]];
const kinds = (gaps: Array<{ kind: GapKindName }>) => gaps.map((g) => g.kind).sort();
/** Every kind some case below yields: each of GAP_KINDS must be one. */
const yielded = new Set<GapKindName>();
const check = <Facts>(cases: Array<Case<Facts>>, gapsOf: (facts: Partial<Facts>) => Array<{ kind: GapKindName }>) => {
  for (const [, , expected] of cases) for (const kind of expected) yielded.add(kind);
  it.each(cases)("%s", (_, facts, expected) => expect(kinds(gapsOf(facts))).toEqual([...expected].sort()));
};

describe("the thresholds", () => {
  it("default to docs/domain.md's: 10 万元, two years, 90 days, 3 formal members", () => {
    expect(RULES).toMatchObject({
      weakCollectiveIncome: 10,
      recruitmentYears: 2,
      councilInactiveDays: 90,
      ownOrgMinMembers: 3,
    });
  });
});

describe("two-new organization gaps", () => {
  const organization = (facts: Partial<TwoNewFacts>): TwoNewFacts => ({
    scope: ["O", "T"],
    id: "O",
    name: "O",
    formalMembers: 0,
    coverModes: [],
    workCovered: false,
    instructed: false,
    ...facts,
  });
  check<TwoNewFacts>(
    [
      ["3 formal members, not covered", { formalMembers: 3 }, ["SHOULD_FORM_OWN_ORG"]],
      ["3 formal members, covered JOINT only", { formalMembers: 3, coverModes: ["JOINT"] }, ["SHOULD_FORM_OWN_ORG"]],
      ["3 formal members, own-covered", { formalMembers: 3, coverModes: ["OWN", "JOINT"] }, []],
      ["2 formal members, not covered", { formalMembers: 2 }, ["SHOULD_JOIN_JOINT_ORG"]],
      ["1 formal member, not covered", { formalMembers: 1 }, ["SHOULD_JOIN_JOINT_ORG"]],
      ["2 formal members, covered AFFILIATED", { formalMembers: 2, coverModes: ["AFFILIATED"] }, []],
      ["no formal member, class NONE", {}, ["NO_WORK_COVERAGE"]],
      ["no formal member, work covered", { workCovered: true }, []],
      ["no formal member, instructed", { instructed: true }, []],
      ["no formal member, covered JOINT", { coverModes: ["JOINT"] }, []],
    ],
    (facts) => twoNewGaps(organization(facts), RULES),
  );
});

describe("village gaps", () => {
  const serving = [{ since: null, until: null }];
  check<VillageFacts>(
    [
      ["nothing missing", {}, []],
      ["no village org", { hasPartyOrg: false }, ["VILLAGE_WITHOUT_PARTY_ORG"]],
      [
        "no village org: the org's own rules do not apply",
        {
          hasPartyOrg: false,
          secretaryIsDirector: false,
          secretaryIsCollectiveHead: false,
          subordinateToTownOrg: false,
          latestRecruitOn: null,
        },
        ["VILLAGE_WITHOUT_PARTY_ORG"],
      ],
      ["secretary not director", { secretaryIsDirector: false }, ["SECRETARY_NOT_DIRECTOR"]],
      ["secretary not collective head", { secretaryIsCollectiveHead: false }, ["SECRETARY_NOT_COLLECTIVE_HEAD"]],
      ["org not under the town's", { subordinateToTownOrg: false }, ["VILLAGE_ORG_DETACHED"]],
      ["no grid", { directGrids: 0, directGridsWithOrg: 0 }, ["VILLAGE_WITHOUT_GRID"]],
      ["a grid without org (a chain break, no village gap)", { directGrids: 2, directGridsWithOrg: 1 }, []],
      ["no reserve secretary", { hasReserveSecretary: false }, ["NO_RESERVE_SECRETARY"]],
      ["no service station", { hasServiceStation: false }, ["NO_SERVICE_STATION"]],
      // Weak: income strictly below 10 万元, or a 软弱涣散 org; served by a first secretary unless said otherwise.
      [
        "income 9.99 万元, unpaired",
        { collectiveIncome: 9.99, paired: false, firstSecretaryTerms: serving },
        ["WEAK_VILLAGE_UNPAIRED"],
      ],
      ["income 10 万元, unpaired: not weak", { collectiveIncome: 10, paired: false }, []],
      ["income unknown, unpaired: not weak", { collectiveIncome: null, paired: false }, []],
      [
        "org 软弱涣散, unpaired",
        { orgIsWeak: true, paired: false, firstSecretaryTerms: serving },
        ["WEAK_VILLAGE_UNPAIRED"],
      ],
      ["weak, paired, nobody serving", { orgIsWeak: true }, ["WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY"]],
      [
        "weak, first secretary until the day before asOf",
        { orgIsWeak: true, firstSecretaryTerms: [{ since: null, until: "2026-06-29" }] },
        ["WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY"],
      ],
      [
        "weak, first secretary from the day after asOf",
        { orgIsWeak: true, firstSecretaryTerms: [{ since: "2026-07-01", until: null }] },
        ["WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY"],
      ],
      [
        "weak, first secretary from asOf until asOf",
        { orgIsWeak: true, firstSecretaryTerms: [{ since: "2026-06-30", until: "2026-06-30" }] },
        [],
      ],
      ["weak, a work team serving", { orgIsWeak: true, workTeamTerms: serving }, []],
      // The recruitment window is [asOf − 2 years, asOf].
      ["latest recruit exactly two years before asOf", { latestRecruitOn: "2024-06-30" }, []],
      ["latest recruit a day earlier", { latestRecruitOn: "2024-06-29" }, ["NO_RECENT_RECRUITMENT"]],
      ["no recruit ever", { latestRecruitOn: null }, ["NO_RECENT_RECRUITMENT"]],
      [
        "a join recorded after asOf only",
        { latestRecruitOn: null, upcomingRecruitOn: "2026-07-01" },
        ["NO_RECENT_RECRUITMENT"],
      ],
      // New villages: each structure missing in turn; an old village needs none of them.
      ["an old village without the new-village structures", { hasCoBuildingCouncil: false, hasMassOrg: false }, []],
      [
        "new village with council, part-time member and mass org",
        { isNewVillage: true, hasCoBuildingCouncil: true, hasPartTimeCommitteeMember: true, hasMassOrg: true },
        [],
      ],
      [
        "new village without council",
        { isNewVillage: true, hasPartTimeCommitteeMember: true, hasMassOrg: true },
        ["NEW_VILLAGE_WITHOUT_COUNCIL"],
      ],
      [
        "new village without part-time member",
        { isNewVillage: true, hasCoBuildingCouncil: true, hasMassOrg: true },
        ["NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER"],
      ],
      [
        "new village without part-time member nor village org",
        { isNewVillage: true, hasPartyOrg: false, hasCoBuildingCouncil: true, hasMassOrg: true },
        ["VILLAGE_WITHOUT_PARTY_ORG"],
      ],
      [
        "new village without mass org",
        { isNewVillage: true, hasCoBuildingCouncil: true, hasPartTimeCommitteeMember: true },
        ["NEW_VILLAGE_WITHOUT_MASS_ORG"],
      ],
    ],
    (facts) => villageGaps(village(["V", "T"], facts), asOf, RULES),
  );
});

describe("grid and town gaps", () => {
  const grid = (facts: Partial<GridFacts>): GridFacts => ({
    scope: ["G", "V"],
    code: "G",
    name: "G",
    hasGridOrg: true,
    hasCentralHousehold: true,
    parentIsVillage: true,
    gridOrgUnderVillageOrg: true,
    ...facts,
  });
  check<GridFacts>(
    [
      ["nothing missing", {}, []],
      ["no grid org", { hasGridOrg: false, gridOrgUnderVillageOrg: false }, ["GRID_WITHOUT_PARTY_ORG"]],
      ["grid org not under the village's", { gridOrgUnderVillageOrg: false }, ["GRID_ORG_DETACHED"]],
      ["nested grid, org not under the village's", { parentIsVillage: false, gridOrgUnderVillageOrg: false }, []],
      ["no central household", { hasCentralHousehold: false }, ["GRID_WITHOUT_CENTRAL_HOUSEHOLD"]],
    ],
    (facts) => gridGaps(grid(facts)),
  );
  check<{ hasJointMeeting: boolean }>(
    [
      ["town without a joint meeting", { hasJointMeeting: false }, ["TOWN_WITHOUT_JOINT_MEETING"]],
      ["town with a joint meeting", { hasJointMeeting: true }, []],
    ],
    (facts) => townGaps({ scope: ["T"], code: "T", name: "T", hasJointMeeting: true, ...facts }),
  );
});

describe("council gaps", () => {
  // Inactive when the latest meeting is strictly more than 90 days before asOf.
  check<{ lastMeetingOn: string | null }>(
    [
      ["latest meeting 90 days before asOf", { lastMeetingOn: "2026-04-01" }, []],
      ["latest meeting 91 days before asOf", { lastMeetingOn: "2026-03-31" }, ["COUNCIL_INACTIVE"]],
      ["no meeting", { lastMeetingOn: null }, ["COUNCIL_INACTIVE"]],
    ],
    (facts) => councilGaps(council(facts.lastMeetingOn ?? null), asOf, RULES),
  );
  it("says how long the council has been idle", () => {
    expect(councilGaps(council("2026-03-31"), asOf, RULES)[0]!.reasonValues).toEqual({
      lastMeetingOn: "2026-03-31",
      idleDays: 91,
      asOf,
    });
  });
});

describe("organizational life", () => {
  const heldOn = "2026-06-29";
  const everyKind = ORG_LIFE_WINDOWS.map((window) => window.kind);
  /** A BRANCH of 7 formal members (so with a committee), founded long ago, that held every kind the day before asOf. */
  const organization = (facts: Partial<OrgLifeFacts>, latest: Record<string, string | null> = {}): OrgLifeFacts => ({
    scope: ["P", "V"],
    id: "P",
    name: "P",
    kind: "BRANCH",
    foundedOn: "2000-01-01",
    formalMembers: 7,
    latestEvents: everyKind.flatMap((kind) => {
      const on = kind in latest ? latest[kind] : heldOn;
      return on === null ? [] : [{ kind, heldOn: on }];
    }),
    ...facts,
  });
  const missing = (facts: Partial<OrgLifeFacts>, latest?: Record<string, string | null>) =>
    orgLifeGaps(organization(facts, latest), asOf).flatMap((g) => g.missingKinds);
  yielded.add("ORG_LIFE_OVERDUE");

  it("counts an event on the first day of its window, not the day before", () => {
    expect(missing({})).toEqual([]);
    expect(missing({}, { THEME_DAY: "2026-05-30" })).toEqual([]); // 31 days before asOf
    expect(missing({}, { THEME_DAY: "2026-05-29" })).toEqual(["THEME_DAY"]); // 32
    expect(missing({}, { MEMBER_CONGRESS: "2026-03-30" })).toEqual([]); // 92
    expect(missing({}, { MEMBER_CONGRESS: "2026-03-29" })).toEqual(["MEMBER_CONGRESS"]); // 93
    expect(missing({}, { LIFE_MEETING: "2025-06-29" })).toEqual([]); // 366
    expect(missing({}, { LIFE_MEETING: "2025-06-28" })).toEqual(["LIFE_MEETING"]); // 367
  });

  it("does not count an event after asOf", () => {
    expect(missing({}, { PARTY_LECTURE: "2026-07-01" })).toEqual(["PARTY_LECTURE"]);
  });

  it("requires committee meetings of a BRANCH of 7 formal members or more, and of a GENERAL_BRANCH of any size", () => {
    expect(missing({}, { COMMITTEE_MEETING: null })).toEqual(["COMMITTEE_MEETING"]);
    expect(missing({ formalMembers: 6 }, { COMMITTEE_MEETING: null })).toEqual([]);
    expect(missing({ kind: "JOINT_BRANCH", formalMembers: 6 }, { COMMITTEE_MEETING: null })).toEqual([]);
    expect(missing({ kind: "GENERAL_BRANCH", formalMembers: 3 }, { COMMITTEE_MEETING: null })).toEqual([
      "COMMITTEE_MEETING",
    ]);
  });

  it("requires no kind whose window holds the founding day", () => {
    const none = { THEME_DAY: null, COMMITTEE_MEETING: null, MEMBER_CONGRESS: null, PARTY_LECTURE: null };
    expect(missing({ foundedOn: "2026-06-01" }, none)).toEqual([]);
    // Founded 92 days before asOf: the 92-day kinds are not due yet, the 31-day ones are.
    expect(missing({ foundedOn: "2026-03-30" }, none)).toEqual(["COMMITTEE_MEETING", "THEME_DAY"]);
    expect(missing({ foundedOn: "2026-03-29" }, none)).toEqual([
      "MEMBER_CONGRESS",
      "COMMITTEE_MEETING",
      "PARTY_LECTURE",
      "THEME_DAY",
    ]);
  });
});

describe("every gap kind", () => {
  it("is yielded by some case above", () => expect([...yielded].sort()).toEqual([...GAP_KINDS]));
});

describe("serving on asOf, and the next day an answer can change with no write", () => {
  it("serve on asOf: since ≤ asOf ≤ until, either end open", () => {
    expect(servesOn({ since: null, until: null }, asOf)).toBe(true);
    expect(servesOn({ since: asOf, until: asOf }, asOf)).toBe(true);
    expect(servesOn({ since: before(-1), until: null }, asOf)).toBe(false);
    expect(servesOn({ since: null, until: before(1) }, asOf)).toBe(false);
  });

  it("say the next day an answer can change with no write", () => {
    expect(
      termsChangeOn(
        [
          { since: "2024-01-01", until: asOf },
          { since: before(-5), until: null },
        ],
        asOf,
      ),
    ).toBe(before(-1));
    expect(termsChangeOn([{ since: "2024-01-01", until: null }], asOf)).toBeNull();
    const served = village(["V"], {
      latestRecruitOn: null,
      firstSecretaryTerms: [{ since: before(-5), until: null }],
      workTeamTerms: [{ since: null, until: before(-2) }],
    });
    expect(villageChangesOn(served, asOf, RULES)).toBe(before(-3));
    const facts = {
      id: "x",
      name: "x",
      kind: "BRANCH",
      formalMembers: 7,
      foundedOn: "2000-01-01",
      scope: ["x"],
      latestEvents: [{ kind: "THEME_DAY", heldOn: before(20) }],
      upcomingEvents: [{ kind: "PARTY_LECTURE", heldOn: before(-30) }],
    };
    // The theme day of 20 days before leaves its 31-day window on the 12th day after asOf.
    expect(orgLifeChangesOn(facts, asOf)).toBe(before(-12));
    expect(orgLifeChangesOn({ ...facts, latestEvents: [] }, asOf)).toBe(before(-30));
    // Founded 92 days before: the 92-day kinds fall due the next day.
    expect(
      requiredOrgLife({ kind: "BRANCH", formalMembers: 7, foundedOn: before(92) }, asOf).map((r) => r.kind),
    ).toEqual(["COMMITTEE_MEETING", "THEME_DAY"]);
    expect(orgLifeChangesOn({ ...facts, foundedOn: before(92), latestEvents: [], upcomingEvents: [] }, asOf)).toBe(
      before(-1),
    );
  });
});
