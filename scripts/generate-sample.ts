/**
 * Writes seeds/laixi.json: the sample region, Laixi (莱西市, 370285) as the 2019 division list has it.
 *
 *   npx tsx scripts/generate-sample.ts
 *
 * Official (data/divisions/2019, read by src/divisions/): every town-level unit and all 896
 * village-level units, their codes, official and short names, 村委会 as VILLAGE and 居委会 as
 * RESIDENTIAL, as `npm run divisions` writes them; 沟东新村's code and name (the 2023 list).
 * Generated, deterministically (fixed PRNG seeds): every figure (population, households, income,
 * locations around each town's real one), every organization, person, pairing and council, and
 * the sample's history (which real villages formed 沟东新村, 河头店新村 and 夏格庄新村; the last two
 * have generated codes). Each Region's `source` says which is which.
 *
 * Most villages are healthy, and lean: a handful of members and the latest organizational life of
 * each kind, enough for every rule to hold. The first villages of each town get the full detail;
 * among them scripts/sample-plan.ts's DEFECTS table plants every GapKind of DOMAIN.md at least
 * once, each at a named village, so that tests and analysts can tell why a gap is there, and every
 * boundary of the rules (the organizational-life windows, first secretaries' and work teams'
 * service dates, branch sizes) on both sides.
 *
 * Dates are written relative to REFERENCE_DATE, and the file says shiftToLoadDay: the
 * loader moves every date by the same whole days so that REFERENCE_DATE falls on the day
 * it is loaded (src/seed/seed-file.ts, asLoadedOn), and a boundary planted "exactly 92
 * days before" stays exactly 92 days before whatever day that is.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.js";
import { withCheckCharacter } from "../src/domain/credit-code.js";
import { hasCommittee, type OrgLifeEventKindName } from "../src/domain/org-life.js";
import { officialSource, sampleSource } from "../src/divisions/vintages.js";
import { SeedBuilder } from "../src/seed/seed-file.js";
import { createRandom } from "./random.js";
import {
  CITY,
  DISTRICT,
  LAIXI_2019,
  NEW_VILLAGES,
  REFERENCE_DATE,
  SAMPLE_UNITS,
  TOWN_FACTS,
  TOWNS_2019,
  VINTAGE_2019,
  VINTAGE_2023,
  daysBefore,
  ordinaryVillage,
  plantedAt,
  type Defect,
  type NewVillagePlan,
  type SampleUnit,
} from "./sample-plan.js";

const GENERATED = "every other property and everything attached (sample region, scripts/generate-sample.ts)";
/** `source` of the regions the 2019 list names; 沟东新村's; what the sample alone makes up. */
const SOURCE_2019 = sampleSource(VINTAGE_2019, GENERATED);
const SOURCE_2023 = sampleSource(VINTAGE_2023, `the villages it was formed from, when, and ${GENERATED}`);
const SOURCE_GENERATED = "generated: every property (sample region, scripts/generate-sample.ts)";

// 街道 and the development zone have a Party working committee (党工委), towns a committee.
const TOWNS = TOWNS_2019.map((t) => ({ ...t, ...TOWN_FACTS[t.code]!, sub: !t.name.endsWith("镇") }));
type TownInfo = (typeof TOWNS)[number];
const townOf = (code: string) => TOWNS.find((t) => t.code === code)!;

// ---------------------------------------------------------------------------------------
const { random, int, pick } = createRandom(20191225);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------
// Names.
const SURNAMES = "王李张刘孙姜于崔周徐赵杨高林郭马宋邢滕曲隋吕孔毕".split("");
const GIVEN = "建国志强海涛玉兰秀英明华春梅立新淑芬德胜文静红霞永刚桂芝晓东丽娜振华金凤宝山洪波晓燕学军".split("");
function personName(): string {
  return pick(SURNAMES) + pick(GIVEN) + (random() < 0.7 ? pick(GIVEN) : "");
}

// ---------------------------------------------------------------------------------------
const seed = new SeedBuilder();
let personSeq = 0;
let orgSeq = 0;
let miscSeq = 0;

interface Village {
  code: string;
  name: string;
  town: TownInfo;
  defects: Defect[];
  /** A healthy village of few members and the latest organizational life only. */
  lean: boolean;
  orgId?: string;
  secretaryId?: string;
  memberIds: string[];
  weak: boolean;
  strong: boolean;
}

function person(props: {
  partyStatus: "FORMAL" | "PROBATIONARY" | "NONE";
  joinedPartyOn?: string;
  livesIn?: string;
  memberCategory?: string;
}): string {
  personSeq += 1;
  const id = `person-${String(personSeq).padStart(5, "0")}`;
  seed.node("Person", {
    id,
    name: personName(),
    gender: random() < 0.62 ? "MALE" : "FEMALE",
    birthYear: int(1950, 1998),
    partyStatus: props.partyStatus,
    joinedPartyOn: props.joinedPartyOn,
    points: props.partyStatus === "NONE" ? undefined : int(60, 100),
    memberCategory: props.memberCategory ?? (props.partyStatus === "NONE" ? undefined : "农村党员"),
  });
  if (props.livesIn) seed.rel("LIVES_IN", ["Person", id], ["Region", props.livesIn]);
  return id;
}

/** A party member who joined long enough ago not to count as a recent recruit. */
function veteranMember(livesIn?: string, category?: string): string {
  return person({
    partyStatus: "FORMAL",
    joinedPartyOn: isoDate(int(1975, 2022), int(1, 12), int(1, 28)),
    livesIn,
    memberCategory: category,
  });
}

function partyOrg(props: {
  name: string;
  kind: string;
  category: string;
  basedIn: string;
  superior?: string;
  status?: string;
  isWeak?: boolean;
  foundedOn?: string;
}): string {
  orgSeq += 1;
  const id = `po-${String(orgSeq).padStart(4, "0")}`;
  seed.node("PartyOrganization", {
    id,
    name: props.name,
    kind: props.kind,
    category: props.category,
    status: props.status ?? "ACTIVE",
    foundedOn: props.foundedOn ?? isoDate(int(1950, 2015), int(1, 12), 1),
    isWeak: props.isWeak ?? false,
  });
  seed.rel("BASED_IN", ["PartyOrganization", id], ["Region", props.basedIn]);
  if (props.superior) seed.rel("SUBORDINATE_TO", ["PartyOrganization", id], ["PartyOrganization", props.superior]);
  return id;
}

function secretary(personId: string, orgId: string, since: string): void {
  seed.rel("SECRETARY_OF", ["Person", personId], ["PartyOrganization", orgId], { since });
}

function formForMembers(formal: number): string {
  if (formal >= 100) return "COMMITTEE";
  if (formal >= 50) return "GENERAL_BRANCH";
  if (formal >= 3) return "BRANCH";
  return "PARTY_GROUP";
}

function nextId(prefix: string): string {
  miscSeq += 1;
  return `${prefix}-${String(miscSeq).padStart(4, "0")}`;
}

/**
 * Population from the published shape: mean ≈ 868, ~29% above 1,000, ~47% under 200 households. A
 * stream of its own, so that the calibration holds whatever else is drawn.
 */
const figures = createRandom(8680);
function villagePopulation(): number {
  const r = figures.random();
  if (r < 0.47) return figures.int(260, 500);
  if (r < 0.71) return figures.int(520, 1000);
  if (r < 0.9) return figures.int(1010, 1800);
  return figures.int(1800, 2500);
}

// ---------------------------------------------------------------------------------------
// Where each village-level unit lies: its town's units in code order, row by row and back on a grid
// about 1.1 km apart around the town's real location, so that units close by code are neighbours.
const SPACING_KM = 1.1;
const locations = new Map<string, { latitude: number; longitude: number }>();
for (const town of TOWNS) {
  const units = SAMPLE_UNITS.filter((u) => u.townCode === town.code);
  const cols = Math.ceil(Math.sqrt(units.length));
  const rows = Math.ceil(units.length / cols);
  units.forEach((u, i) => {
    const row = Math.floor(i / cols);
    const col = row % 2 === 0 ? i % cols : cols - 1 - (i % cols);
    const northKm = (row - (rows - 1) / 2 + (random() - 0.5) * 0.5) * SPACING_KM;
    const eastKm = (col - (cols - 1) / 2 + (random() - 0.5) * 0.5) * SPACING_KM;
    locations.set(u.code, {
      latitude: round(town.lat + northKm / 111.2, 5),
      longitude: round(town.lon + eastKm / (111.2 * Math.cos((town.lat * Math.PI) / 180)), 5),
    });
  });
}

