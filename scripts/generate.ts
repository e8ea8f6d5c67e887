/**
 * Synthetic dataset generator in DOMAIN.md's model, calibrated to the public figures.
 *
 *   npm run generate -- --scale qingdao --seed 1 [--out .tmp/datasets/qingdao-1]
 *   npm run generate -- --region 370285105 --seed 1    # one region of Shandong (here 日庄镇)
 *
 * Regions are real: each scale is a region of the shipped 2019 official division list
 * (data/divisions/2019, read by src/divisions), with its ancestors up to the province, written as
 * `npm run divisions` writes live regions (code, name, officialName, level, divisionVintage, the
 * official parent; `source` adds that every other value is generated): laixi = 莱西市 370285
 * (11 towns, 896 village-level units), qingdao = 青岛市 3702 (10 districts, 145 towns, 6,720),
 * shandong = 山东省 37 (16 cities, 156 districts, 1,862 towns, 77,299). A 村委会 is a VILLAGE and
 * gets the village structures below; a 居委会 is RESIDENTIAL and gets a light community structure
 * (a residents' committee as an URBAN_COMMUNITY institution, its Party organization under the
 * town's with a member per 60 residents, a service station in 80%), which the village rules leave
 * out. Locations are generated around each city's seat.
 * The same scale and seed give the same files. Output is a folder of NDJSON files, one per
 * label (nodes/<Label>.ndjson) and per relationship group (relationships/<TYPE>.<From>.<To>.ndjson),
 * plus manifest.json; `npm run load -- <folder>` loads it.
 *
 * Parameters (per village unless said; a district has 9 institutions with their Party committees): population from the published shape (mean 868,
 * 29% above 1,000 people, 47% under 200 households); 2–4 grids, each with a grid org (98%) and
 * a central household (97%); a village org (98%, 4% weak) with formal members ≈ population / 26,
 * a secretary who is director (92%) and collective head (90%), a recent recruit (88%), a reserve
 * candidate (87%), a service station (94%); ~3 two-new organizations with a realistic coverage
 * mix; one professional cooperative (40% Party-led); pairings for 80% of weak villages and for
 * ~15% of the others; per town a joint meeting (95%) meeting quarterly (6% gone quiet).
 *
 * Additions (December 2026): 3% of villages are new villages (新村) whose grids are former
 * villages, with a part-time committee member (85%), a 区域化群团组织 (80%) and a 共建议事会
 * (70%); chain breaks (1% of villages without grid, 1% of village organizations not under the
 * town's, 1% of grid organizations not under the village's); organizational life of every village
 * organization (theme days and committee meetings monthly, member congresses and Party lectures
 * quarterly, a life meeting and the review of members yearly; 88% keep every rhythm, the others
 * let one kind lapse); first secretaries for 70% of weak villages (20% of them ended), and a
 * serving work team in 20% of towns. Dates are relative to REFERENCE_DATE, and the manifest says
 * shiftToLoadDay: the loader moves them by whole days so that it falls on the day of loading.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.js";
import { withCheckCharacter } from "../src/domain/credit-code.js";
import { hasCommittee, type OrgLifeEventKindName } from "../src/domain/org-life.js";
import { readDivisionList } from "../src/divisions/division-data.js";
import { divisionCode, selectRegion, type DivisionRecord } from "../src/divisions/division-list.js";
import { officialSource, vintageOf } from "../src/divisions/vintages.js";
import { createRandom } from "./random.js";

type Props = Record<string, unknown>;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Each scale is a region of the 2019 official division list (统计用区划代码), its published code. */
const SCALES = { laixi: "370285", qingdao: "3702", shandong: "37" } as const;
/** Before Qingdao's village layout adjustment: the villages the platform's rules are about. */
const DIVISION_YEAR = 2019;
type Scale = keyof typeof SCALES;

const scale = arg("scale", "laixi") as Scale;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
/** --region: any other region of Shandong's list instead (a district, a town: small datasets for tests). */
const regionCode = divisionCode(arg("region", SCALES[scale]));
if (!regionCode?.startsWith("37")) throw new Error("--region must be a division code of Shandong (37…)");
const seedValue = Number(arg("seed", "1"));
const outDir = path.resolve(
  arg(
    "out",
    path.join(
      PROJECT_ROOT,
      ".tmp",
      "datasets",
      `${process.argv.includes("--region") ? regionCode : scale}-${seedValue}`,
    ),
  ),
);
const REFERENCE_DATE = "2026-11-15";

