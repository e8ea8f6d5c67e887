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
  @Query(() => MergeSimulation, { description: "What a village layout adjustment would do; writes nothing." })
  simulateMerge(@Arg("input", () => MergeInput) input: MergeInput, @Ctx() ctx: RequestContext): Promise<MergeSimulation> {
    return ctx.services.planning.simulate(request(input));
  }

  @Authorized(...PLANNERS)
  @Query(() => [MergeScenarioRecord], { description: "A town's saved scenarios, newest first." })
  mergeScenarios(@Arg("townCode", () => String) townCode: string, @Ctx() ctx: RequestContext): Promise<MergeScenarioRecord[]> {
    return ctx.services.planning.scenarios(townCode);
  }

  @Authorized(...PLANNERS)
  @Query(() => [ScenarioComparison], { description: "DRAFT scenarios side by side, each simulated on the graph as it is now." })
  compareMergeScenarios(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<ScenarioComparison[]> {
    return ctx.services.planning.compare(ids);
  }

  @Authorized(...PLANNERS)
  @Query(() => MergeSimulation, { description: "A proposal for the whole town from the guidance's principles, shaped as a simulation." })
  suggestMerges(
    @Arg("townCode", () => String) townCode: string,
    @Arg("options", () => SuggestOptions, { nullable: true }) options: SuggestOptions | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeSimulation> {
    return ctx.services.suggestions.suggest(townCode, options ?? {});
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, { description: "Saves a validated proposal as a DRAFT scenario." })
  saveMergeScenario(
    @Arg("input", () => MergeInput) input: MergeInput,
    @Arg("name", () => String) name: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord> {
    return ctx.services.planning.save(request(input), name);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, { description: "Saves suggestMerges' proposal for a town as a DRAFT scenario." })
  saveSuggestedMerges(
    @Arg("townCode", () => String) townCode: string,
    @Arg("name", () => String) name: string,
    @Arg("options", () => SuggestOptions, { nullable: true }) options: SuggestOptions | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MergeScenarioRecord> {
    return ctx.services.suggestions.save(townCode, options ?? {}, name);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord)
  discardMergeScenario(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<MergeScenarioRecord> {
    return ctx.services.planning.discard(id);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, { description: "Applies a DRAFT scenario in one transaction (DOMAIN.md's apply)." })
  applyMergeScenario(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<MergeScenarioRecord> {
    return ctx.services.planning.apply(id);
  }

  @Authorized(...PLANNERS)
  @Mutation(() => MergeScenarioRecord, { description: "Restores the graph exactly as before the apply, unless what it touched was edited since." })
  revertMergeScenario(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<MergeScenarioRecord> {
    return ctx.services.planning.revert(id);
  }
}
