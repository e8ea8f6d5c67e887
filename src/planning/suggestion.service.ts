/**
 * Merge suggestions for a whole town: the villages' facts grouped by the rules of
 * suggestion.rules.ts, then simulated or saved like a planner's own proposal.
 */
import type { RuleThresholds } from "../config.js";
import type { CoverageService } from "../coverage/coverage.service.js";
import type { Graph, TransactionRun } from "../database/graph.js";
import { today } from "../domain/dates.js";
import { badInput } from "../errors/errors.js";
import { requireRegion } from "../region/region.lookup.js";
import type { SuggestOptions } from "./planning.args.js";
import type { MergeRequest, PlanningService } from "./planning.service.js";
import type { MergeScenarioRecord, MergeSimulation } from "./planning.types.js";
import { groupVillages, suggestedName, type LeftAlone, type SuggestionLimits } from "./suggestion.rules.js";

/** Who is left alone as the API says it: a line in English each, and each village with its reason in both languages. */
const leftAloneFields = (leftAlone: LeftAlone[]) => ({
  leftAlone: leftAlone.map(({ code, name, reason }) => `${code} ${name}: ${reason.en}`),
  leftAloneVillages: leftAlone.map(({ code, name, reason }) => ({ code, name, reasonLabel: reason })),
});

export class SuggestionService {
  constructor(
    private readonly graph: Graph,
    private readonly planning: PlanningService,
    private readonly coverage: CoverageService,
    private readonly rules: RuleThresholds,
  ) {}

  private limits(options: SuggestOptions): SuggestionLimits {
    const limits = {
      minGroupSize: options.minGroupSize ?? 2,
      maxGroupSize: options.maxGroupSize ?? 5,
      maxSpreadKm: options.maxSpreadKm ?? this.rules.mergeMaxSpreadKm,
      minHouseholds: options.minHouseholds ?? this.rules.mergeMinHouseholds,
      requireStrongVillage: options.requireStrongVillage ?? true,
    };
    if (!Number.isInteger(limits.minGroupSize) || limits.minGroupSize < 2)
      throw badInput("options.minGroupSize", "minGroupSize must be a whole number of at least 2");
    if (
      !Number.isInteger(limits.maxGroupSize) ||
      limits.maxGroupSize < limits.minGroupSize ||
      limits.maxGroupSize > 30
    ) {
      throw badInput(
        "options.maxGroupSize",
        `maxGroupSize must be a whole number from minGroupSize (${limits.minGroupSize}) to 30`,
      );
    }
    if (!(limits.maxSpreadKm > 0 && limits.maxSpreadKm <= 100))
      throw badInput("options.maxSpreadKm", "maxSpreadKm must be more than 0 and at most 100");
    if (!Number.isInteger(limits.minHouseholds) || limits.minHouseholds < 0)
      throw badInput("options.minHouseholds", "minHouseholds must be a whole number of 0 or more");
    return limits;
  }

  /** The suggested groups as a merge request (no groups when nothing fits), and who is left alone. */
  private async propose(
    townCode: string,
    options: SuggestOptions,
  ): Promise<{ request: MergeRequest; leftAlone: LeftAlone[]; townName: string }> {
    const limits = this.limits(options);
    const town = await requireRegion(this.graph, "townCode", townCode, { active: true });
    if (town.level !== "TOWN") throw badInput("townCode", `${townCode} (${town.name}) is a ${town.level}, not a town`);
    const read: TransactionRun = (name, params) => this.graph.read(name, params);
    const codes = (await read<{ code: string }>("planning/town-villages", { townCode })).map((r) => r.code);
    const villages = codes.length ? await this.planning.villageFacts(read, townCode, codes) : [];
    const { groups, leftAlone } = groupVillages(villages, limits, this.rules);
    const request = {
      townCode,
      groups: groups.map((g) => ({ name: suggestedName(g, this.rules), villageCodes: g.map((v) => v.code) })),
    };
    return { request, leftAlone, townName: town.name };
  }

  async suggest(townCode: string, options: SuggestOptions): Promise<MergeSimulation> {
    const { request, leftAlone, townName } = await this.propose(townCode, options);
    if (request.groups.length === 0) {
      const summary = await this.coverage.regionSummary(townCode, today());
      return {
        groups: [],
        town: {
          code: townCode,
          name: townName,
          villagesBefore: summary.villages,
          villagesAfter: summary.villages,
          gapsBefore: summary.gapCounts,
          gapsAfter: summary.gapCounts,
        },
        ...leftAloneFields(leftAlone),
      };
    }
    return { ...(await this.planning.simulate(request)), ...leftAloneFields(leftAlone) };
  }

  /** Saves the suggestion as a DRAFT scenario (validated again in the saving transaction). */
  async save(townCode: string, options: SuggestOptions, name: string): Promise<MergeScenarioRecord> {
    const { request } = await this.propose(townCode, options);
    if (request.groups.length === 0)
      throw badInput("townCode", "no group satisfies the options, so there is nothing to save");
    return this.planning.save(request, name);
  }
}
