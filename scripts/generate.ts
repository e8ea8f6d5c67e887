/**
 * Synthetic dataset generator in DOMAIN.md's model, calibrated to the public figures.
 *
 *   npm run generate -- --scale qingdao --seed 1 [--out .tmp/datasets/qingdao-1]
 *
 * Scales: laixi (1 district, 11 towns, ~860 villages), qingdao (10 districts, ~140 towns,
 * ~6,000 villages, ~200,000 Party members), shandong (16 cities of qingdao's shape).
 * The same scale and seed give the same files. Output is a folder of NDJSON files, one per
 * label (nodes/<Label>.ndjson) and per relationship group (relationships/<TYPE>.<From>.<To>.ndjson),
 * plus manifest.json; `npm run load -- <folder>` loads it.
 *
 * Parameters (per village unless said): population from the published shape (mean 868,
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
import { createRandom } from "./random.js";

type Props = Record<string, unknown>;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const SCALES = {
  laixi: { cities: 1, districts: 1, towns: 11, villagesPerTown: 78 },
  qingdao: { cities: 1, districts: 10, towns: 14, villagesPerTown: 43 },
  shandong: { cities: 16, districts: 10, towns: 12, villagesPerTown: 36 },
} as const;
type Scale = keyof typeof SCALES;

const scale = arg("scale", "laixi") as Scale;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
const seedValue = Number(arg("seed", "1"));
const outDir = path.resolve(arg("out", path.join(PROJECT_ROOT, ".tmp", "datasets", `${scale}-${seedValue}`)));
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

const stats = { villages: 0, population: 0, above1000: 0, under200households: 0, formalMembers: 0 };
const weakVillageOrgs: string[] = [];
const strongVillageOrgs: string[] = [];
const institutionOrgs: string[] = [];

const spec = SCALES[scale];
for (let c = 0; c < spec.cities; c += 1) {
  const cityCode = scale === "shandong" ? `37${pad(c + 1, 2)}00000000` : "370200000000";
  const cityLat = 36.07 + (scale === "shandong" ? (c % 4) * 0.6 - 0.9 : 0);
  const cityLon = 120.38 - (scale === "shandong" ? Math.floor(c / 4) * 1.2 : 0);
  out.node("Region", {
    code: cityCode,
    name: `城市${c + 1}`,
    level: "CITY",
    status: "ACTIVE",
    location: { latitude: cityLat, longitude: cityLon },
  });
  for (let d = 0; d < spec.districts; d += 1) {
    const districtCode = `${cityCode.slice(0, 4)}${pad(81 + d, 2)}000000`;
    const dLat = cityLat + (d % 4) * 0.18;
    const dLon = cityLon + Math.floor(d / 4) * 0.22;
    out.node("Region", {
      code: districtCode,
      name: `区市${c + 1}-${d + 1}`,
      level: "DISTRICT",
      status: "ACTIVE",
      location: { latitude: dLat, longitude: dLon },
    });
    out.rel("PART_OF", ["Region", districtCode], ["Region", cityCode]);
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
      const inst = out.node("Institution", { id: `inst-${districtCode}-${k}`, name: `单位${districtCode}-${k}`, kind });
      out.rel("LOCATED_IN", ["Institution", inst], ["Region", districtCode]);
      const org = partyOrg(
        { name: `单位${districtCode}-${k}党委`, kind: "COMMITTEE", category: "INSTITUTION" },
        districtCode,
      );
      out.rel("HAS_PARTY_ORG", ["Institution", inst], ["PartyOrganization", org]);
      institutionOrgs.push(org);
    }
    for (let t = 0; t < spec.towns; t += 1) {
      const townCode = `${districtCode.slice(0, 6)}${100 + t + 1}000`;
      const tLat = dLat + (t % 4) * 0.05;
      const tLon = dLon + Math.floor(t / 4) * 0.06;
      out.node("Region", {
        code: townCode,
        name: `镇${townCode.slice(4, 9)}`,
        level: "TOWN",
        status: "ACTIVE",
        location: { latitude: tLat, longitude: tLon },
      });
      out.rel("PART_OF", ["Region", townCode], ["Region", districtCode]);
      const townOrg = partyOrg({ name: `镇${townCode}党委`, kind: "COMMITTEE", category: "TOWN" }, townCode);
      const townSecretary = member(townCode);
      out.rel("MEMBER_OF", ["Person", townSecretary], ["PartyOrganization", townOrg]);
      out.rel("SECRETARY_OF", ["Person", townSecretary], ["PartyOrganization", townOrg], { since: "2021-09-01" });
      const comprehensive = partyOrg(
        { name: `镇${townCode}两新组织综合党委`, kind: "COMMITTEE", category: "TWO_NEW_COMPREHENSIVE" },
        townCode,
        townOrg,
      );
      const joint = partyOrg(
        { name: `镇${townCode}联合党支部`, kind: "JOINT_BRANCH", category: "TWO_NEW" },
        townCode,
        comprehensive,
      );
      const center = out.node("ServiceCenter", {
        id: `sc-${townCode}`,
        name: "党群服务中心",
        level: "TOWN",
        online: true,
      });
      out.rel("SERVES", ["ServiceCenter", center], ["Region", townCode]);
      out.rel("LOCATED_IN", ["ServiceCenter", center], ["Region", townCode]);
      const townVillageOrgs: string[] = [];
      const townTwoNew: string[] = [];

      const villagesInTown = Math.max(5, Math.round(spec.villagesPerTown * (0.6 + random() * 0.8)));
      for (let v = 0; v < villagesInTown; v += 1) {
        const code = `${townCode.slice(0, 9)}${200 + v + 1}`;
        const { population, households } = village();
        const income = chance(0.07)
          ? Math.round(random() * 90) / 10
          : chance(0.12)
            ? 100 + int(0, 300)
            : 10 + int(0, 90);
        const isNewVillage = chance(0.03);
        stats.villages += 1;
        stats.population += population;
        if (population > 1000) stats.above1000 += 1;
        if (households < 200) stats.under200households += 1;
        out.node("Region", {
          code,
          name: `${isNewVillage ? "新村" : "村"}${code.slice(6)}`,
          level: "VILLAGE",
          status: "ACTIVE",
          population,
          households,
          isNewVillage,
          validFrom: isNewVillage ? date(int(2019, 2025)) : undefined,
          collectiveIncome: income,
          industries: [pick(INDUSTRIES), pick(INDUSTRIES)].filter((x, i, a) => a.indexOf(x) === i),
          location: { latitude: tLat + (random() - 0.5) * 0.12, longitude: tLon + (random() - 0.5) * 0.15 },
        });
        out.rel("PART_OF", ["Region", code], ["Region", townCode]);
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
            name: `${gridCode}${isNewVillage ? "(原村)" : "网格"}`,
            level: "GRID",
            status: "ACTIVE",
            formerLevel: isNewVillage ? "VILLAGE" : undefined,
          });
          out.rel("PART_OF", ["Region", gridCode], ["Region", code]);
          return gridCode;
        });
        if (!chance(0.98)) continue; // no village Party organization
        const weak = chance(0.04);
        const formal = Math.max(3, Math.round(population / 26 + (random() - 0.5) * 10));
        const orgKind = formal >= 100 ? "COMMITTEE" : formal >= 50 ? "GENERAL_BRANCH" : "BRANCH";
        // 1% of village organizations are not under the town's (a chain break).
        const orgId = partyOrg(
          { name: `村${code}党支部`, kind: orgKind, category: "VILLAGE", isWeak: weak },
          code,
          chance(0.01) ? undefined : townOrg,
        );
        townVillageOrgs.push(orgId);
        if (weak || income < 10) weakVillageOrgs.push(orgId);
        else if (income >= 100) strongVillageOrgs.push(orgId);
        out.rel("LEADS", ["PartyOrganization", orgId], ["VillageCommittee", committee]);
        out.rel("LEADS", ["PartyOrganization", orgId], ["Cooperative", collective]);
        const members = Array.from({ length: formal }, () => member(code));
        stats.formalMembers += formal;
        members.forEach((m) => out.rel("MEMBER_OF", ["Person", m], ["PartyOrganization", orgId]));
        if (chance(0.88))
          out.rel(
            "MEMBER_OF",
            ["Person", person("FORMAL", code, daysBefore(int(30, 650)))],
            ["PartyOrganization", orgId],
          );
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
              { name: `${grid}党小组`, kind: "PARTY_GROUP", category: "GRID" },
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
            name: `企业${code}-${k}`,
            type: chance(0.85) ? "ENTERPRISE" : "SOCIAL_ORGANIZATION",
            creditCode: withCheckCharacter(`91${code.slice(0, 6)}M${code.slice(6)}${k}2`),
            employees: int(5, 300),
            foundedOn: date(int(2000, 2024)),
          });
          out.rel("LOCATED_IN", ["TwoNewOrganization", id], ["Region", code]);
          townTwoNew.push(id);
          const r = random();
          const workers = r < 0.3 ? int(3, 10) : r < 0.55 ? int(1, 2) : 0;
          const partyWorkers = Array.from({ length: workers }, () => member(code));
          partyWorkers.forEach((w) => out.rel("WORKS_AT", ["Person", w], ["TwoNewOrganization", id]));
          if (workers >= 3 && chance(0.85)) {
            const own = partyOrg({ name: `${id}党支部`, kind: "BRANCH", category: "TWO_NEW" }, code, comprehensive);
            partyWorkers.forEach((w) => out.rel("MEMBER_OF", ["Person", w], ["PartyOrganization", own]));
            out.rel("COVERS", ["PartyOrganization", own], ["TwoNewOrganization", id], { mode: "OWN" });
          } else if (workers > 0 && chance(0.85)) {
            out.rel("COVERS", ["PartyOrganization", joint], ["TwoNewOrganization", id], { mode: "JOINT" });
          } else if (chance(0.8)) {
            out.rel("WORK_COVERS", ["PartyOrganization", comprehensive], ["TwoNewOrganization", id]);
          }
        }
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
          name: "区域化党建联席会议",
          kind: "REGIONAL_JOINT_MEETING",
          establishedOn: "2020-03-01",
        });
        out.rel("SERVES", ["JointCouncil", council], ["Region", townCode]);
        out.rel("CONVENED_BY", ["JointCouncil", council], ["PartyOrganization", townOrg]);
        for (const unit of townVillageOrgs.slice(0, 3))
          out.rel("MEMBER_UNIT_OF", ["PartyOrganization", unit], ["JointCouncil", council]);
        for (const unit of townTwoNew.slice(0, 2))
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
  scale,
  seed: seedValue,
  referenceDate: REFERENCE_DATE,
  shiftToLoadDay: true,
  calibration: {
    villages: stats.villages,
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
