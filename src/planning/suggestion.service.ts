/**
 * Merge suggestions for a whole town from the guidance's principles (section 三.7 and Qingdao
 * practice): close together (地域相近), related industries (产业相融), a strong village with weak
 * ones (强村带弱村), and a viable size.
 *
 * Deterministic greedy grouping. Seeds are taken in order — strong villages by collective
 * income (highest first), or, when a strong village is not required, the largest villages
 * by households — each code-ordered on ties. A seed takes the ungrouped villages with the
 * lowest score
 *     score = distance to the seed (km) − 2 if it shares an industry with the seed
 *             − 1 if it is weak and the seed is strong
 * while the group stays within maxGroupSize and maxSpreadKm; it keeps taking until it has
 * minGroupSize villages and minHouseholds households, and after that only weak villages.
 * A group that cannot reach its minimums is released; every village in no group is listed
 * with the reason.
 */
import type { RuleThresholds } from "../config.js";
import type { CoverageService } from "../coverage/coverage.service.js";
import type { Graph, TransactionRun } from "../database/graph.js";
import { today } from "../domain/dates.js";
import { badInput } from "../errors/errors.js";
import { requireRegion } from "../region/region.lookup.js";
import type { SuggestOptions } from "./planning.args.js";
import { distanceKm, spreadKm, type MergeRequest, type PlanningService, type VillageFacts } from "./planning.service.js";
import type { MergeScenarioRecord, MergeSimulation } from "./planning.types.js";

interface Limits {
  minGroupSize: number;
  maxGroupSize: number;
  maxSpreadKm: number;
  minHouseholds: number;
  requireStrongVillage: boolean;
}

export class SuggestionService {
  constructor(
    private readonly graph: Graph,
    private readonly planning: PlanningService,
    private readonly coverage: CoverageService,
    private readonly rules: RuleThresholds,
  ) {}

  private limits(options: SuggestOptions): Limits {
    const limits = {
      minGroupSize: options.minGroupSize ?? 2,
      maxGroupSize: options.maxGroupSize ?? 5,
      maxSpreadKm: options.maxSpreadKm ?? this.rules.mergeMaxSpreadKm,
      minHouseholds: options.minHouseholds ?? this.rules.mergeMinHouseholds,
      requireStrongVillage: options.requireStrongVillage ?? true,
    };
    if (!Number.isInteger(limits.minGroupSize) || limits.minGroupSize < 2) throw badInput("options.minGroupSize", "minGroupSize must be a whole number of at least 2");
    if (!Number.isInteger(limits.maxGroupSize) || limits.maxGroupSize < limits.minGroupSize || limits.maxGroupSize > 30) {
      throw badInput("options.maxGroupSize", `maxGroupSize must be a whole number from minGroupSize (${limits.minGroupSize}) to 30`);
    }
    if (!(limits.maxSpreadKm > 0 && limits.maxSpreadKm <= 100)) throw badInput("options.maxSpreadKm", "maxSpreadKm must be more than 0 and at most 100");
    if (!Number.isInteger(limits.minHouseholds) || limits.minHouseholds < 0) throw badInput("options.minHouseholds", "minHouseholds must be a whole number of 0 or more");
    return limits;
  }

