import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";
import { FocusArea, PairingKind, PairingRole } from "../domain/enums.js";

@ArgsType()
export class PairingNetworkArgs {
  @Field(() => String)
  regionCode!: string;

  @Field(() => [PairingKind], { nullable: true, description: "Only pairings of these kinds; all when omitted." })
  kinds?: PairingKind[] | null;

  @Field(() => Boolean, { defaultValue: false, description: "Also ENDED pairings." })
  includeEnded!: boolean;

  @Field(() => Boolean, { defaultValue: true, description: "Also the joint councils serving the region." })
  includeCouncils!: boolean;
}

@ArgsType()
export class ConnectionPathArgs {
  @Field(() => ID)
  fromId!: string;

  @Field(() => ID)
  toId!: string;

  @Field(() => Int, { defaultValue: 6, description: "1 to 12." })
  maxHops!: number;
}

@ArgsType()
export class PairingIdArgs {
  @Field(() => ID)
  pairingId!: string;
}

@InputType()
export class PairingPartyInput {
  @Field(() => ID, { description: "A PartyOrganization id." })
  organizationId!: string;

  @Field(() => PairingRole)
  role!: PairingRole;
}

@InputType()
export class CreatePairingInput {
  @Field(() => PairingKind)
  kind!: PairingKind;

  @Field(() => [PairingPartyInput], { description: "At least two; at least one rural (VILLAGE, TOWN or GRID category)." })
  parties!: PairingPartyInput[];

  @Field(() => scalars.GraphQLDate)
  startedOn!: Neo4jDate;

  @Field(() => [FocusArea], { nullable: true })
  focusAreas?: FocusArea[] | null;

  @Field(() => Float, { nullable: true, description: "万元" })
  fundsCommitted?: number | null;
}

@ArgsType()
export class EndPairingArgs {
  @Field(() => ID)
  pairingId!: string;

  @Field(() => scalars.GraphQLDate)
  endedOn!: Neo4jDate;
}

@InputType()
export class RecordPairingActivityInput {
  @Field(() => ID)
  pairingId!: string;

  @Field(() => scalars.GraphQLDate, { description: "When it happened: not before the pairing started, not in the future." })
  on!: Neo4jDate;

  @Field(() => FocusArea)
  focusArea!: FocusArea;

  @Field(() => String)
  title!: string;

  @Field(() => Float, { nullable: true, description: "万元" })
  funds?: number | null;

  @Field(() => Int, { nullable: true })
  beneficiaries?: number | null;
}
