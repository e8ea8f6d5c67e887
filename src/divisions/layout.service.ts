/**
 * The real village layout adjustment (村庄布局调整) of a region, from the official division
 * codes: for every town under it, its village-level units in two vintages side by side, 村
 * (VILLAGE) and 居 (RESIDENTIAL) apart. It reads the vintages kept as data of their own
 * (DivisionUnit, written by `npm run divisions`), not the live regions, so it shows the official
 * lists whatever the live graph holds.
 *
 * The region must be a live PROVINCE, CITY, DISTRICT or TOWN in the caller's scope (an
 * out-of-scope one is unknown, as everywhere); every division under its code is under it.
 */
import type { Graph } from "../database/graph.js";
import { significantPrefix } from "../domain/region-code.js";
import { badInput } from "../errors/errors.js";
import { requireRegion } from "../region/region.lookup.js";
import type { DivisionVintageInfo, LayoutComparison, TownLayout, VillageLevelCount } from "./divisions.types.js";
import { publicationOf, VINTAGE_YEARS, vintageOf, type Vintage } from "./vintages.js";

const COMPARABLE_LEVELS = new Set(["PROVINCE", "CITY", "DISTRICT", "TOWN"]);

interface TownRow {
  code: string;
  vintage: number;
  name: string;
  officialName: string;
  villages: number;
  residential: number;
}

interface ComparisonRow {
  towns: TownRow[];
  regionUnits: Array<{ vintage: number; name: string; officialName: string }>;
  vintages: Array<{ year: number; regions?: string[] }>;
}

function count(row: Omit<VillageLevelCount, "total">): VillageLevelCount {
  return {
    vintage: row.vintage,
    name: row.name,
    officialName: row.officialName,
    villages: row.villages,
    residential: row.residential,
    total: row.villages + row.residential,
  };
}

function side(code: string, name: string, from: VillageLevelCount | null, to: VillageLevelCount | null): TownLayout {
  return {
    code,
    name,
    from,
    to,
    villageChange: from && to ? to.villages - from.villages : null,
    totalChange: from && to ? to.total - from.total : null,
  };
}

export class LayoutService {
  constructor(private readonly graph: Graph) {}

  private vintage(field: string, year: number): Vintage {
    const vintage = vintageOf(year);
    if (!vintage) throw badInput(field, `no vintage ${year}: the division lists are ${VINTAGE_YEARS.join(" and ")}`);
    return vintage;
  }

  async comparison(regionCode: string, fromYear = 2019, toYear = 2023): Promise<LayoutComparison> {
    const from = this.vintage("fromVintage", fromYear);
    const to = this.vintage("toVintage", toYear);
    if (from.year >= to.year)
      throw badInput("toVintage", `toVintage (${to.year}) must be later than fromVintage (${from.year})`);
    const region = await requireRegion(this.graph, "regionCode", regionCode);
    if (!COMPARABLE_LEVELS.has(region.level)) {
      throw badInput(
        "regionCode",
        `${region.code} (${region.name}) is a ${region.level}; the layout comparison is for a province, city, district or town`,
      );
    }
    const [row] = await this.graph.read<ComparisonRow>("divisions/layout-comparison", {
      prefix: significantPrefix(region.code),
      regionCode: region.code,
      years: [from.year, to.year],
    });
    const { towns, regionUnits, vintages } = row!;

    const info = (vintage: Vintage): DivisionVintageInfo => {
      const recorded = vintages.find((v) => v.year === vintage.year);
      return {
        ...publicationOf(vintage),
        complete: (recorded?.regions ?? []).some((code) => region.code.startsWith(significantPrefix(code))),
      };
    };

    const codes = [...new Set(towns.map((t) => t.code))].sort();
    const layouts = codes.map((code) => {
      const before = towns.find((t) => t.code === code && t.vintage === from.year);
      const after = towns.find((t) => t.code === code && t.vintage === to.year);
      return side(code, (after ?? before)!.name, before ? count(before) : null, after ? count(after) : null);
    });
    const sum = (vintage: Vintage, pick: (t: TownLayout) => VillageLevelCount | null): VillageLevelCount => {
      const own = regionUnits.find((u) => u.vintage === vintage.year);
      const counted = layouts.map(pick).filter((c): c is VillageLevelCount => c !== null);
      return count({
        vintage: vintage.year,
        name: own?.name ?? null,
        officialName: own?.officialName ?? null,
        villages: counted.reduce((n, c) => n + c.villages, 0),
        residential: counted.reduce((n, c) => n + c.residential, 0),
      });
    };
    return {
      region: { code: region.code, name: region.name, level: region.level },
      from: info(from),
      to: info(to),
      towns: layouts,
      total: side(
        region.code,
        region.name,
        sum(from, (t) => t.from),
        sum(to, (t) => t.to),
      ),
    };
  }
}