  /** The groups and the villages left alone, with reasons; pure, so it can be tested on its own. */
  group(villages: VillageFacts[], limits: Limits): { groups: VillageFacts[][]; leftAlone: string[] } {
    const byCode = (a: VillageFacts, b: VillageFacts) => a.code.localeCompare(b.code);
    const strong = (v: VillageFacts) => this.planning.isStrong(v);
    const shares = (a: VillageFacts, b: VillageFacts) => a.industries.some((i) => b.industries.includes(i));
    const located = villages.filter((v) => v.location);
    const seeds = limits.requireStrongVillage
      ? located.filter(strong).sort((a, b) => (b.collectiveIncome ?? 0) - (a.collectiveIncome ?? 0) || byCode(a, b))
      : [...located].sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || byCode(a, b));
    const grouped = new Set<string>();
    const groups: VillageFacts[][] = [];
    const households = (group: VillageFacts[]) => group.reduce((s, v) => s + (v.households ?? 0), 0);
    for (const seed of seeds) {
      if (grouped.has(seed.code)) continue;
      const score = (v: VillageFacts) =>
        distanceKm(seed.location!, v.location!) - (shares(seed, v) ? 2 : 0) - (strong(seed) && this.planning.isWeak(v) ? 1 : 0);
      const candidates = located
        .filter((v) => v.code !== seed.code && !grouped.has(v.code) && !(limits.requireStrongVillage && strong(v)))
        .sort((a, b) => score(a) - score(b) || byCode(a, b));
      const group = [seed];
      for (const candidate of candidates) {
        if (group.length >= limits.maxGroupSize) break;
        const satisfied = group.length >= limits.minGroupSize && households(group) >= limits.minHouseholds;
        if (satisfied && !this.planning.isWeak(candidate)) continue;
        if (spreadKm([...group, candidate]) > limits.maxSpreadKm) continue;
        group.push(candidate);
      }
      if (group.length >= limits.minGroupSize && households(group) >= limits.minHouseholds) {
        group.forEach((v) => grouped.add(v.code));
        groups.push(group.sort(byCode));
      }
    }
    const leftAlone = villages
      .filter((v) => !grouped.has(v.code))
      .sort(byCode)
      .map((v) => {
        if (!v.location) return `${v.code} ${v.name}: no location, so distances cannot be judged`;
        if (limits.requireStrongVillage && strong(v)) return `${v.code} ${v.name}: a strong village without enough partners within ${limits.maxSpreadKm} km`;
        const nearStrong = villages.some((s) => strong(s) && s.location && distanceKm(s.location, v.location!) <= limits.maxSpreadKm);
        if (limits.requireStrongVillage && !nearStrong) return `${v.code} ${v.name}: no strong village within ${limits.maxSpreadKm} km`;
        return `${v.code} ${v.name}: the groups within ${limits.maxSpreadKm} km were full (${limits.maxGroupSize} villages) or already viable, and take only weak villages then`;
      });
    return { groups, leftAlone };
  }

  /** The suggested groups as a merge request (no groups when nothing fits), and who is left alone. */
  private async propose(townCode: string, options: SuggestOptions): Promise<{ request: MergeRequest; leftAlone: string[]; townName: string }> {
    const limits = this.limits(options);
    const town = await requireRegion(this.graph, "townCode", townCode, { active: true });
    if (town.level !== "TOWN") throw badInput("townCode", `${townCode} (${town.name}) is a ${town.level}, not a town`);
    const read: TransactionRun = (name, params) => this.graph.read(name, params);
    const codes = (await read<{ code: string }>("planning/town-villages", { townCode })).map((r) => r.code);
    const villages = codes.length ? await this.planning.villageFacts(read, townCode, codes) : [];
    const { groups, leftAlone } = this.group(villages, limits);
    const request = {
      townCode,
      groups: groups.map((g) => {
        const lead = g.find((v) => this.planning.isStrong(v)) ?? g[0]!;
        return { name: `${lead.name!.replace(/新?村$/, "")}新村`, villageCodes: g.map((v) => v.code) };
      }),
    };
    return { request, leftAlone, townName: town.name };
  }

  async suggest(townCode: string, options: SuggestOptions): Promise<MergeSimulation> {
    const { request, leftAlone, townName } = await this.propose(townCode, options);
    if (request.groups.length === 0) {
      const summary = await this.coverage.regionSummary(townCode, today());
      return {
        groups: [],
        town: { code: townCode, name: townName, villagesBefore: summary.villages, villagesAfter: summary.villages, gapsBefore: summary.gapCounts, gapsAfter: summary.gapCounts },
        leftAlone,
      };
    }
    return { ...(await this.planning.simulate(request)), leftAlone };
  }

  /** Saves the suggestion as a DRAFT scenario (validated again in the saving transaction). */
  async save(townCode: string, options: SuggestOptions, name: string): Promise<MergeScenarioRecord> {
    const { request } = await this.propose(townCode, options);
    if (request.groups.length === 0) throw badInput("townCode", "no group satisfies the options, so there is nothing to save");
    return this.planning.save(request, name);
  }
}
