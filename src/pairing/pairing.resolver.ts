import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { READERS, EDITORS } from "../domain/principal.js";
import type { RequestContext } from "../graphql/context.js";
import {
  ConnectionPathArgs,
  CreatePairingInput,
  EndPairingArgs,
  PairingIdArgs,
  PairingNetworkArgs,
  RecordPairingActivityInput,
} from "./pairing.args.js";
import {
  ConnectionPath,
  PairingActivityRecord,
  PairingNetwork,
  PairingRecord,
  PairingTimeline,
} from "./pairing.types.js";

@Resolver()
export class PairingResolver {
  @Authorized(...READERS)
  @Query(() => PairingNetwork, {
    description:
      "结对网络 (pairing network): who is paired with whom in a region (联建共建), as nodes and edges with statistics.",
  })
  pairingNetwork(
    @Args(() => PairingNetworkArgs) args: PairingNetworkArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<PairingNetwork> {
    return ctx.services.network.network(args);
  }

  @Authorized(...READERS)
  @Query(() => ConnectionPath, {
    description:
      "关联路径 (connection path): the shortest chain linking two organizations through pairings, councils, subordination and coverage.",
  })
  connectionPath(
    @Args(() => ConnectionPathArgs) args: ConnectionPathArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionPath> {
    return ctx.services.network.connectionPath(args.fromId, args.toId, args.maxHops);
  }

  @Authorized(...READERS)
  @Query(() => PairingTimeline, {
    description:
      "结对时间线 (pairing timeline): a pairing's activities by date, with funds and beneficiaries per focus area.",
  })
  pairingTimeline(
    @Args(() => PairingIdArgs) args: PairingIdArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<PairingTimeline> {
    return ctx.services.pairing.timeline(args.pairingId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => PairingRecord, {
    description:
      "新建结对 (create pairing): an ACTIVE pairing after the domain checks; nothing is written when one fails.",
  })
  createPairing(
    @Arg("input", () => CreatePairingInput, { description: "新建结对 (the pairing to create)." })
    input: CreatePairingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PairingRecord> {
    return ctx.services.pairing.createPairing({ ...input, startedOn: input.startedOn.toString() });
  }

  @Authorized(...EDITORS)
  @Mutation(() => PairingRecord, {
    description: "结束结对 (end pairing): an ACTIVE pairing, on a date not before its start.",
  })
  endPairing(@Args(() => EndPairingArgs) args: EndPairingArgs, @Ctx() ctx: RequestContext): Promise<PairingRecord> {
    return ctx.services.pairing.endPairing(args.pairingId, args.endedOn.toString());
  }

  @Authorized(...EDITORS)
  @Mutation(() => PairingActivityRecord, { description: "记录共建活动 (record pairing activity): what a pairing did." })
  recordPairingActivity(
    @Arg("input", () => RecordPairingActivityInput, { description: "共建活动 (the activity to record)." })
    input: RecordPairingActivityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PairingActivityRecord> {
    return ctx.services.pairing.recordActivity({ ...input, on: input.on.toString() });
  }
}
