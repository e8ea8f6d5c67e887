import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { PLANNERS } from "../domain/principal.js";
import type { RequestContext } from "../graphql/context.js";
import { MergeInput, SuggestOptions } from "./planning.args.js";
import type { MergeRequest } from "./planning.service.js";
import { MergeScenarioRecord, MergeSimulation, ScenarioComparison } from "./planning.types.js";

const request = (input: MergeInput): MergeRequest => ({ ...input, asOf: input.asOf?.toString() ?? null });

@Resolver()
export class PlanningResolver {
  @Authorized(...PLANNERS)
  @Query(() => MergeSimulation, {
    description: "模拟村庄布局调整 (simulate merge): what a village layout adjustment would do; writes nothing.",
  })
  simulateMerge(
    @Arg("input", () => MergeInput, { description: "村庄布局调整 (the merge to simulate)." }) input: MergeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeSimulation> {
    return ctx.services.planning.simulate(request(input));
  }

  @Authorized(...PLANNERS)
  @Query(() => [MergeScenarioRecord], {
    description: "方案 (merge scenarios): a town's saved scenarios, newest first.",
  })
  mergeScenarios(
    @Arg("townCode", () => String, { description: "所属镇 (town code)." }) townCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord[]> {
    return ctx.services.planning.scenarios(townCode);
  }

  @Authorized(...PLANNERS)
  @Query(() => [ScenarioComparison], {
    description:
      "比较方案 (compare scenarios): DRAFT scenarios side by side, each simulated on the graph as it is now.",
  })
  compareMergeScenarios(
    @Arg("ids", () => [ID], { description: "方案 (scenario ids)." }) ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<ScenarioComparison[]> {
    return ctx.services.planning.compare(ids);
  }

  @Authorized(...PLANNERS)
  @Query(() => MergeSimulation, {
    description:
      "按原则建议 (suggest merges): a proposal for the whole town from the guidance's principles (地域相近, 产业相融, 强村带弱村), shaped as a simulation.",
  })
  suggestMerges(
    @Arg("townCode", () => String, { description: "所属镇 (town code)." }) townCode: string,
    @Arg("options", () => SuggestOptions, {
      nullable: true,
      description: "建议条件 (constraints); defaults when omitted.",
    })
    options: SuggestOptions | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeSimulation> {
    return ctx.services.suggestions.suggest(townCode, options ?? {});
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, {
    description: "保存方案 (save scenario): a validated proposal as a DRAFT scenario.",
  })
  saveMergeScenario(
    @Arg("input", () => MergeInput, { description: "村庄布局调整 (the merge to save)." }) input: MergeInput,
    @Arg("name", () => String, { description: "方案名称 (scenario name)." }) name: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord> {
    return ctx.services.planning.save(request(input), name);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, {
    description: "保存建议方案 (save suggestion): suggestMerges' proposal for a town as a DRAFT scenario.",
  })
  saveSuggestedMerges(
    @Arg("townCode", () => String, { description: "所属镇 (town code)." }) townCode: string,
    @Arg("name", () => String, { description: "方案名称 (scenario name)." }) name: string,
    @Arg("options", () => SuggestOptions, {
      nullable: true,
      description: "建议条件 (constraints); defaults when omitted.",
    })
    options: SuggestOptions | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord> {
    return ctx.services.suggestions.save(townCode, options ?? {}, name);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, {
    description: "作废方案 (discard scenario): a DRAFT scenario is marked DISCARDED.",
  })
  discardMergeScenario(
    @Arg("id", () => ID, { description: "方案 (scenario) id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord> {
    return ctx.services.planning.discard(id);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, {
    description: "实施方案 (apply scenario): a DRAFT scenario in one transaction (DOMAIN.md's apply).",
  })
  applyMergeScenario(
    @Arg("id", () => ID, { description: "方案 (scenario) id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord> {
    return ctx.services.planning.apply(id);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, {
    description:
      "撤销实施 (revert scenario): restores the graph exactly as before the apply, unless what it touched was edited since.",
  })
  revertMergeScenario(
    @Arg("id", () => ID, { description: "方案 (scenario) id." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord> {
    return ctx.services.planning.revert(id);
  }
}