const { random, int, chance, pick } = createRandom(seedValue * 2654435761);
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const date = (year: number) => `${year}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
function daysBefore(days: number): string {
  const d = new Date(`${REFERENCE_DATE}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Buffered NDJSON writers, one file per label or relationship group. */
class Output {
  private readonly buffers = new Map<string, string[]>();
  readonly counts = new Map<string, number>();

  constructor(private readonly dir: string) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, "nodes"), { recursive: true });
    fs.mkdirSync(path.join(dir, "relationships"), { recursive: true });
  }

  private write(file: string, row: unknown): void {
    let buffer = this.buffers.get(file);
    if (!buffer) this.buffers.set(file, (buffer = []));
    buffer.push(JSON.stringify(row));
    this.counts.set(file, (this.counts.get(file) ?? 0) + 1);
    if (buffer.length >= 5_000) this.flush(file);
  }

  private flush(file: string): void {
    const buffer = this.buffers.get(file)!;
    fs.appendFileSync(path.join(this.dir, file), buffer.join("\n") + "\n");
    buffer.length = 0;
  }

  node(label: string, props: Props): string {
    this.write(`nodes/${label}.ndjson`, props);
    return String(props.id ?? props.code);
  }

  rel(type: string, from: [string, string], to: [string, string], props?: Props): void {
    this.write(
      `relationships/${type}.${from[0]}.${to[0]}.ndjson`,
      props ? { from: from[1], to: to[1], props } : { from: from[1], to: to[1] },
    );
  }

  close(meta: Props): void {
    for (const file of this.buffers.keys()) this.flush(file);
    fs.writeFileSync(
      path.join(this.dir, "manifest.json"),
      JSON.stringify({ ...meta, files: Object.fromEntries(this.counts) }, null, 1),
    );
  }
}

const out = new Output(outDir);
const SURNAMES = "王李张刘孙姜于崔周徐赵杨高林郭马宋邢滕曲隋吕孔毕".split("");
const GIVEN = "建国志强海涛玉兰秀英明华春梅立新淑芬德胜文静红霞永刚桂芝晓东丽娜振华金凤宝山洪波".split("");
const INDUSTRIES = [
  "蔬菜种植",
  "葡萄",
  "草莓",
  "花生",
  "小麦",
  "畜牧养殖",
  "乡村旅游",
  "食品加工",
  "苗木花卉",
  "果品",
  "茶叶",
  "海产养殖",
];
const FOCUS = ["PARTY_BUILDING", "DEVELOPMENT", "GOVERNANCE", "SERVICE", "MASSES"];
const CAPACITIES = ["UNIT_REPRESENTATIVE", "TWO_REPS_ONE_MEMBER", "PART_TIME_COMMITTEE", "RURAL_TALENT"];

let personSeq = 0;
let seq = 0;
const nextId = (prefix: string) => `${prefix}-${(seq += 1).toString(36)}`;
function person(partyStatus: string, livesIn: string | null, joinedPartyOn?: string): string {
  personSeq += 1;
  const id = `p-${personSeq.toString(36)}`;
  out.node("Person", {
    id,
    name: pick(SURNAMES) + pick(GIVEN) + (chance(0.7) ? pick(GIVEN) : ""),
    gender: chance(0.62) ? "MALE" : "FEMALE",
    birthYear: int(1950, 2000),
    partyStatus,
    joinedPartyOn,
    points: partyStatus === "NONE" ? undefined : int(55, 100),
  });
  if (livesIn) out.rel("LIVES_IN", ["Person", id], ["Region", livesIn]);
  return id;
}
const member = (livesIn: string | null) => person("FORMAL", livesIn, date(int(1975, 2022)));
function partyOrg(props: Props, basedIn: string, superior?: string): string {
  const id = out.node("PartyOrganization", {
    id: nextId("po"),
    status: "ACTIVE",
    isWeak: false,
    foundedOn: date(int(1960, 2018)),
    ...props,
  });
  out.rel("BASED_IN", ["PartyOrganization", id], ["Region", basedIn]);
  if (superior) out.rel("SUBORDINATE_TO", ["PartyOrganization", id], ["PartyOrganization", superior]);
  return id;
}

