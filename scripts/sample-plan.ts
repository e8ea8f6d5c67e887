/**
 * The sample region's skeleton and where its planted defects sit: Laixi (莱西市, 370285) as the
 * 2019 division list has it (data/divisions, read by src/divisions), every town-level and
 * village-level unit with its real code and names. Shared by the generator
 * (scripts/generate-sample.ts) and the tests (tests/fixtures/sample.ts), so that both name the
 * same villages: which real village carries which planted defect, and which real villages the
 * sample's new villages were formed from, is chosen here, deterministically.
 */
import { addDays } from "../src/domain/dates.js";
import { readDivisionList } from "../src/divisions/division-data.js";
import { selectRegion, type DivisionRecord } from "../src/divisions/division-list.js";
import { vintageOf, type Vintage } from "../src/divisions/vintages.js";
import { createRandom } from "./random.js";

/** The sample's "recent" facts are relative to it; the loader moves it to the day of loading. */
export const REFERENCE_DATE = "2026-11-15";
export const CITY = "370200000000";
export const DISTRICT = "370285000000";
export const VINTAGE_2019 = vintageOf(2019)!;
export const VINTAGE_2023 = vintageOf(2023)!;

export const daysBefore = (iso: string, days: number) => addDays(iso, -days);

async function laixi(vintage: Vintage): Promise<DivisionRecord[]> {
  const { records } = await readDivisionList(vintage, "37", { download: false });
  return selectRegion(records, DISTRICT)!;
}
/** Laixi in the 2019 list: its ancestors, itself, its 12 town-level units and 896 village-level units, parents first. */
export const LAIXI_2019 = await laixi(VINTAGE_2019);
/** 沟东新村 as the 2023 list has it: the sample's only new village with a real code and name. */
export const GOUDONG_2023 = (await laixi(VINTAGE_2023)).find((r) => r.code === "370285105294")!;

/** The town-level units' rough real locations and local industries (what the list does not say). */
export const TOWN_FACTS: Record<string, { lat: number; lon: number; industries: string[] }> = {
  "370285001000": { lat: 36.889, lon: 120.526, industries: ["食品加工", "商贸物流", "蔬菜种植"] },
  "370285002000": { lat: 36.861, lon: 120.47, industries: ["蔬菜种植", "苗木花卉", "食品加工"] },
  "370285007000": { lat: 36.8, lon: 120.4, industries: ["小麦", "畜牧养殖", "乡村旅游"] },
  "370285101000": { lat: 36.7, lon: 120.56, industries: ["葡萄", "湿地旅游", "蔬菜种植", "花生"] },
  "370285102000": { lat: 36.8, lon: 120.64, industries: ["草莓", "蓝莓", "乡村旅游", "花生"] },
  "370285104000": { lat: 36.93, lon: 120.41, industries: ["葡萄", "畜牧养殖", "小麦", "花生"] },
  "370285105000": { lat: 37.0, lon: 120.64, industries: ["云山芋", "茶叶", "花生", "乡村旅游"] },
  "370285106000": { lat: 37.1, lon: 120.6, industries: ["石墨", "果品", "花生", "畜牧养殖"] },
  "370285107000": { lat: 36.98, lon: 120.73, industries: ["葡萄", "苹果", "花生", "小麦"] },
  "370285108000": { lat: 36.77, lon: 120.58, industries: ["胡萝卜", "蔬菜种植", "农产品冷链", "小麦"] },
  "370285116000": { lat: 37.05, lon: 120.46, industries: ["甜瓜", "西瓜", "花生", "畜牧养殖"] },
  "370285400000": { lat: 36.83, lon: 120.5, industries: ["装备制造", "食品加工", "新能源汽车"] },
};

