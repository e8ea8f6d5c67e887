/**
 * Imports a region of an official division list (npm run divisions).
 *
 * Contract:
 * - the region, everything below it and its ancestors up to the province are written;
 * - every vintage imported is kept as data of its own: a (:DivisionUnit {id: "<year>:<code>",
 *   vintage, code, level, name, officialName, parentCode}) per division and a
 *   (:DivisionVintage {id: "vintage-<year>", year, …, regions}) naming the regions imported;
 * - unless `reference`, the vintage is also the live hierarchy: Regions {code, name,
 *   officialName, level, status ACTIVE, source, divisionVintage} with PART_OF to their official
 *   parent, as the rest of the platform reads them. A region a village layout adjustment changed
 *   (MERGED, a former level, MERGED_INTO) keeps its level, status and place. Live regions from
 *   another vintage are refused (codes are reused between years): record that one as reference;
 * - everything is compared first and only what is new or differs is written, in batches of
 *   1,000 (one write transaction and one audit entry "divisions" each), so a second run writes
 *   nothing, not even an audit entry; a dry run compares and writes nothing; a run cut short is
 *   completed by the next, and the vintage names the region only once every batch is in;
 * - live regions under the region that the list does not have are left as they are, and listed;
 *   live regions that no list wrote and that the list would rename (made-up names under real
 *   codes) are refused unless `adopt`; a region whose source adds what was generated after the
 *   official source (the sample region, `sampleSource`) keeps that source.
 */
import neo4j from "neo4j-driver";
import type { Graph } from "../database/graph.js";
import { neo4jDate } from "../domain/dates.js";
import { significantPrefix } from "../domain/region-code.js";
import { readDivisionList, type ListOptions } from "./division-data.js";
import { divisionCode, selectRegion, type DivisionRecord } from "./division-list.js";
import {
  officialSource,
  publicationOf,
  unitId,
  VINTAGE_YEARS,
  vintageId,
  vintageOf,
  type Vintage,
} from "./vintages.js";

export type DivisionPhase = "reading" | "units" | "checking" | "regions";

export interface DivisionImportOptions extends ListOptions {
  /** 37, 3702, 370285, 370285105, or a 12-digit code. */
  regionCode: string;
  year: number;
  /** Keep the vintage as data only (DivisionUnits); leave the live regions alone. */
  reference?: boolean;
  /**
   * Rename live regions that no division list wrote (made-up names under real codes, as a
   * hand-made graph may hold). Without it such an import is refused (a dry run only says so).
   */
  adopt?: boolean;
  dryRun?: boolean;
  onProgress?: (phase: DivisionPhase, done: number, total: number) => void;
}

export interface WriteCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface RegionCounts extends WriteCounts {
  /** Of the updated: placed under their official parent (instead of another, or of none). */
  moved: number;
  /** Changed by a village layout adjustment: official names set, level, status and place kept. */
  adjusted: number;
  /** Existing regions whose name the list changes (a graph built from made-up names shows here). */
  renamed: Array<{ code: string; from: string | null; to: string }>;
  /** Of the renamed, how many no division list wrote: a real run needs `adopt` for them. */
  renamedUnlisted: number;
}

export interface DivisionImportResult {
  region: DivisionRecord;
  vintage: Vintage;
  /** The list read. */
  file: string;
  dryRun: boolean;
  reference: boolean;
  /** Divisions written (or compared), by level. */
  byLevel: Record<string, number>;
  units: WriteCounts;
  regions: RegionCounts | null;
  /** Live regions under the region that the list does not have (left as they are); null for a reference import. */
  notInList: string[] | null;
  /** Whether the (:DivisionVintage) record was created or changed. */
  vintageChanged: boolean;
}

const BATCH = 1_000;
const READ_CHUNK = 5_000;

interface ExistingUnit {
  id: string;
  vintage: number;
  code: string;
  level: string;
  name: string;
  officialName: string;
  parentCode: string | null;
}

interface ExistingRegion {
  code: string;
  name: string | null;
  officialName: string | null;
  level: string | null;
  source: string | null;
  divisionVintage: number | null;
  adjusted: boolean;
  parents: string[];
  parentsThroughCommunity: string[];
}