/** Organizational life of a village organization: each kind's events, days before REFERENCE_DATE. */
function orgLife(orgId: string, kind: string, formal: number): void {
  const lapsed: OrgLifeEventKindName | null = chance(0.88)
    ? null
    : pick(["THEME_DAY", "MEMBER_CONGRESS", "PARTY_LECTURE", "LIFE_MEETING", "COMMITTEE_MEETING"] as const);
  const plan: Array<[OrgLifeEventKindName, number, number, number]> = [
    ["THEME_DAY", int(1, 25), 30, 2],
    ["MEMBER_CONGRESS", int(3, 85), 91, 2],
    ["PARTY_LECTURE", int(3, 85), 91, 2],
    ["LIFE_MEETING", int(10, 350), 365, 1],
  ];
  if (hasCommittee(kind, formal)) plan.push(["COMMITTEE_MEETING", int(1, 25), 30, 2]);
  for (const [eventKind, first, step, count] of plan) {
    // A lapsed kind was last held a window and a half ago.
    const start = eventKind === lapsed ? Math.round(step * 1.5) + first : first;
    for (let k = 0; k < count; k += 1) {
      const heldOn = daysBefore(start + k * step);
      for (const held of eventKind === "LIFE_MEETING" ? (["LIFE_MEETING", "MEMBER_REVIEW"] as const) : [eventKind]) {
        const id = out.node("OrgLifeEvent", {
          id: nextId("ole"),
          kind: held,
          heldOn,
          attendees: Math.max(3, Math.round(formal * 0.8)),
        });
        out.rel("HELD_BY", ["OrgLifeEvent", id], ["PartyOrganization", orgId]);
      }
    }
  }
}

/** Village population: 47% small (under 200 households), 24% middle, 29% above 1,000 people. */
function village(): { population: number; households: number } {
  const r = random();
  const population = r < 0.47 ? int(250, 520) : r < 0.71 ? int(540, 1000) : int(1001, 2400);
  return { population, households: Math.round(population / (2.62 + random() * 0.2)) };
}

const stats = { villages: 0, residential: 0, population: 0, above1000: 0, under200households: 0, formalMembers: 0 };
const weakVillageOrgs: string[] = [];
const strongVillageOrgs: string[] = [];
const institutionOrgs: string[] = [];

/** Where the generated locations start: the seats of Shandong's cities (approximate, WGS-84). */
const CITY_SEATS: Record<string, [latitude: number, longitude: number]> = {
  "3701": [36.65, 117.12],
  "3702": [36.07, 120.38],
  "3703": [36.81, 118.05],
  "3704": [34.81, 117.32],
  "3705": [37.43, 118.67],
  "3706": [37.46, 121.45],
  "3707": [36.71, 119.16],
  "3708": [35.41, 116.59],
  "3709": [36.2, 117.09],
  "3710": [37.51, 122.12],
  "3711": [35.42, 119.53],
  "3713": [35.1, 118.36],
  "3714": [37.43, 116.36],
  "3715": [36.46, 115.99],
  "3716": [37.38, 117.97],
  "3717": [35.23, 115.48],
};
type Location = { latitude: number; longitude: number };
/** The i-th of n places on a ring of `radius` degrees around `center`. */
function onRing(center: Location, i: number, n: number, radius: number): Location {
  const angle = (2 * Math.PI * i) / Math.max(1, n);
  return {
    latitude: center.latitude + radius * Math.sin(angle),
    longitude: center.longitude + radius * Math.cos(angle),
  };
}