// ---------------------------------------------------------------------------------------
// Planted defects: a town's n-th ordinary village (town code digits 7–9, ordinal) → what is wrong there.
export type Defect =
  | "NO_VILLAGE_ORG"
  | "GRID_WITHOUT_ORG"
  | "GRID_WITHOUT_CENTRAL_HOUSEHOLD"
  | "NO_GRIDS"
  | "ORG_NOT_SUBORDINATE"
  | "SECRETARY_NOT_DIRECTOR"
  | "SECRETARY_NOT_COLLECTIVE_HEAD"
  | "WEAK_PAIRED"
  | "WEAK_UNPAIRED"
  | "WEAK_ONLY_ENDED_PAIRING"
  | "WEAK_BY_INCOME_PAIRED"
  | "NO_RECENT_RECRUITMENT"
  | "NO_RESERVE_SECRETARY"
  | "NO_SERVICE_STATION"
  | "STRONG"
  // Organizational life, at its window boundaries (days before the reference date):
  | "CONGRESS_92" // the latest 党员大会 exactly 92 days before: still in time
  | "CONGRESS_93" // the latest 党员大会 93 days before: ORG_LIFE_OVERDUE [MEMBER_CONGRESS]
  | "THEME_DAY_31" // the latest 主题党日 exactly 31 days before: in time
  | "THEME_DAY_32" // 32 days before: ORG_LIFE_OVERDUE [THEME_DAY]
  | "LIFE_MEETING_366" // the latest 组织生活会 exactly 366 days before: in time
  | "LIFE_MEETING_367" // 367 days before: ORG_LIFE_OVERDUE [LIFE_MEETING]
  | "EVENT_AFTER_AS_OF" // a 主题党日 entered ahead, dated the day after; none in the 31 days: ORG_LIFE_OVERDUE [THEME_DAY]
  | "ORG_LIFE_LAPSED" // nothing for 200 days: ORG_LIFE_OVERDUE naming four kinds
  | "SMALL_BRANCH_6" // a BRANCH of 6 formal members (and a probationary one): no committee, no committee meetings needed
  | "BRANCH_7_NO_COMMITTEE_MEETING" // a BRANCH of 7 formal members without committee meetings: ORG_LIFE_OVERDUE [COMMITTEE_MEETING]
  | "FOUNDED_92_DAYS_AGO" // its organization founded exactly 92 days before: only the 31-day kinds are due yet
  // Chain: a grid whose grid organization is subordinate to the town's, not the village's: GRID_ORG_DETACHED.
  | "GRID_ORG_DETACHED"
  // First secretaries and work teams of weak villages (serving when since ≤ asOf ≤ until):
  | "FIRST_SECRETARY_UNTIL_AS_OF" // until = the reference date: serving
  | "FIRST_SECRETARY_SINCE_AS_OF" // since = the reference date: serving
  | "FIRST_SECRETARY_ENDED" // until = the day before (and the town's work team ended that day too): WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY
  | "NO_FIRST_SECRETARY" // none, no work team: WEAK_VILLAGE_WITHOUT_FIRST_SECRETARY
  | "WORK_TEAM_IN_TOWN" // no first secretary, but a work team stationed in its town
  | "WORK_TEAM_IN_GRID"; // no first secretary, but a work team stationed in one of its grids