/** A region the 2019 list names, as `npm run divisions` writes it, with the sample's figures. */
function officialRegion(
  code: string,
  props: Record<string, unknown>,
  { source = SOURCE_2019, parent }: { source?: string; parent?: string } = {},
): void {
  const r = LAIXI_2019.find((record) => record.code === code)!;
  seed.node("Region", {
    code,
    name: r.name,
    officialName: r.officialName,
    level: r.level,
    status: "ACTIVE",
    source,
    divisionVintage: VINTAGE_2019.year,
    ...props,
  });
  const parentCode = parent ?? r.parentCode;
  if (parentCode) seed.rel("PART_OF", ["Region", code], ["Region", parentCode]);
}

// ---------------------------------------------------------------------------------------
// Province (nothing generated), city, district, towns.
officialRegion("370000000000", {}, { source: officialSource(VINTAGE_2019) });
officialRegion(CITY, {
  population: 10_071_700,
  households: 3_800_000,
  location: { latitude: 36.0671, longitude: 120.3826 },
});
officialRegion(DISTRICT, { location: { latitude: 36.8878, longitude: 120.5177 } });

const townOrgs = new Map<string, string>();
const comprehensiveOrgs = new Map<string, string>();
const jointBranches = new Map<string, string>();

for (const town of TOWNS) {
  officialRegion(town.code, {
    location: { latitude: town.lat, longitude: town.lon },
    industries: [...town.industries],
  });
  const townOrg = partyOrg({
    name: `中共莱西市${town.name}${town.sub ? "工作委员会" : "委员会"}`,
    kind: town.sub ? "WORKING_COMMITTEE" : "COMMITTEE",
    category: "TOWN",
    basedIn: town.code,
    foundedOn: "1984-05-01",
  });
  townOrgs.set(town.code, townOrg);
  const townSecretary = veteranMember(town.code, "机关党员");
  seed.rel("MEMBER_OF", ["Person", townSecretary], ["PartyOrganization", townOrg]);
  secretary(townSecretary, townOrg, "2021-09-01");
  for (let i = 0; i < 8; i += 1)
    seed.rel("MEMBER_OF", ["Person", veteranMember(town.code, "机关党员")], ["PartyOrganization", townOrg]);

  // 两新组织综合党委 and one 联合党支部 for small two-new organizations.
  const comprehensive = partyOrg({
    name: `${town.name}两新组织综合党委`,
    kind: "COMMITTEE",
    category: "TWO_NEW_COMPREHENSIVE",
    basedIn: town.code,
    superior: townOrg,
    foundedOn: "2018-07-01",
  });
  comprehensiveOrgs.set(town.code, comprehensive);
  const joint = partyOrg({
    name: `${town.name}非公企业联合党支部`,
    kind: "JOINT_BRANCH",
    category: "TWO_NEW",
    basedIn: town.code,
    superior: comprehensive,
    foundedOn: "2019-03-01",
  });
  jointBranches.set(town.code, joint);
  const jointSecretary = veteranMember(town.code, "两新组织党员");
  seed.rel("MEMBER_OF", ["Person", jointSecretary], ["PartyOrganization", joint]);
  secretary(jointSecretary, joint, "2019-03-01");
}

const villageOf = (u: SampleUnit): Village => ({
  code: u.code,
  name: u.name,
  town: townOf(u.townCode),
  defects: u.defects,
  lean: !u.detailed,
  memberIds: [],
  weak: u.defects.some((d) => d.startsWith("WEAK")),
  strong: u.defects.includes("STRONG"),
});
const villages: Village[] = SAMPLE_UNITS.filter((u) => u.level === "VILLAGE" && !u.mergedInto).map(villageOf);