const vintage = vintageOf(DIVISION_YEAR)!;
const divisions = selectRegion((await readDivisionList(vintage, "37", { download: false })).records, regionCode);
if (!divisions) throw new Error(`${regionCode} is not in the ${DIVISION_YEAR} list`);
const childrenOf = new Map<string | null, DivisionRecord[]>();
for (const record of divisions) {
  const siblings = childrenOf.get(record.parentCode) ?? [];
  siblings.push(record);
  childrenOf.set(record.parentCode, siblings);
}
const SOURCE = `${officialSource(vintage)}; generated: every other value (npm run generate)`;
/** A region as `npm run divisions` writes it, with generated figures. */
function region(record: DivisionRecord, props: Props): string {
  out.node("Region", {
    code: record.code,
    name: record.name,
    officialName: record.officialName,
    level: record.level,
    status: "ACTIVE",
    source: SOURCE,
    divisionVintage: vintage.year,
    ...props,
  });
  if (record.parentCode) out.rel("PART_OF", ["Region", record.code], ["Region", record.parentCode]);
  return record.code;
}
/** A Party organization's kind by its formal members, and its name's ending. */
function orgKindOf(formal: number): [kind: string, suffix: string] {
  return formal >= 100 ? ["COMMITTEE", "党委"] : formal >= 50 ? ["GENERAL_BRANCH", "党总支"] : ["BRANCH", "党支部"];
}

function district(record: DivisionRecord, location: Location): void {
  const districtCode = region(record, { location });
  // Institutions of the district, each with its own Party organization.
  for (const [k, kind] of [
    "GOVERNMENT_AGENCY",
    "GOVERNMENT_AGENCY",
    "PUBLIC_INSTITUTION",
    "SOE",
    "UNIVERSITY",
    "URBAN_COMMUNITY",
    "URBAN_COMMUNITY",
    "FINANCIAL",
    "PLATFORM_COMPANY",
  ].entries()) {
    const inst = out.node("Institution", {
      id: `inst-${districtCode}-${k}`,
      name: `${record.name}单位${k + 1}`,
      kind,
    });
    out.rel("LOCATED_IN", ["Institution", inst], ["Region", districtCode]);
    const org = partyOrg(
      { name: `${record.name}单位${k + 1}党委`, kind: "COMMITTEE", category: "INSTITUTION" },
      districtCode,
    );
    out.rel("HAS_PARTY_ORG", ["Institution", inst], ["PartyOrganization", org]);
    institutionOrgs.push(org);
  }
  const towns = childrenOf.get(districtCode) ?? [];
  towns.forEach((town, t) => townWithUnits(town, districtCode, onRing(location, t, towns.length, 0.09)));
}

interface Town {
  code: string;
  districtCode: string;
  location: Location;
  org: string;
  comprehensive: string;
  joint: string;
  villageOrgs: string[];
  twoNew: string[];
}

function townWithUnits(record: DivisionRecord, districtCode: string, location: Location): void {
  const townCode = region(record, { location });
  const townOrg = partyOrg({ name: `${record.name}党委`, kind: "COMMITTEE", category: "TOWN" }, townCode);
  const townSecretary = member(townCode);
  out.rel("MEMBER_OF", ["Person", townSecretary], ["PartyOrganization", townOrg]);
  out.rel("SECRETARY_OF", ["Person", townSecretary], ["PartyOrganization", townOrg], { since: "2021-09-01" });
  const comprehensive = partyOrg(
    { name: `${record.name}两新组织综合党委`, kind: "COMMITTEE", category: "TWO_NEW_COMPREHENSIVE" },
    townCode,
    townOrg,
  );
  const joint = partyOrg(
    { name: `${record.name}联合党支部`, kind: "JOINT_BRANCH", category: "TWO_NEW" },
    townCode,
    comprehensive,
  );
  const center = out.node("ServiceCenter", { id: `sc-${townCode}`, name: "党群服务中心", level: "TOWN", online: true });
  out.rel("SERVES", ["ServiceCenter", center], ["Region", townCode]);
  out.rel("LOCATED_IN", ["ServiceCenter", center], ["Region", townCode]);
  const town: Town = {
    code: townCode,
    districtCode,
    location,
    org: townOrg,
    comprehensive,
    joint,
    villageOrgs: [],
    twoNew: [],
  };
  for (const unit of childrenOf.get(townCode) ?? []) {
    if (unit.level === "VILLAGE") villageUnit(unit, town);
    else residentialUnit(unit, town);
  }
  // 乡村振兴工作队 serving one town in five.
  if (chance(0.2)) {
    const team = out.node("WorkTeam", {
      id: `wt-${townCode}`,
      name: "乡村振兴工作队",
      since: daysBefore(int(100, 700)),
    });
    const institution = `inst-${districtCode}-${int(0, 8)}`;
    out.rel("STATIONED_IN", ["WorkTeam", team], ["Region", townCode]);
    out.rel("DISPATCHED_BY", ["WorkTeam", team], ["Institution", institution]);
    for (let m = 0; m < 3; m += 1) out.rel("SERVES_IN", ["Person", member(null)], ["WorkTeam", team]);
  }
  // The town's joint meeting, quarterly; some have gone quiet.
  if (chance(0.95)) {
    const council = out.node("JointCouncil", {
      id: `council-${townCode}`,
      name: `${record.name}区域化党建联席会议`,
      kind: "REGIONAL_JOINT_MEETING",
      establishedOn: "2020-03-01",
    });
    out.rel("SERVES", ["JointCouncil", council], ["Region", townCode]);
    out.rel("CONVENED_BY", ["JointCouncil", council], ["PartyOrganization", townOrg]);
    for (const unit of town.villageOrgs.slice(0, 3))
      out.rel("MEMBER_UNIT_OF", ["PartyOrganization", unit], ["JointCouncil", council]);
    for (const unit of town.twoNew.slice(0, 2))
      out.rel("MEMBER_UNIT_OF", ["TwoNewOrganization", unit], ["JointCouncil", council]);
    for (let m = 0; m < 4; m += 1)
      out.rel("SITS_ON", ["Person", member(townCode)], ["JointCouncil", council], { capacity: CAPACITIES[m] });
    const quiet = chance(0.06) ? 120 : 20;
    for (let k = 0; k < 4; k += 1) {
      const meeting = out.node("CouncilMeeting", {
        id: `${council}-m${k}`,
        heldOn: daysBefore(quiet + k * 91),
        topics: ["议题"],
      });
      out.rel("OF", ["CouncilMeeting", meeting], ["JointCouncil", council]);
    }
  }
}

