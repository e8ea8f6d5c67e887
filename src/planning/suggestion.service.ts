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
import { requireTargetVillages, type MergeRequest, type PlanningService } from "./planning.service.js";
import type { MergeScenarioRecord, MergeSimulation } from "./planning.types.js";
import {
  groupTowardTarget,
  groupVillages,
  MAX_GROUP_SIZE,
  stretchedLimits,
  suggestedName,
  type LeftAlone,
  type SuggestionLimits,
  type TargetOutcome,
} from "./suggestion.rules.js";

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
      limits.maxGroupSize > MAX_GROUP_SIZE
    ) {
      throw badInput(
        "options.maxGroupSize",
        `maxGroupSize must be a whole number from minGroupSize (${limits.minGroupSize}) to ${MAX_GROUP_SIZE}`,
      );
    }
    if (!(limits.maxSpreadKm > 0 && limits.maxSpreadKm <= 100))
      throw badInput("options.maxSpreadKm", "maxSpreadKm must be more than 0 and at most 100");
    if (!Number.isInteger(limits.minHouseholds) || limits.minHouseholds < 0)
      throw badInput("options.minHouseholds", "minHouseholds must be a whole number of 0 or more");
    return limits;
  }

  /**
   * The suggested groups as a merge request (no groups when nothing fits), who is left alone,
   * and, with options.targetVillages, how close it came.
   */
  private async propose(
    townCode: string,
    options: SuggestOptions,
  ): Promise<{ request: MergeRequest; leftAlone: LeftAlone[]; townName: string; target: TargetOutcome | null }> {
    const limits = this.limits(options);
    const target = options.targetVillages ?? null;
    // Checked before reading, so that a bad target is refused for any town.
    if (target !== null) requireTargetVillages("options.targetVillages", target);
    const town = await requireRegion(this.graph, "townCode", townCode, { active: true });
    if (town.level !== "TOWN") throw badInput("townCode", `${townCode} (${town.name}) is a ${town.level}, not a town`);
    const read: TransactionRun = (name, params) => this.graph.read(name, params);
    const codes = (await read<{ code: string }>("planning/town-villages", { townCode })).map((r) => r.code);
    const villages = codes.length ? await this.planning.villageFacts(read, townCode, codes) : [];
    let grouping: ReturnType<typeof groupTowardTarget> | (ReturnType<typeof groupVillages> & { target: null });
    if (target === null) {
      grouping = { ...groupVillages(villages, limits, this.rules), target: null };
    } else {
      requireTargetVillages("options.targetVillages", target, { villages: codes.length, town: town.name });
      const set = { maxGroupSize: options.maxGroupSize != null, maxSpreadKm: options.maxSpreadKm != null };
      const stretched = stretchedLimits(limits, set, this.rules);
      grouping = groupTowardTarget(villages, limits, stretched, this.rules, target);
    }
    const request = {
      townCode,
      targetVillages: target,
      groups: grouping.groups.map((g) => ({
        name: suggestedName(g, this.rules),
        villageCodes: g.map((v) => v.code),
      })),
    };
    return { request, leftAlone: grouping.leftAlone, townName: town.name, target: grouping.target };
  }

  async suggest(townCode: string, options: SuggestOptions): Promise<MergeSimulation> {
    const { request, leftAlone, townName, target } = await this.propose(townCode, options);
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
        target,
      };
    }
    return { ...(await this.planning.simulate(request)), ...leftAloneFields(leftAlone), target };
  }

  /** Saves the suggestion, with its target, as a DRAFT scenario (validated again in the saving transaction). */
  async save(townCode: string, options: SuggestOptions, name: string): Promise<MergeScenarioRecord> {
    const { request } = await this.propose(townCode, options);
    if (request.groups.length === 0)
      throw badInput("townCode", "no group satisfies the options, so there is nothing to save");
    return this.planning.save(request, name);
  }
}