// Villages: region, grids, Party organizations, committee, collective, people.
function buildVillage(
  v: Village,
  opts: { parent: string; level: "VILLAGE" | "GRID"; members: number; superior?: string; foundedOn?: string },
): void {
  const population = opts.level === "GRID" ? int(260, 480) : villagePopulation();
  const income =
    v.defects.includes("WEAK_BY_INCOME_PAIRED") ||
    v.defects.includes("WEAK_UNPAIRED") ||
    v.defects.includes("WEAK_ONLY_ENDED_PAIRING")
      ? round(3 + random() * 6)
      : v.strong
        ? round(160 + random() * 240)
        : round(12 + random() * 90);
  officialRegion(
    v.code,
    {
      level: opts.level,
      population,
      households: Math.round(population / (2.4 + figures.random() * 0.5)),
      location: locations.get(v.code),
      isNewVillage: false,
      collectiveIncome: income,
      industries: [pick(v.town.industries), pick(v.town.industries)].filter((x, i, a) => a.indexOf(x) === i),
      formerLevel: opts.level === "GRID" ? "VILLAGE" : undefined,
    },
    { parent: opts.parent },
  );

  // Grids with central households.
  const gridCodes: string[] = [];
  const gridCount = v.defects.includes("NO_GRIDS") ? 0 : opts.level === "GRID" || v.lean ? 2 : int(2, 4);
  for (let g = 1; g <= gridCount; g += 1) {
    const code = `${v.code}-G${String(g).padStart(2, "0")}`;
    seed.node("Region", {
      code,
      name: `${v.name}第${g}网格`,
      level: "GRID",
      status: "ACTIVE",
      source: SOURCE_GENERATED,
      population: Math.round(population / gridCount),
    });
    seed.rel("PART_OF", ["Region", code], ["Region", v.code]);
    gridCodes.push(code);
  }

  // Village committee.
  const committee = seed.node("VillageCommittee", {
    id: `vc-${v.code}`,
    name: `${v.name}村民委员会`,
    termStart: "2024-12-01",
  });
  seed.rel("OF", ["VillageCommittee", committee], ["Region", v.code]);
  seed.rel("LOCATED_IN", ["VillageCommittee", committee], ["Region", v.code]);
  // Collective economic organization (股份经济合作社).
  const collective = seed.node("Cooperative", {
    id: `coop-${v.code}`,
    name: `莱西市${v.town.name}${v.name.replace(/村$/, "")}股份经济合作社`,
    kind: "COLLECTIVE",
    creditCode: withCheckCharacter(`N2370285MF${v.code.slice(6, 12)}${String(int(0, 9))}`),
    industry: "集体资产经营",
    memberHouseholds: Math.round(population / 2.7),
    landAreaMu: round(population * 1.9, 0),
    annualRevenue: income,
  });
  seed.rel("LOCATED_IN", ["Cooperative", collective], ["Region", v.code]);

  if (v.defects.includes("NO_VILLAGE_ORG")) {
    // The committee director is not a Party member; the village has no Party organization.
    const director = person({ partyStatus: "NONE", livesIn: v.code });
    seed.rel("HOLDS_POST", ["Person", director], ["VillageCommittee", committee], {
      title: "DIRECTOR",
      since: "2024-12-01",
    });
    seed.rel("RESERVE_FOR", ["Person", person({ partyStatus: "NONE", livesIn: v.code })], ["Region", v.code]);
    seed.node("ServiceCenter", { id: `sc-${v.code}`, name: `${v.name}党群服务站`, level: "VILLAGE", online: false });
    seed.rel("SERVES", ["ServiceCenter", `sc-${v.code}`], ["Region", v.code]);
    seed.rel("LOCATED_IN", ["ServiceCenter", `sc-${v.code}`], ["Region", v.code]);
    for (const grid of gridCodes) {
      seed.rel("CENTRAL_HOUSEHOLD_OF", ["Person", person({ partyStatus: "NONE", livesIn: grid })], ["Region", grid], {
        households: int(8, 20),
      });
    }
    return;
  }

  // Members: formal veterans, one recent recruit (unless planted otherwise), a probationary member.
  const recentRecruits = v.defects.includes("NO_RECENT_RECRUITMENT") ? 0 : 1;
  for (let i = 0; i < opts.members; i += 1) v.memberIds.push(veteranMember(v.code));
  if (recentRecruits)
    v.memberIds.push(
      person({ partyStatus: "FORMAL", joinedPartyOn: daysBefore(REFERENCE_DATE, int(300, 600)), livesIn: v.code }),
    );
  if (!v.defects.includes("NO_RECENT_RECRUITMENT")) {
    v.memberIds.push(
      person({ partyStatus: "PROBATIONARY", joinedPartyOn: daysBefore(REFERENCE_DATE, int(30, 200)), livesIn: v.code }),
    );
  }
  const formal = opts.members + recentRecruits;

  const superior = v.defects.includes("ORG_NOT_SUBORDINATE") ? undefined : opts.superior;
  const orgId = partyOrg({
    name: `中共莱西市${v.town.name}${v.name}${opts.level === "GRID" ? "网格" : ""}${opts.level === "GRID" ? (formal >= 3 ? "支部委员会" : "党小组") : formForMembers(formal) === "GENERAL_BRANCH" ? "总支部委员会" : "支部委员会"}`,
    kind: opts.level === "GRID" ? (formal >= 3 ? "BRANCH" : "PARTY_GROUP") : formForMembers(formal),
    category: opts.level === "GRID" ? "GRID" : "VILLAGE",
    basedIn: v.code,
    superior,
    isWeak: v.defects.includes("WEAK_PAIRED") || v.defects.includes("WEAK_UNPAIRED"),
    foundedOn: opts.foundedOn,
  });
  v.orgId = orgId;
  for (const member of v.memberIds) seed.rel("MEMBER_OF", ["Person", member], ["PartyOrganization", orgId]);
  seed.rel("LEADS", ["PartyOrganization", orgId], ["VillageCommittee", committee]);
  seed.rel("LEADS", ["PartyOrganization", orgId], ["Cooperative", collective]);

  // Secretary: 一肩挑 unless planted otherwise.
  const sec = v.memberIds[0]!;
  v.secretaryId = sec;
  secretary(sec, orgId, "2021-11-01");
  const director = v.defects.includes("SECRETARY_NOT_DIRECTOR") ? v.memberIds[1]! : sec;
  seed.rel("HOLDS_POST", ["Person", director], ["VillageCommittee", committee], {
    title: "DIRECTOR",
    since: "2024-12-01",
  });
  const chair = v.defects.includes("SECRETARY_NOT_COLLECTIVE_HEAD") ? v.memberIds[2]! : sec;
  seed.rel("HOLDS_POST", ["Person", chair], ["Cooperative", collective], { title: "CHAIR", since: "2024-12-01" });
  seed.rel("HOLDS_POST", ["Person", v.memberIds[3]!], ["VillageCommittee", committee], {
    title: "COMMITTEE_MEMBER",
    since: "2024-12-01",
  });
  seed.rel("HOLDS_POST", ["Person", v.memberIds[3]!], ["PartyOrganization", orgId], {
    title: "COMMITTEE_MEMBER",
    since: "2021-11-01",
  });

  if (!v.defects.includes("NO_RESERVE_SECRETARY")) {
    seed.rel("RESERVE_FOR", ["Person", v.memberIds[4]!], ["Region", v.code]);
  }
  if (!v.defects.includes("NO_SERVICE_STATION")) {
    const station = seed.node("ServiceCenter", {
      id: `sc-${v.code}`,
      name: `${v.name}党群服务站`,
      level: "VILLAGE",
      online: random() < 0.6,
    });
    seed.rel("SERVES", ["ServiceCenter", station], ["Region", v.code]);
    seed.rel("LOCATED_IN", ["ServiceCenter", station], ["Region", v.code]);
    const items = [
      ["党员组织关系转接", "DIRECT"],
      ["社保代缴", "PROXY"],
      ["惠农政策咨询", "CONSULT"],
    ] as const;
    for (const [name, mode] of v.lean ? items.slice(0, 1) : items) {
      const item = seed.node("ServiceItem", { id: nextId("si"), name, mode });
      seed.rel("OFFERED_BY", ["ServiceItem", item], ["ServiceCenter", station]);
    }
  }

  // Grid organizations (网格党小组) and central households (党员中心户).
  gridCodes.forEach((grid, index) => {
    const plantedNoOrg = v.defects.includes("GRID_WITHOUT_ORG") && index === gridCodes.length - 1;
    const plantedNoHousehold = v.defects.includes("GRID_WITHOUT_CENTRAL_HOUSEHOLD") && index === 0;
    const gridMembers = v.memberIds.slice(5 + index * 3, 8 + index * 3);
    // GRID_ORG_DETACHED: the last grid's organization hangs under the town's, not the village's.
    const plantedDetached = v.defects.includes("GRID_ORG_DETACHED") && index === gridCodes.length - 1;
    if (!plantedNoOrg) {
      const gridOrg = partyOrg({
        name: `${v.name}第${index + 1}网格党小组`,
        kind: "PARTY_GROUP",
        category: "GRID",
        basedIn: grid,
        superior: plantedDetached ? opts.superior : orgId,
      });
      for (const member of gridMembers) seed.rel("MEMBER_OF", ["Person", member], ["PartyOrganization", gridOrg]);
    }
    // A small village has fewer members than grids need: a veteran keeps the households of a grid left without.
    const household = gridMembers[0] ?? v.memberIds[index % Math.min(5, v.memberIds.length)];
    if (!plantedNoHousehold && household) {
      seed.rel("CENTRAL_HOUSEHOLD_OF", ["Person", household], ["Region", grid], { households: int(8, 20) });
    }
  });
}

const newVillageOrgs = new Map<string, string>();

// Formal veterans of the villages whose size is a boundary (with a recent recruit: 6 and 7 formal members).
const PLANTED_MEMBERS: Partial<Record<Defect, number>> = {
  SMALL_BRANCH_6: 5,
  BRANCH_7_NO_COMMITTEE_MEETING: 6,
  GRID_ORG_DETACHED: 18,
  FOUNDED_92_DAYS_AGO: 22,
};
const LEAN_MEMBERS = 3;
for (const v of villages) {
  const planted = v.defects.map((d) => PLANTED_MEMBERS[d]).find((n) => n !== undefined);
  buildVillage(v, {
    parent: v.town.code,
    level: "VILLAGE",
    members: planted ?? (v.lean ? LEAN_MEMBERS : v.strong ? int(48, 60) : int(14, 40)),
    superior: townOrgs.get(v.town.code),
    foundedOn: v.defects.includes("FOUNDED_92_DAYS_AGO") ? daysBefore(REFERENCE_DATE, 92) : undefined,
  });
}

// 居委会: a community with its Party organization, none of a village's rules.
for (const u of SAMPLE_UNITS.filter((unit) => unit.level === "RESIDENTIAL")) {
  const population = int(1000, 4000);
  officialRegion(u.code, {
    population,
    households: Math.round(population / (2.5 + random() * 0.4)),
    location: locations.get(u.code),
  });
  const town = townOf(u.townCode);
  const org = partyOrg({
    name: `中共莱西市${town.name}${u.name}支部委员会`,
    kind: "BRANCH",
    category: "COMMUNITY",
    basedIn: u.code,
    superior: townOrgs.get(town.code),
  });
  const members = Array.from({ length: 5 }, () => veteranMember(u.code, "社区党员"));
  for (const member of members) seed.rel("MEMBER_OF", ["Person", member], ["PartyOrganization", org]);
  secretary(members[0]!, org, "2021-11-01");
}