/** A 居委会: residents, a community Party organization under the town's and a service station; no village structures. */
function residentialUnit(record: DivisionRecord, town: Town): void {
  const population = int(1500, 9000);
  stats.residential += 1;
  const code = region(record, {
    population,
    households: Math.round(population / (2.6 + random() * 0.3)),
    location: jitter(town.location),
  });
  const committee = out.node("Institution", {
    id: `inst-${code}`,
    name: `${record.name}居委会`,
    kind: "URBAN_COMMUNITY",
  });
  out.rel("LOCATED_IN", ["Institution", committee], ["Region", code]);
  const formal = Math.max(3, Math.round(population / 60));
  const [kind, suffix] = orgKindOf(formal);
  const org = partyOrg({ name: `${record.name}${suffix}`, kind, category: "INSTITUTION" }, code, town.org);
  out.rel("HAS_PARTY_ORG", ["Institution", committee], ["PartyOrganization", org]);
  institutionOrgs.push(org);
  const members = Array.from({ length: formal }, () => member(code));
  members.forEach((m) => out.rel("MEMBER_OF", ["Person", m], ["PartyOrganization", org]));
  out.rel("SECRETARY_OF", ["Person", members[0]!], ["PartyOrganization", org], { since: "2021-11-01" });
  if (chance(0.8)) {
    const station = out.node("ServiceCenter", { id: `sc-${code}`, name: "党群服务站", level: "VILLAGE", online: true });
    out.rel("SERVES", ["ServiceCenter", station], ["Region", code]);
  }
}

const jitter = (at: Location): Location => ({
  latitude: at.latitude + (random() - 0.5) * 0.08,
  longitude: at.longitude + (random() - 0.5) * 0.1,
});

