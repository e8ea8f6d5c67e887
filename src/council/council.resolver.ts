import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { EDITORS } from "../domain/principal.js";
import type { RequestContext } from "../graphql/context.js";
import { AddCouncilMemberInput, CreateJointCouncilInput, RecordCouncilMeetingInput } from "./council.args.js";
import { CouncilMeetingRecord, CouncilMembershipRecord, JointCouncilRecord } from "./council.types.js";

@Resolver()
export class CouncilResolver {
  @Authorized(...EDITORS)
  @Mutation(() => JointCouncilRecord, {
    description: "新建联席会议 / 议事会 (create joint council) serving ACTIVE regions of its kind's level.",
  })
  createJointCouncil(
    @Arg("input", () => CreateJointCouncilInput, { description: "新建联席会议 (the council to create)." })
    input: CreateJointCouncilInput,
    @Ctx() ctx: RequestContext,
  ): Promise<JointCouncilRecord> {
    return ctx.services.council.create({ ...input, establishedOn: input.establishedOn?.toString() ?? null });
  }

  @Authorized(...EDITORS)
  @Mutation(() => CouncilMeetingRecord, {
    description: "记录议事会会议 (record council meeting) held on a date not in the future.",
  })
  recordCouncilMeeting(
    @Arg("input", () => RecordCouncilMeetingInput, { description: "议事会会议 (the meeting to record)." })
    input: RecordCouncilMeetingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilMeetingRecord> {
    return ctx.services.council.recordMeeting({ ...input, heldOn: input.heldOn.toString() });
  }

  @Authorized(...EDITORS)
  @Mutation(() => CouncilMembershipRecord, {
    description: "新增议事会成员 (add council member): a member unit or, with a capacity, a person.",
  })
  addCouncilMember(
    @Arg("input", () => AddCouncilMemberInput, { description: "新增成员 (the member to add)." })
    input: AddCouncilMemberInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CouncilMembershipRecord> {
    return ctx.services.council.addMember(input);
  }
}