/** A new village (新村): its region, its organization over the absorbed villages' (now grids), committee, collective, service center. */
function buildNewVillage(nv: NewVillagePlan): void {
  const town = townOf(nv.townCode);
  const parts = nv.absorbed.map((code) => villageOf(SAMPLE_UNITS.find((u) => u.code === code)!));
  // Its org is created first so that the absorbed villages' orgs (now grid orgs) are subordinate to it;
  // BASED_IN needs the region, so the region comes first of all.
  seed.node("Region", {
    code: nv.code,
    name: nv.name,
    officialName: nv.officialName,
    level: "VILLAGE",
    status: "ACTIVE",
    source: nv.officialName ? SOURCE_2023 : SOURCE_GENERATED,
    isNewVillage: true,
    validFrom: nv.mergedOn,
  });
  const orgId = partyOrg({
    name: `中共莱西市${town.name}${nv.name}总支部委员会`,
    kind: "GENERAL_BRANCH",
    category: "VILLAGE",
    basedIn: nv.code,
    superior: townOrgs.get(town.code),
    foundedOn: nv.mergedOn,
  });
  for (const part of parts)
    buildVillage(part, { parent: nv.code, level: "GRID", members: int(11, 15), superior: orgId });
  const regions = parts.map((p) => seed.get("Region", p.code));
  const sum = (field: string) => regions.reduce((acc, r) => acc + Number(r[field] ?? 0), 0);
  Object.assign(seed.get("Region", nv.code), {
    population: sum("population"),
    households: sum("households"),
    collectiveIncome: round(sum("collectiveIncome")),
    industries: [...new Set(regions.flatMap((r) => r.industries as string[]))],
    location: {
      latitude: round(
        regions.reduce((a, r) => a + (r.location as { latitude: number }).latitude, 0) / regions.length,
        5,
      ),
      longitude: round(
        regions.reduce((a, r) => a + (r.location as { longitude: number }).longitude, 0) / regions.length,
        5,
      ),
    },
  });
  seed.rel("PART_OF", ["Region", nv.code], ["Region", town.code]);
  // The form rule on the combined formal members (each part has one probationary member).
  const combined = parts.reduce((acc, p) => acc + p.memberIds.length - 1, 0);
  const newOrg = seed.get("PartyOrganization", orgId);
  newOrg.kind = formForMembers(combined);
  if (newOrg.kind !== "GENERAL_BRANCH")
    newOrg.name = `中共莱西市${town.name}${nv.name}${newOrg.kind === "COMMITTEE" ? "委员会" : "支部委员会"}`;
  newVillageOrgs.set(nv.code, orgId);
  for (const part of parts) seed.rel("MERGED_INTO", ["Region", part.code], ["Region", nv.code], { on: nv.mergedOn });
  const committee = seed.node("VillageCommittee", {
    id: `vc-${nv.code}`,
    name: `${nv.name}村民委员会`,
    termStart: "2024-12-01",
  });
  seed.rel("OF", ["VillageCommittee", committee], ["Region", nv.code]);
  seed.rel("LOCATED_IN", ["VillageCommittee", committee], ["Region", nv.code]);
  seed.rel("LEADS", ["PartyOrganization", orgId], ["VillageCommittee", committee]);
  const collective = seed.node("Cooperative", {
    id: `coop-${nv.code}`,
    name: `莱西市${town.name}${nv.name}股份经济合作社联合社`,
    kind: "COLLECTIVE",
    creditCode: withCheckCharacter(`N2370285MF${nv.code.slice(6, 12)}9`),
    industry: "集体资产经营",
    memberHouseholds: sum("households"),
    landAreaMu: round(sum("population") * 1.9, 0),
    annualRevenue: round(sum("collectiveIncome")),
  });
  seed.rel("LOCATED_IN", ["Cooperative", collective], ["Region", nv.code]);
  seed.rel("LEADS", ["PartyOrganization", orgId], ["Cooperative", collective]);
  // The new village's secretary: the strongest former secretary, 一肩挑.
  const sec = parts[0]!.secretaryId!;
  secretary(sec, orgId, nv.mergedOn);
  seed.rel("MEMBER_OF", ["Person", sec], ["PartyOrganization", orgId]);
  seed.rel("HOLDS_POST", ["Person", sec], ["VillageCommittee", committee], { title: "DIRECTOR", since: "2024-12-01" });
  seed.rel("HOLDS_POST", ["Person", sec], ["Cooperative", collective], { title: "CHAIR", since: "2024-12-01" });
  seed.rel("RESERVE_FOR", ["Person", parts[1]!.memberIds[4]!], ["Region", nv.code]);
  // 兼职委员: part-time committee members from the region's units (one who has left the post holds none).
  const partTimer = veteranMember(nv.code, "兼职委员");
  if (nv.partTime !== false)
    seed.rel("HOLDS_POST", ["Person", partTimer], ["PartyOrganization", orgId], {
      title: "PART_TIME_COMMITTEE",
      since: nv.mergedOn,
    });
  // 区域化党群服务中心 serving the new village and all its grids.
  const center = seed.node("ServiceCenter", {
    id: `sc-${nv.code}`,
    name: `${nv.name}党群服务中心`,
    level: "COMMUNITY",
    online: true,
  });
  seed.rel("SERVES", ["ServiceCenter", center], ["Region", nv.code]);
  seed.rel("LOCATED_IN", ["ServiceCenter", center], ["Region", nv.code]);
  for (const [name, mode] of [
    ["医保办理", "DIRECT"],
    ["老年人优待证", "DIRECT"],
    ["土地流转咨询", "CONSULT"],
    ["营业执照代办", "PROXY"],
  ] as const) {
    const item = seed.node("ServiceItem", { id: nextId("si"), name, mode });
    seed.rel("OFFERED_BY", ["ServiceItem", item], ["ServiceCenter", center]);
  }
  // 区域化群团组织
  if (nv.massOrg !== false) {
    const mass = seed.node("MassOrganization", { id: nextId("mass"), name: `${nv.name}区域化妇联`, kind: "妇联" });
    seed.rel("LOCATED_IN", ["MassOrganization", mass], ["Region", nv.code]);
    seed.rel("LEADS", ["PartyOrganization", orgId], ["MassOrganization", mass]);
  }
  villages.push({
    code: nv.code,
    name: nv.name,
    town,
    defects: [],
    lean: false,
    orgId,
    secretaryId: sec,
    memberIds: [],
    weak: false,
    strong: false,
  });
}
for (const nv of NEW_VILLAGES) buildNewVillage(nv);

// ---------------------------------------------------------------------------------------
// Towns: service centers, mass organizations.
for (const town of TOWNS) {
  const center = seed.node("ServiceCenter", {
    id: `sc-${town.code}`,
    name: `${town.name}党群服务中心`,
    level: "TOWN",
    online: true,
  });
  seed.rel("SERVES", ["ServiceCenter", center], ["Region", town.code]);
  seed.rel("LOCATED_IN", ["ServiceCenter", center], ["Region", town.code]);
  for (const [name, mode] of [
    ["户籍业务", "DIRECT"],
    ["不动产登记", "PROXY"],
    ["就业创业", "DIRECT"],
    ["法律援助", "CONSULT"],
    ["残疾人证办理", "PROXY"],
  ] as const) {
    const item = seed.node("ServiceItem", { id: nextId("si"), name, mode });
    seed.rel("OFFERED_BY", ["ServiceItem", item], ["ServiceCenter", center]);
  }
  for (const [name, kind] of [
    [`${town.name}妇联`, "妇联"],
    [`共青团${town.name}委员会`, "共青团"],
  ] as const) {
    const mass = seed.node("MassOrganization", { id: nextId("mass"), name, kind });
    seed.rel("LOCATED_IN", ["MassOrganization", mass], ["Region", town.code]);
    seed.rel("LEADS", ["PartyOrganization", townOrgs.get(town.code)!], ["MassOrganization", mass]);
  }
}