export const DEFECTS: Record<string, Defect[]> = {
  "102-3": ["NO_VILLAGE_ORG"],
  "101-4": ["GRID_WITHOUT_ORG"],
  "104-2": ["GRID_WITHOUT_CENTRAL_HOUSEHOLD"],
  "106-5": ["NO_GRIDS"], // VILLAGE_WITHOUT_GRID
  "107-7": ["ORG_NOT_SUBORDINATE"], // VILLAGE_ORG_DETACHED
  "101-6": ["SECRETARY_NOT_DIRECTOR"],
  "108-3": ["SECRETARY_NOT_DIRECTOR", "SECRETARY_NOT_COLLECTIVE_HEAD"],
  "116-2": ["SECRETARY_NOT_COLLECTIVE_HEAD"],
  "101-9": ["WEAK_PAIRED", "FIRST_SECRETARY_UNTIL_AS_OF"],
  "104-8": ["WEAK_PAIRED", "FIRST_SECRETARY_ENDED"],
  "105-9": ["WEAK_PAIRED", "WORK_TEAM_IN_TOWN"],
  "106-3": ["WEAK_BY_INCOME_PAIRED", "FIRST_SECRETARY_SINCE_AS_OF"],
  "107-4": ["WEAK_PAIRED", "WORK_TEAM_IN_GRID"],
  "116-5": ["WEAK_UNPAIRED", "NO_RESERVE_SECRETARY", "NO_FIRST_SECRETARY"],
  "102-8": ["WEAK_ONLY_ENDED_PAIRING"],
  "108-6": ["WEAK_BY_INCOME_PAIRED"],
  "007-4": ["NO_RECENT_RECRUITMENT"],
  "106-8": ["NO_RECENT_RECRUITMENT"],
  "107-10": ["NO_RECENT_RECRUITMENT", "NO_SERVICE_STATION"],
  "101-11": ["NO_RESERVE_SECRETARY"],
  "104-10": ["NO_RESERVE_SECRETARY"],
  "002-5": ["NO_SERVICE_STATION"],
  "116-7": ["NO_SERVICE_STATION"],
  "101-1": ["STRONG"],
  "104-1": ["STRONG"],
  "105-10": ["STRONG"],
  "106-1": ["STRONG"],
  "107-1": ["STRONG"],
  "108-1": ["STRONG"],
  "101-2": ["CONGRESS_92"],
  "101-3": ["CONGRESS_93"],
  "102-2": ["THEME_DAY_31"],
  "102-4": ["THEME_DAY_32"],
  "104-3": ["LIFE_MEETING_366"],
  "104-4": ["LIFE_MEETING_367"],
  "105-3": ["EVENT_AFTER_AS_OF"],
  "105-4": ["ORG_LIFE_LAPSED"],
  "102-12": ["SMALL_BRANCH_6"],
  "102-13": ["BRANCH_7_NO_COMMITTEE_MEETING"],
  "104-13": ["GRID_ORG_DETACHED"],
  "104-14": ["FOUNDED_92_DAYS_AGO"],
};

/**
 * How many of a town's ordinary villages (the first, by code) get the full detail: members by the
 * dozen, more grids, organizational life every month. The others are lean (a handful of members,
 * two grids, the latest event of each kind), enough for every rule to hold.
 */
const DETAILED: Record<string, number> = {
  "001": 6,
  "002": 6,
  "007": 7,
  "101": 13,
  "102": 13,
  "104": 14,
  "105": 14,
  "106": 10,
  "107": 12,
  "108": 10,
  "116": 9,
  "400": 4,
};

// ---------------------------------------------------------------------------------------
/** A village-level unit of the sample. */
export interface SampleUnit {
  code: string;
  name: string;
  officialName: string;
  level: "VILLAGE" | "RESIDENTIAL";
  townCode: string;
  /** Among its town's ordinary villages (1-based), for the villages neither residential nor merged. */
  ordinal?: number;
  detailed: boolean;
  defects: Defect[];
  /** The code of the new village it was merged into. */
  mergedInto?: string;
}

/** A new village (新村) of the sample's history and the real villages it was formed from. */
export interface NewVillagePlan {
  code: string;
  name: string;
  officialName?: string;
  townCode: string;
  mergedOn: string;
  absorbed: string[];
  /** It has a 共建议事会. */
  council: boolean;
  /** It has a part-time committee member (兼职委员); default true. */
  partTime?: boolean;
  /** A 区域化群团组织 is located in it; default true. */
  massOrg?: boolean;
}

export const TOWNS_2019 = LAIXI_2019.filter((r) => r.level === "TOWN");
const unitsOf = (townCode: string) => LAIXI_2019.filter((r) => r.parentCode === townCode);
const villagesOf = (townCode: string) => unitsOf(townCode).filter((r) => r.level === "VILLAGE");

