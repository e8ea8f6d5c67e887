import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { EDITORS } from "../domain/principal.js";
import type { RequestContext } from "../graphql/context.js";
import { AddCouncilMemberInput, CreateJointCouncilInput, RecordCouncilMeetingInput } from "./council.args.js";
import { CouncilMeetingRecord, CouncilMembershipRecord, JointCouncilRecord } from "./council.types.js";

@Resolver()
export class CouncilResolver {
  @Authorized(...EDITORS)
  @Mutation(() => JointCouncilRecord, { description: "Creates a joint council serving ACTIVE regions of its kind's level." })
  createJointCouncil(@Arg("input", () => CreateJointCouncilInput) input: CreateJointCouncilInput, @Ctx() ctx: RequestContext): Promise<JointCouncilRecord> {
    return ctx.services.council.create({ ...input, establishedOn: input.establishedOn?.toString() ?? null });
  }

  @Authorized(...EDITORS)
  @Mutation(() => CouncilMeetingRecord, { description: "Records a meeting held on a date not in the future." })
  recordCouncilMeeting(@Arg("input", () => RecordCouncilMeetingInput) input: RecordCouncilMeetingInput, @Ctx() ctx: RequestContext): Promise<CouncilMeetingRecord> {
    return ctx.services.council.recordMeeting({ ...input, heldOn: input.heldOn.toString() });
  }

  @Authorized(...EDITORS)
  @Mutation(() => CouncilMembershipRecord, { description: "Adds a member unit or, with a capacity, a person to a council." })
  addCouncilMember(@Arg("input", () => AddCouncilMemberInput) input: AddCouncilMemberInput, @Ctx() ctx: RequestContext): Promise<CouncilMembershipRecord> {
    return ctx.services.council.addMember(input);
  }
}
