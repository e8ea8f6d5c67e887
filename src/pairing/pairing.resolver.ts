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
import { ConnectionPath, PairingActivityRecord, PairingNetwork, PairingRecord, PairingTimeline } from "./pairing.types.js";

@Resolver()
export class PairingResolver {
  @Authorized(...READERS)
  @Query(() => PairingNetwork, { description: "Who is paired with whom in a region (联建共建), as nodes and edges with statistics." })
  pairingNetwork(@Args(() => PairingNetworkArgs) args: PairingNetworkArgs, @Ctx() ctx: RequestContext): Promise<PairingNetwork> {
    return ctx.services.network.network(args);
  }

  @Authorized(...READERS)
  @Query(() => ConnectionPath, { description: "The shortest chain linking two organizations through pairings, councils, subordination and coverage." })
  connectionPath(@Args(() => ConnectionPathArgs) args: ConnectionPathArgs, @Ctx() ctx: RequestContext): Promise<ConnectionPath> {
    return ctx.services.network.connectionPath(args.fromId, args.toId, args.maxHops);
  }

  @Authorized(...READERS)
  @Query(() => PairingTimeline, { description: "A pairing's activities by date, with funds and beneficiaries per focus area." })
  pairingTimeline(@Args(() => PairingIdArgs) args: PairingIdArgs, @Ctx() ctx: RequestContext): Promise<PairingTimeline> {
    return ctx.services.pairing.timeline(args.pairingId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => PairingRecord, { description: "Creates an ACTIVE pairing after the domain checks; nothing is written when one fails." })
  createPairing(@Arg("input", () => CreatePairingInput) input: CreatePairingInput, @Ctx() ctx: RequestContext): Promise<PairingRecord> {
    return ctx.services.pairing.createPairing({ ...input, startedOn: input.startedOn.toString() });
  }

  @Authorized(...EDITORS)
  @Mutation(() => PairingRecord, { description: "Ends an ACTIVE pairing on a date not before its start." })
  endPairing(@Args(() => EndPairingArgs) args: EndPairingArgs, @Ctx() ctx: RequestContext): Promise<PairingRecord> {
    return ctx.services.pairing.endPairing(args.pairingId, args.endedOn.toString());
  }

  @Authorized(...EDITORS)
  @Mutation(() => PairingActivityRecord, { description: "Records what a pairing did." })
  recordPairingActivity(
    @Arg("input", () => RecordPairingActivityInput) input: RecordPairingActivityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PairingActivityRecord> {
    return ctx.services.pairing.recordActivity({ ...input, on: input.on.toString() });
  }
}