// ---------------------------------------------------------------------------------------
// Institutions with their own Party organizations.
const INSTITUTIONS = [
  { id: "inst-qdzzb", name: "中共青岛市委组织部", kind: "GOVERNMENT_AGENCY", region: CITY },
  { id: "inst-lxnyj", name: "莱西市农业农村局", kind: "GOVERNMENT_AGENCY", region: DISTRICT },
  { id: "inst-qau", name: "青岛农业大学", kind: "UNIVERSITY", region: CITY },
  { id: "inst-qdgt", name: "青岛国信发展集团", kind: "SOE", region: CITY },
  { id: "inst-lxyy", name: "莱西市人民医院", kind: "PUBLIC_INSTITUTION", region: DISTRICT },
  { id: "inst-lxrcb", name: "青岛农商银行莱西支行", kind: "FINANCIAL", region: DISTRICT },
  { id: "inst-lxny", name: "莱西市农业发展集团有限公司", kind: "PLATFORM_COMPANY", region: DISTRICT },
  { id: "inst-sbsq", name: "市北区辽宁路街道华阳路社区", kind: "URBAN_COMMUNITY", region: CITY },
  { id: "inst-lssq", name: "崂山区中韩街道东韩社区", kind: "URBAN_COMMUNITY", region: CITY },
] as const;
const institutionOrgs = new Map<string, string>();
for (const inst of INSTITUTIONS) {
  seed.node("Institution", { id: inst.id, name: inst.name, kind: inst.kind });
  seed.rel("LOCATED_IN", ["Institution", inst.id], ["Region", inst.region]);
  const orgId = partyOrg({
    name: `${inst.name}${inst.kind === "URBAN_COMMUNITY" ? "党委" : "机关党委"}`,
    kind: inst.kind === "URBAN_COMMUNITY" ? "GENERAL_BRANCH" : "COMMITTEE",
    category: "INSTITUTION",
    basedIn: inst.region,
  });
  institutionOrgs.set(inst.id, orgId);
  seed.rel("HAS_PARTY_ORG", ["Institution", inst.id], ["PartyOrganization", orgId]);
  const sec = veteranMember(undefined, "机关党员");
  seed.rel("MEMBER_OF", ["Person", sec], ["PartyOrganization", orgId]);
  seed.rel("WORKS_AT", ["Person", sec], ["Institution", inst.id]);
  secretary(sec, orgId, "2022-01-01");
}

// First secretaries (第一书记) in weak villages, dispatched by institutions; their service dates
// plant the boundaries of WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY (a village without one keeps the
// dispatched person, not yet assigned).
const weakVillages = villages.filter((v) => v.weak);
weakVillages.forEach((v, i) => {
  const inst = INSTITUTIONS[i % 6]!;
  const fs1 = veteranMember(undefined, "机关党员");
  seed.rel("WORKS_AT", ["Person", fs1], ["Institution", inst.id]);
  seed.rel("MEMBER_OF", ["Person", fs1], ["PartyOrganization", institutionOrgs.get(inst.id)!]);
  seed.rel("DISPATCHED_BY", ["Person", fs1], ["Institution", inst.id]);
  if (v.defects.some((d) => d === "NO_FIRST_SECRETARY" || d === "WORK_TEAM_IN_TOWN" || d === "WORK_TEAM_IN_GRID"))
    return;
  const term = v.defects.includes("FIRST_SECRETARY_UNTIL_AS_OF")
    ? { since: "2024-03-01", until: REFERENCE_DATE }
    : v.defects.includes("FIRST_SECRETARY_ENDED")
      ? { since: "2024-03-01", until: daysBefore(REFERENCE_DATE, 1) }
      : v.defects.includes("FIRST_SECRETARY_SINCE_AS_OF")
        ? { since: REFERENCE_DATE }
        : { since: "2024-03-01" };
  seed.rel("FIRST_SECRETARY_OF", ["Person", fs1], ["Region", v.code], term);
});

// ---------------------------------------------------------------------------------------
// Other Party organization categories.
const byCode = (code: string) => villages.find((v) => v.code === code)!;
function specialOrg(
  name: string,
  kind: string,
  category: string,
  basedIn: string,
  superior: string,
  members: number,
): string {
  const id = partyOrg({ name, kind, category, basedIn, superior });
  const ids = Array.from({ length: members }, () => veteranMember(basedIn));
  ids.forEach((m) => seed.rel("MEMBER_OF", ["Person", m], ["PartyOrganization", id]));
  secretary(ids[0]!, id, "2020-06-01");
  return id;
}
const [JIANGSHAN, XIAGEZHUANG, YUANSHANG, RIZHUANG, NANSHU, HETOUDIAN, DIANBU, MALIANZHUANG] = [
  "370285101000",
  "370285102000",
  "370285104000",
  "370285105000",
  "370285106000",
  "370285107000",
  "370285108000",
  "370285116000",
];
specialOrg("莱西花生产业链党委", "COMMITTEE", "INDUSTRY_CHAIN", MALIANZHUANG, townOrgs.get(MALIANZHUANG)!, 5);
specialOrg("莱西市葡萄协会党支部", "BRANCH", "ASSOCIATION", YUANSHANG, townOrgs.get(YUANSHANG)!, 4);
specialOrg("店埠镇现代农业园区党支部", "BRANCH", "AGRI_PARK", DIANBU, townOrgs.get(DIANBU)!, 6);
specialOrg("姜山镇流动党员党支部", "BRANCH", "FUNCTIONAL", JIANGSHAN, townOrgs.get(JIANGSHAN)!, 7);

// Cooperatives: professional ones (some Party-led, two with their own Party branch), one union.
const PROFESSIONAL = [
  { village: ordinaryVillage(JIANGSHAN, 1).code, name: "莱西市姜山葡萄种植专业合作社", industry: "葡萄", ownOrg: true },
  {
    village: ordinaryVillage(XIAGEZHUANG, 1).code,
    name: "莱西市夏格庄草莓专业合作社",
    industry: "草莓",
    ownOrg: false,
  },
  { village: ordinaryVillage(YUANSHANG, 1).code, name: "莱西市院上葡萄专业合作社", industry: "葡萄", ownOrg: false },
  { village: ordinaryVillage(RIZHUANG, 2).code, name: "莱西市日庄云山芋专业合作社", industry: "云山芋", ownOrg: true },
  { village: ordinaryVillage(NANSHU, 1).code, name: "莱西市南墅果品专业合作社", industry: "果品", ownOrg: false },
  { village: ordinaryVillage(DIANBU, 1).code, name: "莱西市店埠胡萝卜专业合作社", industry: "胡萝卜", ownOrg: false },
  {
    village: ordinaryVillage(MALIANZHUANG, 1).code,
    name: "莱西市马连庄甜瓜专业合作社",
    industry: "甜瓜",
    ownOrg: false,
  },
  {
    village: ordinaryVillage(MALIANZHUANG, 3).code,
    name: "莱西市马连庄花生专业合作社",
    industry: "花生",
    ownOrg: false,
  },
];
const union = seed.node("Cooperative", {
  id: "coop-union-116",
  name: "莱西市马连庄镇农民专业合作社联合社",
  kind: "UNION",
  creditCode: withCheckCharacter("93370285MA3C116U0"),
  industry: "花生甜瓜",
  memberHouseholds: 640,
  annualRevenue: 1850,
});
seed.rel("LOCATED_IN", ["Cooperative", union], ["Region", MALIANZHUANG]);
seed.rel("LEADS", ["PartyOrganization", townOrgs.get(MALIANZHUANG)!], ["Cooperative", union]);
seed.rel("PARTNERS_WITH", ["Cooperative", union], ["Institution", "inst-lxny"]);
PROFESSIONAL.forEach((c, i) => {
  const v = byCode(c.village);
  const id = seed.node("Cooperative", {
    id: `coop-pro-${i + 1}`,
    name: c.name,
    kind: "PROFESSIONAL",
    creditCode: withCheckCharacter(`93370285MA3C${String(i + 1).padStart(4, "0")}P`),
    industry: c.industry,
    memberHouseholds: int(40, 260),
    landAreaMu: int(300, 3000),
    annualRevenue: round(80 + random() * 900),
  });
  seed.rel("LOCATED_IN", ["Cooperative", id], ["Region", v.code]);
  if (i % 3 !== 2 && v.orgId) seed.rel("LEADS", ["PartyOrganization", v.orgId], ["Cooperative", id]);
  if (c.ownOrg && v.orgId) specialOrg(`${c.name}党支部`, "BRANCH", "COOPERATIVE", v.code, v.orgId, 3);
  if (v.town.code === MALIANZHUANG) seed.rel("MEMBER_OF", ["Cooperative", id], ["Cooperative", union]);
  if (i % 2 === 0) seed.rel("PARTNERS_WITH", ["Cooperative", id], ["Institution", "inst-lxny"]);
  if (v.secretaryId)
    seed.rel("HOLDS_POST", ["Person", v.secretaryId], ["Cooperative", id], { title: "CHAIR", since: "2022-03-01" });
});