// Which real villages formed the new villages is generated: a stream of its own picks them among
// neighbours by code (the generator places villages close by code close on the map).
const pickStream = createRandom(20200418);
function neighbours(townCode: string, around: string, count: number): string[] {
  const codes = villagesOf(townCode).map((r) => r.code);
  const at = codes.indexOf(around);
  const near = codes.slice(Math.max(0, at - 4), at + 5).filter((c) => c !== around);
  const chosen = [around];
  while (chosen.length < count) {
    const c = pickStream.pick(near);
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen.sort();
}
/** Two neighbours among the last villages of a town, away from the detailed ones. */
function lastNeighbours(townCode: string): string[] {
  const codes = villagesOf(townCode).map((r) => r.code);
  const at = codes.length - 2 - pickStream.int(3, 12);
  return [codes[at]!, codes[at + 1]!];
}

/**
 * 沟东新村 (日庄镇): five villages merged in 2020, as in Laixi (its code and name are the 2023 list's; which
 * five is generated, 沟东村 among them). 河头店新村 (2025) has no 共建议事会 (NEW_VILLAGE_WITHOUT_COUNCIL), and
 * its part-time committee member has left the post (NEW_VILLAGE_WITHOUT_PART_TIME_MEMBER); 夏格庄新村, formed
 * 232 days before the reference date, has its council but no 区域化群团组织 (NEW_VILLAGE_WITHOUT_MASS_ORG).
 * These two have generated codes, 901 under their town: no list has such a code.
 */
export const NEW_VILLAGES: NewVillagePlan[] = [
  {
    code: GOUDONG_2023.code,
    name: GOUDONG_2023.name,
    officialName: GOUDONG_2023.officialName,
    townCode: "370285105000",
    mergedOn: "2020-04-18",
    absorbed: neighbours("370285105000", "370285105271", 5),
    council: true,
  },
  {
    code: "370285107901",
    name: "河头店新村",
    townCode: "370285107000",
    mergedOn: "2025-06-30",
    absorbed: lastNeighbours("370285107000"),
    council: false,
    partTime: false,
  },
  {
    code: "370285102901",
    name: "夏格庄新村",
    townCode: "370285102000",
    mergedOn: daysBefore(REFERENCE_DATE, 232),
    absorbed: lastNeighbours("370285102000"),
    council: true,
    massOrg: false,
  },
];

const mergedInto = new Map(NEW_VILLAGES.flatMap((nv) => nv.absorbed.map((code) => [code, nv.code] as const)));

/** Every village-level unit of Laixi 2019, by code, with its place in the sample. */
export const SAMPLE_UNITS: SampleUnit[] = TOWNS_2019.flatMap((town) => {
  const suffix = town.code.slice(6, 9);
  let ordinal = 0;
  return unitsOf(town.code).map((r): SampleUnit => {
    const unit: SampleUnit = {
      code: r.code,
      name: r.name,
      officialName: r.officialName,
      level: r.level as SampleUnit["level"],
      townCode: town.code,
      detailed: false,
      defects: [],
      mergedInto: mergedInto.get(r.code),
    };
    if (unit.level === "RESIDENTIAL" || unit.mergedInto) return unit;
    ordinal += 1;
    return {
      ...unit,
      ordinal,
      detailed: ordinal <= DETAILED[suffix]!,
      defects: DEFECTS[`${suffix}-${ordinal}`] ?? [],
    };
  });
});
for (const key of Object.keys(DEFECTS)) {
  const [suffix, ordinal] = key.split("-");
  const unit = SAMPLE_UNITS.find((u) => u.townCode.slice(6, 9) === suffix && u.ordinal === Number(ordinal));
  if (!unit?.detailed) throw new Error(`DEFECTS ${key}: not a detailed village of the sample`);
}

/** The n-th ordinary village (neither residential nor merged) of a town, by code. */
export function ordinaryVillage(townCode: string, ordinal: number): SampleUnit {
  const unit = SAMPLE_UNITS.find((u) => u.townCode === townCode && u.ordinal === ordinal);
  if (!unit) throw new Error(`the sample's ${townCode} has no village ${ordinal}`);
  return unit;
}

/** The village where a defect is planted (the first, by code, when it is planted at several). */
export function plantedAt(defect: Defect): SampleUnit {
  return SAMPLE_UNITS.find((u) => u.defects.includes(defect))!;
}
