/**
 * An official division list as the platform reads it: lines "code<TAB>official name" (the
 * codes as published, 2 digits for a province, 4 a city, 6 a district or county, 9 a town or
 * subdistrict, 12 a village-level unit), turned into regions with 12-digit codes, levels,
 * short names and parents.
 *
 * Rules (README, "Official division codes"):
 * - level by the code's length: PROVINCE, CITY, DISTRICT, TOWN (镇, 乡, 街道 and their peers);
 *   a 12-digit unit is a VILLAGE when its official name says it is a village (村民委员会,
 *   村委会 and their variants, or a bare name ending in 村 or 嘎查), otherwise RESIDENTIAL
 *   (居民委员会, 居委会, and the units the list keeps beside them: 社区, 生活区, 管理区 …);
 * - the parent is the unit whose code is the prefix; a unit whose 12-digit code equals its
 *   parent's (东莞 441900 under 4419, 金门 350527000 under 350527) is its parent and is dropped,
 *   its children moving up to it;
 * - the short name drops the committee from a village-level name (沟东新村村民委员会 → 沟东新村,
 *   官庄村委会 → 官庄村, 月湖街社区居委会 → 月湖街社区) and any trailing note in brackets; the
 *   generic names of some cities gain their province's (市辖区 → 北京市市辖区).
 */
import { significantPrefix } from "../domain/region-code.js";
import type { RegionLevelName } from "../domain/region-levels.js";

export type DivisionLevel = Extract<
  RegionLevelName,
  "PROVINCE" | "CITY" | "DISTRICT" | "TOWN" | "VILLAGE" | "RESIDENTIAL"
>;

export interface DivisionRecord {
  /** 12 digits. */
  code: string;
  level: DivisionLevel;
  officialName: string;
  name: string;
  /** The 12-digit code of the parent; null for a province. */
  parentCode: string | null;
}

/** Parent code length by code length. */
const PARENT_LENGTH: Record<number, number> = { 4: 2, 6: 4, 9: 6, 12: 9 };
const LEVEL_BY_LENGTH: Record<number, DivisionLevel> = { 2: "PROVINCE", 4: "CITY", 6: "DISTRICT", 9: "TOWN" };

/** "code<TAB>name" lines; "#" starts a comment line. */
export function parseDivisionLines(text: string): Array<[code: string, officialName: string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    const code = line.slice(0, tab);
    const name = line.slice(tab + 1).replace(/\r$/, "");
    if (tab < 0 || !/^\d+$/.test(code) || !(code.length in LEVEL_BY_LENGTH || code.length === 12) || name === "") {
      throw new Error(`not a division line: ${JSON.stringify(line)}`);
    }
    out.push([code, name]);
  }
  return out;
}

const RESIDENTIAL_NAME = /居民|居委|居会|社区居$/;
const VILLAGE_NAME = /村民|村名委|村.{0,2}委|(村|嘎查)$/;

/**
 * 村委会 → VILLAGE, 居委会 (and every other village-level unit that is not a village) → RESIDENTIAL,
 * by the official name with or without its trailing note (白庙村农工商联合公司（村委会）is a village).
 */
export function villageLevelOf(officialName: string): "VILLAGE" | "RESIDENTIAL" {
  const names = [officialName, withoutNote(officialName)];
  if (names.some((name) => RESIDENTIAL_NAME.test(name))) return "RESIDENTIAL";
  return names.some((name) => VILLAGE_NAME.test(name)) ? "VILLAGE" : "RESIDENTIAL";
}

/** "新月村委会（新月工业小区）（省级）" → "新月村委会" */
function withoutNote(name: string): string {
  const stripped = name.replace(/(（[^（）]*）|\([^()]*\))+$/, "");
  return stripped === "" ? name : stripped;
}

const VILLAGE_COMMITTEE = /村?(民委员会|民委会|民委员|名委员会|委员会|委会|委)$/;
const RESIDENTS_COMMITTEE = /(居民委员会|居民委会|居民委员|居委会|居委|居会)$|(?<=社区)居$/;

/** The short name of a village-level unit (see the rules above). */
export function villageShortName(officialName: string, level: "VILLAGE" | "RESIDENTIAL"): string {
  const name = withoutNote(officialName);
  if (level === "VILLAGE") {
    if (!VILLAGE_COMMITTEE.test(name)) return name;
    const base = name.replace(VILLAGE_COMMITTEE, "");
    if (base === "") return name;
    return /(村|社区|嘎查)$/.test(base) ? base : `${base}村`;
  }
  const base = name.replace(RESIDENTS_COMMITTEE, "");
  return base === "" ? name : base;
}

const GENERIC_CITY = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

/**
 * The regions of a list, parents first (the list's own order when it is sorted by code).
 * Throws on a unit whose parent is missing.
 */
export function expandDivisions(lines: Array<[string, string]>): DivisionRecord[] {
  const sorted = [...lines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  /** Published code → the 12-digit code it stands for (its parent's, when dropped). */
  const effective = new Map<string, string>();
  const byCode = new Map<string, DivisionRecord>();
  const out: DivisionRecord[] = [];
  for (const [raw, officialName] of sorted) {
    const code = raw.padEnd(12, "0");
    const parentRaw = raw.length === 2 ? null : raw.slice(0, PARENT_LENGTH[raw.length]);
    const parentCode = parentRaw === null ? null : effective.get(parentRaw);
    if (parentCode === undefined)
      throw new Error(`division ${raw} (${officialName}) has no parent ${parentRaw} in the list`);
    if (parentCode === code) {
      effective.set(raw, code); // the same division as its parent
      continue;
    }
    effective.set(raw, code);
    let level: DivisionLevel;
    let name: string;
    if (raw.length === 12) {
      level = villageLevelOf(officialName);
      name = villageShortName(officialName, level);
    } else {
      level = LEVEL_BY_LENGTH[raw.length]!;
      const parent = parentCode === null ? undefined : byCode.get(parentCode);
      name =
        level === "CITY" && GENERIC_CITY.has(officialName) && parent ? `${parent.name}${officialName}` : officialName;
    }
    const record: DivisionRecord = { code, level, officialName, name, parentCode };
    byCode.set(code, record);
    out.push(record);
  }
  return out;
}

/**
 * A region code as the command takes it: the published code (37, 3702, 370285, 370285105 or 12
 * digits) or its 12-digit form (370285000000). Returns the 12-digit code, or null.
 */
export function divisionCode(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\d+$/.test(trimmed) || ![2, 4, 6, 9, 12].includes(trimmed.length)) return null;
  const code = trimmed.padEnd(12, "0");
  return code.startsWith("00") ? null : code;
}

/**
 * The records a region import writes: the region, everything below it (by code prefix) and its
 * ancestors up to the province, parents first; null when the list has no such region.
 */
export function selectRegion(records: DivisionRecord[], code: string): DivisionRecord[] | null {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const region = byCode.get(code);
  if (!region) return null;
  const ancestors: DivisionRecord[] = [];
  for (let parent = region.parentCode; parent !== null;) {
    const record = byCode.get(parent)!;
    ancestors.unshift(record);
    parent = record.parentCode;
  }
  const prefix = significantPrefix(code);
  return [...ancestors, ...records.filter((r) => r.code.startsWith(prefix))];
}