interface RegionRow {
  code: string;
  name: string;
  officialName: string;
  level: string;
  source: string;
  divisionVintage: number;
  parentCode: string | null;
  move: boolean;
}

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export class DivisionImportService {
  constructor(private readonly graph: Graph) {}

  async importRegion(options: DivisionImportOptions): Promise<DivisionImportResult> {
    if (this.graph.principal.role !== "ADMIN")
      throw new Error(
        `importing division lists needs ADMIN; ${this.graph.principal.subject} is ${this.graph.principal.role}`,
      );
    const vintage = vintageOf(options.year);
    if (!vintage) throw new Error(`no vintage ${options.year}: the division lists are ${VINTAGE_YEARS.join(" and ")}`);
    const code = divisionCode(options.regionCode);
    if (!code)
      throw new Error(
        `"${options.regionCode}" is not a division code: 2, 4, 6, 9 or 12 digits (37, 3702, 370285, 370285105, 370285000000)`,
      );
    const progress = options.onProgress ?? (() => {});
    const dryRun = options.dryRun ?? false;
    const reference = options.reference ?? false;

    progress("reading", 0, 1);
    const list = await readDivisionList(vintage, code.slice(0, 2), options);
    const selected = selectRegion(list.records, code);
    if (!selected) throw new Error(`${code} is not in the ${vintage.year} list (${list.file})`);
    progress("reading", 1, 1);
    const region = selected.find((r) => r.code === code)!;
    const byLevel: Record<string, number> = {};
    for (const record of selected) byLevel[record.level] = (byLevel[record.level] ?? 0) + 1;

    // The live regions are compared (and a mix of vintages refused) before anything is written.
    const plan = reference ? null : await this.planRegions(vintage, code, selected, progress);
    if (plan && plan.counts.renamedUnlisted && !options.adopt && !dryRun) {
      const example = plan.counts.renamed.find(() => true)!;
      throw new Error(
        `${plan.counts.renamedUnlisted} live regions of ${code} that no division list wrote would be renamed ` +
          `(e.g. ${example.code} ${example.from} → ${example.to}): the graph holds other regions under these codes ` +
          `(made-up names under real codes). Rerun with --adopt to rename them, or keep the list as data with --reference.`,
      );
    }
    const units = await this.writeUnits(vintage, code, selected, dryRun, progress);
    let regions: RegionCounts | null = null;
    let notInList: string[] | null = null;
    if (plan) {
      await this.writeRegions(code, plan.changed, dryRun, progress);
      regions = plan.counts;
      const listed = new Set(selected.map((r) => r.code));
      const live = await this.graph.read<{ code: string }>("divisions/regions-under", {
        prefix: significantPrefix(code),
      });
      notInList = live
        .map((r) => r.code)
        .filter((c) => !listed.has(c))
        .sort();
    }
    const vintageChanged = await this.recordVintage(vintage, code, dryRun);
    return { region, vintage, file: list.file, dryRun, reference, byLevel, units, regions, notInList, vintageChanged };
  }

  private async writeUnits(
    vintage: Vintage,
    code: string,
    selected: DivisionRecord[],
    dryRun: boolean,
    progress: NonNullable<DivisionImportOptions["onProgress"]>,
  ): Promise<WriteCounts> {
    const counts: WriteCounts = { total: selected.length, created: 0, updated: 0, unchanged: 0 };
    let done = 0;
    progress("units", 0, selected.length);
    for (const batch of chunks(selected, BATCH)) {
      const rows = batch.map((r) => ({
        id: unitId(vintage.year, r.code),
        vintage: vintage.year,
        code: r.code,
        level: r.level,
        name: r.name,
        officialName: r.officialName,
        parentCode: r.parentCode,
      }));
      const existing = new Map(
        (await this.graph.read<ExistingUnit>("divisions/existing-units", { ids: rows.map((r) => r.id) })).map((u) => [
          u.id,
          u,
        ]),
      );
      const changed = rows.filter((row) => {
        const unit = existing.get(row.id);
        if (!unit) {
          counts.created += 1;
          return true;
        }
        const same =
          unit.vintage === row.vintage &&
          unit.code === row.code &&
          unit.level === row.level &&
          unit.name === row.name &&
          unit.officialName === row.officialName &&
          (unit.parentCode ?? null) === row.parentCode;
        if (same) counts.unchanged += 1;
        else counts.updated += 1;
        return !same;
      });
      if (changed.length && !dryRun) {
        await this.graph.write(
          { operation: "divisions", subjectIds: () => changed.map((r) => r.id), regionCodes: () => [code] },
          (run) =>
            run("divisions/merge-units", { rows: changed.map((r) => ({ ...r, vintage: neo4j.int(r.vintage) })) }),
        );
      }
      done += batch.length;
      progress("units", done, selected.length);
    }
    return counts;
  }

  /** Compares the live regions with the list: what to write, and the counts. */
  private async planRegions(
    vintage: Vintage,
    code: string,
    selected: DivisionRecord[],
    progress: NonNullable<DivisionImportOptions["onProgress"]>,
  ): Promise<{ counts: RegionCounts; changed: RegionRow[] }> {
    const existing = new Map<string, ExistingRegion>();
    let done = 0;
    progress("checking", 0, selected.length);
    for (const chunk of chunks(selected, READ_CHUNK)) {
      for (const region of await this.graph.read<ExistingRegion>("divisions/existing-regions", {
        codes: chunk.map((r) => r.code),
      })) {
        existing.set(region.code, region);
      }
      done += chunk.length;
      progress("checking", done, selected.length);
    }
    const otherVintage = [...existing.values()].filter(
      (r) => r.divisionVintage !== null && r.divisionVintage !== vintage.year,
    );
    if (otherVintage.length) {
      const years = [...new Set(otherVintage.map((r) => r.divisionVintage))].join(", ");
      throw new Error(
        `${otherVintage.length} live regions of ${code} come from the ${years} list (e.g. ${otherVintage[0]!.code}); ` +
          `the ${vintage.year} list would mix with them (codes are reused between years). ` +
          `Keep ${vintage.year} as data of its own with --reference.`,
      );
    }

    const source = officialSource(vintage);
    const counts: RegionCounts = {
      total: selected.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      moved: 0,
      adjusted: 0,
      renamed: [],
      renamedUnlisted: 0,
    };
    const changed: RegionRow[] = [];
    for (const record of selected) {
      const row: RegionRow = {
        code: record.code,
        name: record.name,
        officialName: record.officialName,
        level: record.level,
        source,
        divisionVintage: vintage.year,
        parentCode: record.parentCode,
        move: true,
      };
      const region = existing.get(record.code);
      if (!region) {
        counts.created += 1;
        changed.push(row);
        continue;
      }
      if (region.adjusted) counts.adjusted += 1;
      if (region.name !== record.name) {
        counts.renamed.push({ code: record.code, from: region.name, to: record.name });
        if (region.divisionVintage === null) counts.renamedUnlisted += 1;
      }
      const placed =
        record.parentCode === null ||
        region.adjusted ||
        (region.parents.length === 1 &&
          (region.parents[0] === record.parentCode || region.parentsThroughCommunity.includes(record.parentCode)));
      row.move = !placed;
      // A sample region says, after the official source, what it generated: that stays.
      if (region.source?.startsWith(`${source}; `)) row.source = region.source;
      const same =
        placed &&
        region.name === row.name &&
        region.officialName === row.officialName &&
        region.source === row.source &&
        region.divisionVintage === row.divisionVintage &&
        (region.adjusted || region.level === row.level);
      if (same) {
        counts.unchanged += 1;
      } else {
        counts.updated += 1;
        if (row.move) counts.moved += 1;
        changed.push(row);
      }
    }

    return { counts, changed };
  }

  private async writeRegions(
    code: string,
    changed: RegionRow[],
    dryRun: boolean,
    progress: NonNullable<DivisionImportOptions["onProgress"]>,
  ): Promise<void> {
    let done = 0;
    progress("regions", 0, changed.length);
    for (const batch of chunks(changed, BATCH)) {
      if (!dryRun) {
        await this.graph.write(
          { operation: "divisions", subjectIds: () => batch.map((r) => r.code), regionCodes: () => [code] },
          (run) =>
            run("divisions/merge-regions", {
              rows: batch.map((r) => ({ ...r, divisionVintage: neo4j.int(r.divisionVintage) })),
            }),
        );
      }
      done += batch.length;
      progress("regions", done, changed.length);
    }
  }

  /** Records the vintage and adds the region to the ones imported from it; whether anything changed. */
  private async recordVintage(vintage: Vintage, code: string, dryRun: boolean): Promise<boolean> {
    const id = vintageId(vintage.year);
    const [row] = await this.graph.read<{ vintage: Record<string, unknown> | null }>("divisions/vintage", { id });
    const recorded = row?.vintage ?? null;
    // The regions imported from it, none under another: a region already covered adds nothing.
    const before = (recorded?.regions as string[] | undefined) ?? [];
    const covered = before.some((c) => code.startsWith(significantPrefix(c)));
    const regions = covered ? before : [...before.filter((c) => !c.startsWith(significantPrefix(code))), code].sort();
    const wanted = {
      id,
      ...publicationOf(vintage),
      integrity: vintage.integrity,
      regions,
    };
    const same =
      recorded !== null &&
      Object.entries(wanted).every(([key, value]) => JSON.stringify(recorded[key]) === JSON.stringify(value));
    if (same) return false;
    if (!dryRun) {
      await this.graph.write({ operation: "divisions", subjectIds: () => [id], regionCodes: () => [code] }, (run) =>
        run("divisions/merge-vintage", {
          vintage: {
            ...wanted,
            year: neo4j.int(vintage.year),
            cutoffOn: neo4jDate(vintage.cutoffOn),
            publishedOn: neo4jDate(vintage.publishedOn),
          },
        }),
      );
    }
    return true;
  }
}