function villageUnit(record: DivisionRecord, town: Town): void {
  const { districtCode, org: townOrg, comprehensive, joint } = town;
  const { population, households } = village();
  const income = chance(0.07) ? Math.round(random() * 90) / 10 : chance(0.12) ? 100 + int(0, 300) : 10 + int(0, 90);
  const isNewVillage = chance(0.03);
  stats.villages += 1;
  stats.population += population;
  if (population > 1000) stats.above1000 += 1;
  if (households < 200) stats.under200households += 1;
  const code = region(record, {
    population,
    households,
    isNewVillage,
    validFrom: isNewVillage ? date(int(2019, 2025)) : undefined,
    collectiveIncome: income,
    industries: [pick(INDUSTRIES), pick(INDUSTRIES)].filter((x, i, a) => a.indexOf(x) === i),
    location: jitter(town.location),
  });
  const committee = out.node("VillageCommittee", {
    id: `vc-${code}`,
    name: "村民委员会",
    termStart: "2024-12-01",
  });
  out.rel("OF", ["VillageCommittee", committee], ["Region", code]);
  out.rel("LOCATED_IN", ["VillageCommittee", committee], ["Region", code]);
  const collective = out.node("Cooperative", {
    id: `coop-${code}`,
    name: "股份经济合作社",
    kind: "COLLECTIVE",
    creditCode: withCheckCharacter(`N2${code.slice(0, 6)}MF${code.slice(6)}0`),
    annualRevenue: income,
  });
  out.rel("LOCATED_IN", ["Cooperative", collective], ["Region", code]);
  if (chance(0.94)) {
    const station = out.node("ServiceCenter", {
      id: `sc-${code}`,
      name: "党群服务站",
      level: "VILLAGE",
      online: chance(0.6),
    });
    out.rel("SERVES", ["ServiceCenter", station], ["Region", code]);
    for (const mode of ["DIRECT", "PROXY", "CONSULT"])
      out.rel(
        "OFFERED_BY",
        ["ServiceItem", out.node("ServiceItem", { id: nextId("si"), name: `事项${mode}`, mode })],
        ["ServiceCenter", station],
      );
  }
  // 1% of villages have no grid; a new village's grids are the villages it absorbed.
  const grids = Array.from({ length: chance(0.01) ? 0 : int(2, 4) }, (_, g) => {
    const gridCode = `${code}-G${pad(g + 1, 2)}`;
    out.node("Region", {
      code: gridCode,
      name: `${record.name}${isNewVillage ? "原村" : "网格"}${g + 1}`,
      level: "GRID",
      status: "ACTIVE",
      formerLevel: isNewVillage ? "VILLAGE" : undefined,
    });
    out.rel("PART_OF", ["Region", gridCode], ["Region", code]);
    return gridCode;
  });
  if (!chance(0.98)) return; // no village Party organization
  const weak = chance(0.04);
  const formal = Math.max(3, Math.round(population / 26 + (random() - 0.5) * 10));
  const [orgKind, suffix] = orgKindOf(formal);
  // 1% of village organizations are not under the town's (a chain break).
  const orgId = partyOrg(
    { name: `${record.name}${suffix}`, kind: orgKind, category: "VILLAGE", isWeak: weak },
    code,
    chance(0.01) ? undefined : townOrg,
  );
  town.villageOrgs.push(orgId);
  if (weak || income < 10) weakVillageOrgs.push(orgId);
  else if (income >= 100) strongVillageOrgs.push(orgId);
  out.rel("LEADS", ["PartyOrganization", orgId], ["VillageCommittee", committee]);
  out.rel("LEADS", ["PartyOrganization", orgId], ["Cooperative", collective]);
  const members = Array.from({ length: formal }, () => member(code));
  stats.formalMembers += formal;
  members.forEach((m) => out.rel("MEMBER_OF", ["Person", m], ["PartyOrganization", orgId]));
  if (chance(0.88))
    out.rel("MEMBER_OF", ["Person", person("FORMAL", code, daysBefore(int(30, 650)))], ["PartyOrganization", orgId]);
  if (chance(0.7))
    out.rel(
      "MEMBER_OF",
      ["Person", person("PROBATIONARY", code, daysBefore(int(10, 300)))],
      ["PartyOrganization", orgId],
    );
  const secretary = members[0]!;
  out.rel("SECRETARY_OF", ["Person", secretary], ["PartyOrganization", orgId], { since: "2021-11-01" });
  out.rel("HOLDS_POST", ["Person", chance(0.92) ? secretary : members[1]!], ["VillageCommittee", committee], {
    title: "DIRECTOR",
  });
  out.rel("HOLDS_POST", ["Person", chance(0.9) ? secretary : members[2]!], ["Cooperative", collective], {
    title: "CHAIR",
  });
  if (chance(0.87)) out.rel("RESERVE_FOR", ["Person", members[3]!], ["Region", code]);
  grids.forEach((grid, g) => {
    if (chance(0.98)) {
      // 1% of grid organizations hang under the town's instead of the village's.
      const gridOrg = partyOrg(
        { name: `${record.name}网格${g + 1}党小组`, kind: "PARTY_GROUP", category: "GRID" },
        grid,
        chance(0.01) ? townOrg : orgId,
      );
      for (const m of members.slice(4 + g * 3, 7 + g * 3))
        out.rel("MEMBER_OF", ["Person", m], ["PartyOrganization", gridOrg]);
    }
    if (chance(0.97) && members[4 + g])
      out.rel("CENTRAL_HOUSEHOLD_OF", ["Person", members[4 + g]!], ["Region", grid], { households: int(8, 20) });
  });
  orgLife(orgId, orgKind, formal);
  // 第一书记 of weak villages, dispatched by an institution of the district; some have ended.
  if ((weak || income < 10) && chance(0.7)) {
    const institution = `inst-${districtCode}-${int(0, 8)}`;
    const firstSecretary = member(null);
    out.rel("WORKS_AT", ["Person", firstSecretary], ["Institution", institution]);
    out.rel("DISPATCHED_BY", ["Person", firstSecretary], ["Institution", institution]);
    out.rel("FIRST_SECRETARY_OF", ["Person", firstSecretary], ["Region", code], {
      since: date(int(2021, 2025)),
      until: chance(0.2) ? daysBefore(int(1, 300)) : undefined,
    });
  }
  // A new village's structures (guidance 三.7): 兼职委员, 区域化群团组织, 共建议事会.
  if (isNewVillage) {
    if (chance(0.85))
      out.rel("HOLDS_POST", ["Person", member(code)], ["PartyOrganization", orgId], {
        title: "PART_TIME_COMMITTEE",
      });
    if (chance(0.8)) {
      const mass = out.node("MassOrganization", { id: nextId("mass"), name: "区域化妇联", kind: "妇联" });
      out.rel("LOCATED_IN", ["MassOrganization", mass], ["Region", code]);
    }
    if (chance(0.7)) {
      const council = out.node("JointCouncil", {
        id: `council-${code}`,
        name: "共建议事会",
        kind: "CO_BUILDING_COUNCIL",
        establishedOn: "2021-03-01",
      });
      out.rel("SERVES", ["JointCouncil", council], ["Region", code]);
      out.rel("CONVENED_BY", ["JointCouncil", council], ["PartyOrganization", orgId]);
      const meeting = out.node("CouncilMeeting", {
        id: `${council}-m0`,
        heldOn: daysBefore(int(5, 80)),
        topics: ["议题"],
      });
      out.rel("OF", ["CouncilMeeting", meeting], ["JointCouncil", council]);
    }
  }
  // Professional cooperative.
  const coop = out.node("Cooperative", {
    id: `coop-pro-${code}`,
    name: "专业合作社",
    kind: "PROFESSIONAL",
    creditCode: withCheckCharacter(`93${code.slice(0, 6)}MA${code.slice(6)}1`),
    industry: pick(INDUSTRIES),
    memberHouseholds: int(20, 200),
    annualRevenue: int(50, 900),
  });
  out.rel("LOCATED_IN", ["Cooperative", coop], ["Region", code]);
  if (chance(0.4)) out.rel("LEADS", ["PartyOrganization", orgId], ["Cooperative", coop]);
  // Two-new organizations with the coverage mix.
  for (let k = 0, n = int(1, 5); k < n; k += 1) {
    const id = out.node("TwoNewOrganization", {
      id: `tno-${code}-${k}`,
      name: `${record.name}企业${k + 1}`,
      type: chance(0.85) ? "ENTERPRISE" : "SOCIAL_ORGANIZATION",
      creditCode: withCheckCharacter(`91${code.slice(0, 6)}M${code.slice(6)}${k}2`),
      employees: int(5, 300),
      foundedOn: date(int(2000, 2024)),
    });
    out.rel("LOCATED_IN", ["TwoNewOrganization", id], ["Region", code]);
    town.twoNew.push(id);
    const r = random();
    const workers = r < 0.3 ? int(3, 10) : r < 0.55 ? int(1, 2) : 0;
    const partyWorkers = Array.from({ length: workers }, () => member(code));
    partyWorkers.forEach((w) => out.rel("WORKS_AT", ["Person", w], ["TwoNewOrganization", id]));
    if (workers >= 3 && chance(0.85)) {
      const own = partyOrg(
        { name: `${record.name}企业${k + 1}党支部`, kind: "BRANCH", category: "TWO_NEW" },
        code,
        comprehensive,
      );
      partyWorkers.forEach((w) => out.rel("MEMBER_OF", ["Person", w], ["PartyOrganization", own]));
      out.rel("COVERS", ["PartyOrganization", own], ["TwoNewOrganization", id], { mode: "OWN" });
    } else if (workers > 0 && chance(0.85)) {
      out.rel("COVERS", ["PartyOrganization", joint], ["TwoNewOrganization", id], { mode: "JOINT" });
    } else if (chance(0.8)) {
      out.rel("WORK_COVERS", ["PartyOrganization", comprehensive], ["TwoNewOrganization", id]);
    }
  }
}

