import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { EDITORS } from "../domain/principal.js";
import type { RequestContext } from "../graphql/context.js";
import { RecordOrgLifeEventInput } from "./org-life.args.js";
import { OrgLifeEventsRecorded } from "./org-life.types.js";

@Resolver()
export class OrgLifeResolver {
  @Authorized(...EDITORS)
  @Mutation(() => OrgLifeEventsRecorded, {
    description:
      "记录组织生活 (record organizational-life events: 三会一课, 主题党日, 组织生活会, 民主评议) in one transaction: the same organization, kind and date is one event. Any bad item (unknown organization, a date after today or before the founding, negative attendees) and nothing is written.",
  })
  recordOrgLifeEvents(
    @Arg("input", () => [RecordOrgLifeEventInput], { description: "组织生活 (the events to record), a batch." })
    input: RecordOrgLifeEventInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<OrgLifeEventsRecorded> {
    return ctx.services.orgLife.record(input.map((item) => ({ ...item, heldOn: item.heldOn.toString() })));
  }
}