// ---------------------------------------------------------------------------------------
// Two-new organizations with every coverage situation.
type TwoNewProfile =
  | "OWN" // ≥3 formal members, own branch: healthy
  | "JOINT_SMALL" // 1–2 formal members in the town's joint branch: healthy
  | "AFFILIATED_SMALL" // 1–2 formal members, affiliated to the village org: healthy
  | "JOINT_ONLY_LARGE" // ≥3 formal members but only joint coverage: SHOULD_FORM_OWN_ORG
  | "DISSOLVED_OWN" // ≥3 formal members whose own branch was dissolved: SHOULD_FORM_OWN_ORG
  | "UNCOVERED_SMALL" // 1–2 formal members, no organization: SHOULD_JOIN_JOINT_ORG
  | "WORK_COVERED" // no formal members, work coverage by the comprehensive committee: healthy
  | "INSTRUCTED" // no formal members, a Party-building instructor: healthy
  | "NONE"; // no formal members, nothing: NO_WORK_COVERAGE
const TWO_NEW_PLAN: Array<[TwoNewProfile, number]> = [
  ["OWN", 14],
  ["JOINT_SMALL", 10],
  ["AFFILIATED_SMALL", 4],
  ["JOINT_ONLY_LARGE", 2],
  ["DISSOLVED_OWN", 1],
  ["UNCOVERED_SMALL", 2],
  ["WORK_COVERED", 10],
  ["INSTRUCTED", 5],
  ["NONE", 3],
];
const ENTERPRISE_WORDS = ["食品", "农业科技", "机械", "纺织", "物流", "生物科技", "建材", "电子", "果蔬", "畜牧"];
const SOCIAL_WORDS = ["志愿者协会", "养老服务中心", "农技服务社", "红白理事会", "文化促进会"];
const ownTwoNewOrgs: string[] = [];
const twoNewByTown = new Map<string, string[]>();
let twoNewIndex = 0;
const newVillageCodes = new Set(NEW_VILLAGES.map((nv) => nv.code));
// The detailed villages: where two-new organizations, pairings and councils are.
const plainVillages = villages.filter((v) => v.orgId && !v.lean && !newVillageCodes.has(v.code));
for (const [profile, count] of TWO_NEW_PLAN) {
  for (let k = 0; k < count; k += 1) {
    twoNewIndex += 1;
    const v = plainVillages[(twoNewIndex * 7) % plainVillages.length]!;
    const social = twoNewIndex % 6 === 0;
    const id = `tno-${String(twoNewIndex).padStart(3, "0")}`;
    const formal =
      profile === "OWN"
        ? int(3, 12)
        : profile === "JOINT_ONLY_LARGE"
          ? k === 0
            ? 3
            : 5 // exactly 3 is the boundary
          : profile === "DISSOLVED_OWN"
            ? 4
            : profile === "JOINT_SMALL" || profile === "AFFILIATED_SMALL"
              ? int(1, 2)
              : profile === "UNCOVERED_SMALL"
                ? k === 0
                  ? 2
                  : 1 // exactly 2 is the boundary
                : 0;
    seed.node("TwoNewOrganization", {
      id,
      name: social
        ? `莱西市${v.town.name}${pick(SOCIAL_WORDS)}`.replace(/(协会|中心|社|会)$/, `$1（${twoNewIndex}）`)
        : `青岛${pick(SURNAMES)}${pick(["润", "丰", "康", "华", "盛", "源", "佳", "德"])}${pick(ENTERPRISE_WORDS)}有限公司`,
      type: social ? "SOCIAL_ORGANIZATION" : "ENTERPRISE",
      creditCode: withCheckCharacter(
        `${social ? "52" : "91"}370285MA3${String(twoNewIndex).padStart(3, "0")}${social ? "W" : "E"}${String(int(10, 99))}`,
      ),
      employees: formal * 4 + int(6, 120),
      industry: social ? "社会服务" : pick(ENTERPRISE_WORDS),
      foundedOn: isoDate(int(2003, 2023), int(1, 12), int(1, 28)),
    });
    seed.rel("LOCATED_IN", ["TwoNewOrganization", id], ["Region", v.code]);
    twoNewByTown.set(v.town.code, [...(twoNewByTown.get(v.town.code) ?? []), id]);
    const workers: string[] = [];
    for (let m = 0; m < formal; m += 1) workers.push(veteranMember(v.code, "两新组织党员"));
    if (profile === "UNCOVERED_SMALL" && k === 0) {
      workers.push(
        person({ partyStatus: "PROBATIONARY", joinedPartyOn: daysBefore(REFERENCE_DATE, 90), livesIn: v.code }),
      );
    }
    for (let m = 0; m < 3; m += 1) workers.push(person({ partyStatus: "NONE", livesIn: v.code }));
    workers.forEach((w) => seed.rel("WORKS_AT", ["Person", w], ["TwoNewOrganization", id]));
    const partyWorkers = workers.slice(0, formal);

    switch (profile) {
      case "OWN":
      case "DISSOLVED_OWN": {
        const org = partyOrg({
          name: `${seed.get("TwoNewOrganization", id).name}党支部`,
          kind: "BRANCH",
          category: "TWO_NEW",
          basedIn: v.code,
          superior: comprehensiveOrgs.get(v.town.code)!,
          status: profile === "DISSOLVED_OWN" ? "DISSOLVED" : "ACTIVE",
        });
        partyWorkers.forEach((w) => seed.rel("MEMBER_OF", ["Person", w], ["PartyOrganization", org]));
        secretary(partyWorkers[0]!, org, "2020-07-01");
        seed.rel("COVERS", ["PartyOrganization", org], ["TwoNewOrganization", id], { mode: "OWN" });
        if (profile === "OWN") ownTwoNewOrgs.push(org);
        break;
      }
      case "JOINT_SMALL":
      case "JOINT_ONLY_LARGE": {
        const joint = jointBranches.get(v.town.code)!;
        partyWorkers.forEach((w) => seed.rel("MEMBER_OF", ["Person", w], ["PartyOrganization", joint]));
        seed.rel("COVERS", ["PartyOrganization", joint], ["TwoNewOrganization", id], { mode: "JOINT" });
        break;
      }
      case "AFFILIATED_SMALL":
        partyWorkers.forEach((w) => seed.rel("MEMBER_OF", ["Person", w], ["PartyOrganization", v.orgId!]));
        seed.rel("COVERS", ["PartyOrganization", v.orgId!], ["TwoNewOrganization", id], { mode: "AFFILIATED" });
        break;
      case "UNCOVERED_SMALL":
        seed.rel("WORK_COVERS", ["PartyOrganization", comprehensiveOrgs.get(v.town.code)!], ["TwoNewOrganization", id]);
        break;
      case "WORK_COVERED":
        seed.rel("WORK_COVERS", ["PartyOrganization", comprehensiveOrgs.get(v.town.code)!], ["TwoNewOrganization", id]);
        break;
      case "INSTRUCTED":
        seed.rel("INSTRUCTS", ["Person", veteranMember(v.town.code, "党建指导员")], ["TwoNewOrganization", id]);
        break;
      case "NONE":
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Pairings (联建共建) of every kind, with activities.
const FOCUS = ["PARTY_BUILDING", "DEVELOPMENT", "GOVERNANCE", "SERVICE", "MASSES"] as const;
const ACTIVITY_TITLES: Record<(typeof FOCUS)[number], string[]> = {
  PARTY_BUILDING: ["联合主题党日", "支部书记互学互访", "党课共上"],
  DEVELOPMENT: ["产业项目对接会", "农产品直供签约", "技术培训"],
  GOVERNANCE: ["矛盾纠纷联调", "人居环境整治", "村规民约修订"],
  SERVICE: ["义诊进村", "金融知识进村", "法律服务进村"],
  MASSES: ["走访困难群众", "助学帮扶", "文化下乡"],
};
let pairingSeq = 0;
function pairing(
  kind: string,
  parties: Array<[string, "HELPER" | "RECIPIENT" | "MEMBER"]>,
  opts: { ended?: boolean; startedOn?: string; activities?: number } = {},
): void {
  pairingSeq += 1;
  const id = `pairing-${String(pairingSeq).padStart(3, "0")}`;
  const focusAreas = [...new Set([pick(FOCUS), pick(FOCUS), "PARTY_BUILDING" as const])];
  const startedOn = opts.startedOn ?? isoDate(int(2020, 2025), int(1, 12), 1);
  seed.node("Pairing", {
    id,
    kind,
    status: opts.ended ? "ENDED" : "ACTIVE",
    startedOn,
    endedOn: opts.ended ? "2024-12-31" : undefined,
    focusAreas,
    fundsCommitted: round(5 + random() * 95),
  });
  for (const [org, role] of parties) seed.rel("PARTY_TO", ["PartyOrganization", org], ["Pairing", id], { role });
  const activityCount = opts.activities ?? int(2, 5);
  for (let a = 0; a < activityCount; a += 1) {
    const focusArea = pick(focusAreas);
    const activity = seed.node("PairingActivity", {
      id: `${id}-a${a + 1}`,
      on: daysBefore(opts.ended ? "2024-12-01" : REFERENCE_DATE, int(10, 700)),
      focusArea,
      title: pick(ACTIVITY_TITLES[focusArea]),
      funds: round(random() * 12),
      beneficiaries: int(10, 400),
    });
    seed.rel("UNDER", ["PairingActivity", activity], ["Pairing", id]);
  }
}
const org = (code: string) => byCode(code).orgId!;
const strongVillages = villages.filter((v) => v.strong);
const pairedWeak = villages.filter((v) => v.defects.some((d) => d === "WEAK_PAIRED" || d === "WEAK_BY_INCOME_PAIRED"));
// Institutions and city communities with villages (结对共建, 城乡共建).
pairedWeak.forEach((v, i) => {
  const inst = INSTITUTIONS[i % 7]!;
  pairing("INSTITUTION_VILLAGE", [
    [institutionOrgs.get(inst.id)!, "HELPER"],
    [v.orgId!, "RECIPIENT"],
  ]);
});
const GOUDONG = NEW_VILLAGES[0]!.code;
pairing("URBAN_RURAL", [
  [institutionOrgs.get("inst-sbsq")!, "HELPER"],
  [org(ordinaryVillage(JIANGSHAN, 2).code), "RECIPIENT"],
]);
pairing("URBAN_RURAL", [
  [institutionOrgs.get("inst-lssq")!, "HELPER"],
  [org(GOUDONG), "RECIPIENT"],
]);
pairing("INSTITUTION_VILLAGE", [
  [institutionOrgs.get("inst-qau")!, "HELPER"],
  [org(ordinaryVillage(YUANSHANG, 3).code), "RECIPIENT"],
]);
// 强村带弱村: strong villages with weak ones.
pairedWeak.slice(0, strongVillages.length).forEach((weak, i) => {
  pairing("STRONG_WEAK", [
    [strongVillages[i]!.orgId!, "HELPER"],
    [weak.orgId!, "RECIPIENT"],
  ]);
});
// 村企联建: enterprises with villages.
const healthyVillages = plainVillages.filter((v) => !v.weak);
ownTwoNewOrgs.slice(0, 4).forEach((enterpriseOrg, i) => {
  pairing("ENTERPRISE_VILLAGE", [
    [enterpriseOrg, "HELPER"],
    [healthyVillages[3 + i * 9]!.orgId!, "RECIPIENT"],
  ]);
});
// 区域联建: a town org with neighbouring villages.
for (const townCode of [JIANGSHAN, HETOUDIAN]) {
  const members = plainVillages.filter((v) => v.town.code === townCode).slice(1, 5);
  pairing("REGIONAL_ALLIANCE", [
    [townOrgs.get(townCode)!, "MEMBER"],
    ...members.map((v) => [v.orgId!, "MEMBER"] as [string, "MEMBER"]),
  ]);
}
// Ended pairings: one is the only pairing the weak village of WEAK_ONLY_ENDED_PAIRING ever had.
const endedOnly = villages.find((v) => v.defects.includes("WEAK_ONLY_ENDED_PAIRING"))!;
pairing(
  "INSTITUTION_VILLAGE",
  [
    [institutionOrgs.get("inst-lxrcb")!, "HELPER"],
    [endedOnly.orgId!, "RECIPIENT"],
  ],
  { ended: true, startedOn: "2021-03-01" },
);
pairing(
  "STRONG_WEAK",
  [
    [strongVillages[0]!.orgId!, "HELPER"],
    [org(ordinaryVillage(JIANGSHAN, 8).code), "RECIPIENT"],
  ],
  { ended: true, startedOn: "2020-05-01" },
);

// ---------------------------------------------------------------------------------------
// Joint councils: a 区域化党建联席会议 per town (马连庄镇 has none; 店埠镇's has gone quiet)
// and the 共建议事会 of 沟东新村.
const CAPACITIES = ["UNIT_REPRESENTATIVE", "TWO_REPS_ONE_MEMBER", "PART_TIME_COMMITTEE", "RURAL_TALENT"] as const;
function council(props: {
  id: string;
  name: string;
  kind: string;
  serves: string;
  convener: string;
  lastMeetingDaysAgo: number;
  units: string[];
  institutions: string[];
  twoNew: string[];
}): void {
  seed.node("JointCouncil", { id: props.id, name: props.name, kind: props.kind, establishedOn: "2020-03-01" });
  seed.rel("SERVES", ["JointCouncil", props.id], ["Region", props.serves]);
  seed.rel("CONVENED_BY", ["JointCouncil", props.id], ["PartyOrganization", props.convener]);
  for (const unit of props.units) seed.rel("MEMBER_UNIT_OF", ["PartyOrganization", unit], ["JointCouncil", props.id]);
  for (const inst of props.institutions) seed.rel("MEMBER_UNIT_OF", ["Institution", inst], ["JointCouncil", props.id]);
  for (const tno of props.twoNew) seed.rel("MEMBER_UNIT_OF", ["TwoNewOrganization", tno], ["JointCouncil", props.id]);
  for (let m = 0; m < 6; m += 1) {
    seed.rel("SITS_ON", ["Person", veteranMember(props.serves, "议事会成员")], ["JointCouncil", props.id], {
      capacity: CAPACITIES[m % 4],
    });
  }
  for (let k = 0; k < 5; k += 1) {
    const meeting = seed.node("CouncilMeeting", {
      id: `${props.id}-m${k + 1}`,
      heldOn: daysBefore(REFERENCE_DATE, props.lastMeetingDaysAgo + k * 91),
      topics: [pick(["人居环境整治", "产业项目推进", "集体经济发展", "矛盾纠纷化解", "冬季安全生产", "党群服务清单"])],
      resolutions: [`议定事项${k + 1}`],
    });
    seed.rel("OF", ["CouncilMeeting", meeting], ["JointCouncil", props.id]);
  }
}
TOWNS.filter((t) => t.code !== MALIANZHUANG).forEach((town, i) => {
  const townVillages = plainVillages.filter((v) => v.town.code === town.code);
  council({
    id: `council-${town.code}`,
    name: `${town.name}区域化党建联席会议`,
    kind: "REGIONAL_JOINT_MEETING",
    serves: town.code,
    convener: townOrgs.get(town.code)!,
    lastMeetingDaysAgo: town.code === DIANBU ? 120 : 20 + (i % 5) * 10,
    units: townVillages.slice(0, 3).map((v) => v.orgId!),
    institutions: [...new Set([INSTITUTIONS[i % INSTITUTIONS.length]!.id, "inst-lxnyj"])],
    twoNew: (twoNewByTown.get(town.code) ?? []).slice(0, 2),
  });
});
NEW_VILLAGES.filter((nv) => nv.council).forEach((nv, i) => {
  council({
    id: `council-${nv.code}`,
    name: `${nv.name}共建议事会`,
    kind: "CO_BUILDING_COUNCIL",
    serves: nv.code,
    convener: newVillageOrgs.get(nv.code)!,
    lastMeetingDaysAgo: 15 + i * 10,
    units: [],
    institutions: ["inst-lxny"],
    twoNew: [],
  });
});

// ---------------------------------------------------------------------------------------
// Totals: a town holds its units plus the town seat, the district its towns.
for (const town of TOWNS) {
  const units = [
    ...villages.filter((v) => v.town.code === town.code).map((v) => v.code),
    ...SAMPLE_UNITS.filter((u) => u.townCode === town.code && u.level === "RESIDENTIAL").map((u) => u.code),
  ].map((code) => seed.get("Region", code));
  const t = seed.get("Region", town.code);
  t.population = units.reduce((a, r) => a + Number(r.population), 0) + int(8000, 30000);
  t.households = Math.round(Number(t.population) / 2.6);
}
const district = seed.get("Region", DISTRICT);
district.population = TOWNS.reduce((a, t) => a + Number(seed.get("Region", t.code).population), 0);
district.households = Math.round(Number(district.population) / 2.6);

// A second random stream (`extra`) times the organizational life.
const extra = createRandom(20261202);

// 乡村振兴工作队: one serving 日庄镇 (so its weak villages), one whose service in 院上镇 ended the day
// before the reference date, one stationed in a grid of a weak village of 河头店镇.
function workTeam(props: {
  id: string;
  name: string;
  stationedIn: string;
  institution: string;
  since: string;
  until?: string;
}): void {
  seed.node("WorkTeam", { id: props.id, name: props.name, since: props.since, until: props.until });
  seed.rel("STATIONED_IN", ["WorkTeam", props.id], ["Region", props.stationedIn]);
  seed.rel("DISPATCHED_BY", ["WorkTeam", props.id], ["Institution", props.institution]);
  for (let m = 0; m < 3; m += 1) {
    const member = veteranMember(undefined, "驻村工作队员");
    seed.rel("WORKS_AT", ["Person", member], ["Institution", props.institution]);
    seed.rel("DISPATCHED_BY", ["Person", member], ["Institution", props.institution]);
    seed.rel("SERVES_IN", ["Person", member], ["WorkTeam", props.id]);
  }
}
const villageWith = (defect: Defect) => villages.find((v) => v.code === plantedAt(defect).code)!;
const teamTown = villageWith("WORK_TEAM_IN_TOWN").town;
workTeam({
  id: `wt-${teamTown.code}`,
  name: `${teamTown.name}乡村振兴工作队`,
  stationedIn: teamTown.code,
  institution: "inst-qdzzb",
  since: daysBefore(REFERENCE_DATE, 400),
});
const endedTeamTown = villageWith("FIRST_SECRETARY_ENDED").town;
workTeam({
  id: `wt-${endedTeamTown.code}`,
  name: `${endedTeamTown.name}乡村振兴工作队（第一批）`,
  stationedIn: endedTeamTown.code,
  institution: "inst-qdgt",
  since: "2023-03-01",
  until: daysBefore(REFERENCE_DATE, 1),
});
const gridTeamVillage = villageWith("WORK_TEAM_IN_GRID");
workTeam({
  id: `wt-${gridTeamVillage.code}`,
  name: `${gridTeamVillage.name}驻村工作队`,
  stationedIn: `${gridTeamVillage.code}-G01`,
  institution: "inst-lxrcb",
  since: "2025-03-01",
});

// 三会一课, 主题党日, 组织生活会, 民主评议 of every village Party organization: theme days and (where
// there is a committee) committee meetings monthly for four months, member congresses and Party
// lectures quarterly for three quarters, a life meeting with the democratic review of members
// yearly for two years (a lean village: the latest of each), each the given number of days before
// the reference date (negative: after it), never before the organization was founded.
const TOPICS: Record<OrgLifeEventKindName, string[]> = {
  MEMBER_CONGRESS: ["通报季度工作", "讨论村级重大事项", "接收预备党员", "选举支部委员"],
  COMMITTEE_MEETING: ["研究月度工作", "讨论发展党员计划", "部署人居环境整治", "研究集体经济项目"],
  GROUP_MEETING: ["学习党章", "网格事务"],
  PARTY_LECTURE: ["学习党章党规", "乡村振兴政策解读", "党史学习", "基层治理专题"],
  THEME_DAY: ["重温入党誓词", "志愿服务进网格", "人居环境整治", "走访困难群众", "红色教育"],
  LIFE_MEETING: ["年度组织生活会"],
  MEMBER_REVIEW: ["年度民主评议党员"],
};
let eventSeq = 0;
function orgLifeEvent(orgId: string, kind: OrgLifeEventKindName, daysAgo: number, members: number): void {
  const heldOn = daysBefore(REFERENCE_DATE, daysAgo);
  const foundedOn = seed.get("PartyOrganization", orgId).foundedOn as string | undefined;
  if (foundedOn && heldOn < foundedOn) return;
  eventSeq += 1;
  const id = `ole-${String(eventSeq).padStart(5, "0")}`;
  const attendees = members >= 5 ? Math.max(3, Math.round(members * (0.6 + extra.random() * 0.35))) : extra.int(12, 40);
  seed.node("OrgLifeEvent", { id, kind, heldOn, attendees, topic: extra.pick(TOPICS[kind]) });
  seed.rel("HELD_BY", ["OrgLifeEvent", id], ["PartyOrganization", orgId]);
}
const every = (first: number, step: number, count: number) => Array.from({ length: count }, (_, k) => first + k * step);
for (const v of villages) {
  if (!v.orgId) continue;
  const org = seed.get("PartyOrganization", v.orgId);
  const formal = v.memberIds.filter((id) => seed.get("Person", id).partyStatus === "FORMAL").length;
  const d = (defect: Defect) => v.defects.includes(defect);
  // The regular rhythm, drawn for every organization alike so that the stream stays aligned.
  const [t0, c0, q0, l0, y0] = [
    extra.int(2, 20),
    extra.int(3, 25),
    extra.int(5, 80),
    extra.int(5, 80),
    extra.int(20, 330),
  ];
  const [months, quarters, years] = v.lean ? [1, 1, 1] : [4, 3, 2];
  let themeDays = every(t0, 30, months);
  let committee = hasCommittee(String(org.kind), formal) ? every(c0, 30, months) : [];
  let congresses = every(q0, 91, quarters);
  let lectures = every(l0, 91, quarters);
  let lifeMeetings = every(y0, 365, years);
  let reviews = every(y0, 365, years);
  if (d("CONGRESS_92")) congresses = every(92, 91, 3);
  if (d("CONGRESS_93")) congresses = every(93, 91, 3);
  if (d("THEME_DAY_31")) themeDays = every(31, 30, 4);
  if (d("THEME_DAY_32")) themeDays = every(32, 30, 4);
  if (d("LIFE_MEETING_366")) lifeMeetings = every(366, 365, 2);
  if (d("LIFE_MEETING_367")) lifeMeetings = every(367, 365, 2);
  if (d("EVENT_AFTER_AS_OF")) themeDays = [-1, ...every(40, 30, 3)];
  if (d("ORG_LIFE_LAPSED")) {
    [themeDays, committee, congresses, lectures] = [
      every(200, 30, 4),
      every(205, 30, 4),
      every(210, 91, 3),
      every(215, 91, 3),
    ];
    [lifeMeetings, reviews] = [every(200, 365, 2), every(200, 365, 2)];
  }
  if (d("SMALL_BRANCH_6") || d("BRANCH_7_NO_COMMITTEE_MEETING")) committee = [];
  if (d("FOUNDED_92_DAYS_AGO")) [congresses, lectures, lifeMeetings, reviews] = [[], [], [], []];
  const members = Math.max(formal, 1);
  for (const [kind, days] of [
    ["THEME_DAY", themeDays],
    ["COMMITTEE_MEETING", committee],
    ["MEMBER_CONGRESS", congresses],
    ["PARTY_LECTURE", lectures],
    ["LIFE_MEETING", lifeMeetings],
    ["MEMBER_REVIEW", reviews],
  ] as Array<[OrgLifeEventKindName, number[]]>) {
    for (const daysAgo of days) orgLifeEvent(v.orgId, kind, daysAgo, members);
  }
}

const file = seed.build({
  name: "laixi-sample",
  description:
    "Sample region: Laixi (莱西市 370285) as the 2019 division list has it (official codes and names of its towns and 896 village-level units); figures, organizations, people and history generated.",
  referenceDate: REFERENCE_DATE,
  shiftToLoadDay: true,
});
const out = path.join(PROJECT_ROOT, "seeds", "laixi.json");
fs.writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
const nodeCount = Object.values(file.nodes).reduce((a, rows) => a + rows.length, 0);
const relCount = file.relationships.reduce((a, g) => a + g.rows.length, 0);
console.log(`${out}: ${nodeCount} nodes, ${relCount} relationships, ${villages.length} villages`);