for (const province of childrenOf.get(null)!) {
  region(province, {});
  const cities = childrenOf.get(province.code) ?? [];
  for (const city of cities) {
    const [latitude, longitude] = CITY_SEATS[city.code.slice(0, 4)]!;
    const location = { latitude, longitude };
    region(city, { location });
    const districts = childrenOf.get(city.code) ?? [];
    districts.forEach((record, d) => district(record, onRing(location, d, districts.length, 0.3)));
  }
}

// Pairings: most weak villages with an institution or a strong village; some others too.
function pairing(kind: string, parties: Array<[string, string]>): void {
  const id = out.node("Pairing", {
    id: nextId("pairing"),
    kind,
    status: chance(0.1) ? "ENDED" : "ACTIVE",
    startedOn: date(int(2019, 2025)),
    focusAreas: [pick(FOCUS), "PARTY_BUILDING"],
    fundsCommitted: int(5, 100),
  });
  for (const [org, role] of parties) out.rel("PARTY_TO", ["PartyOrganization", org], ["Pairing", id], { role });
  for (let a = 0; a < 3; a += 1) {
    const activity = out.node("PairingActivity", {
      id: `${id}-a${a}`,
      on: daysBefore(int(10, 700)),
      focusArea: pick(FOCUS),
      title: "活动",
      funds: int(0, 10),
      beneficiaries: int(10, 300),
    });
    out.rel("UNDER", ["PairingActivity", activity], ["Pairing", id]);
  }
}
for (const weak of weakVillageOrgs) {
  if (!chance(0.8)) continue;
  if (strongVillageOrgs.length && chance(0.4))
    pairing("STRONG_WEAK", [
      [pick(strongVillageOrgs), "HELPER"],
      [weak, "RECIPIENT"],
    ]);
  else
    pairing("INSTITUTION_VILLAGE", [
      [pick(institutionOrgs), "HELPER"],
      [weak, "RECIPIENT"],
    ]);
}
for (const strong of strongVillageOrgs)
  if (chance(0.3))
    pairing("URBAN_RURAL", [
      [pick(institutionOrgs), "HELPER"],
      [strong, "RECIPIENT"],
    ]);

out.close({
  scale: process.argv.includes("--region") ? undefined : scale,
  region: regionCode,
  seed: seedValue,
  referenceDate: REFERENCE_DATE,
  shiftToLoadDay: true,
  calibration: {
    villages: stats.villages,
    residential: stats.residential,
    meanPopulation: Math.round(stats.population / stats.villages),
    shareAbove1000People: Number((stats.above1000 / stats.villages).toFixed(3)),
    shareUnder200Households: Number((stats.under200households / stats.villages).toFixed(3)),
    formalVillageMembers: stats.formalMembers,
  },
});
const manifest = JSON.parse(fs.readFileSync(path.join(outDir, "manifest.json"), "utf8"));
const total = (prefix: string) =>
  Object.entries(manifest.files as Record<string, number>)
    .filter(([f]) => f.startsWith(prefix))
    .reduce((s, [, n]) => s + n, 0);
console.log(`${outDir}: ${total("nodes/")} nodes, ${total("relationships/")} relationships`);
console.log(JSON.stringify(manifest.calibration));
