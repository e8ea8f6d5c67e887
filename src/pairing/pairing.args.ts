import { scalars } from "../util/scalars.js";
import type { Date as Neo4jDate } from "neo4j-driver";
import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";
import { FocusArea, PairingKind, PairingRole } from "../domain/enums.js";

@ArgsType()
export class PairingNetworkArgs {
  @Field(() => String, { description: "区划代码 (region code) whose network to draw." })
  regionCode!: string;

  @Field(() => [PairingKind], {
    nullable: true,
    description: "结对类型 (kinds): only pairings of these kinds; all when omitted.",
  })
  kinds?: PairingKind[] | null;

  @Field(() => Boolean, { defaultValue: false, description: "含已结束的结对 (include ended): also ENDED pairings." })
  includeEnded!: boolean;

  @Field(() => Boolean, {
    defaultValue: true,
    description: "含联席会议与议事会 (include councils): also the joint councils serving the region.",
  })
  includeCouncils!: boolean;
}

@ArgsType()
export class ConnectionPathArgs {
  @Field(() => ID, { description: "起点 (from): an organization id." })
  fromId!: string;

  @Field(() => ID, { description: "终点 (to): an organization id." })
  toId!: string;

  @Field(() => Int, { defaultValue: 6, description: "最多跳数 (max hops): 1 to 12." })
  maxHops!: number;
}

@ArgsType()
export class PairingIdArgs {
  @Field(() => ID, { description: "结对 (pairing) id." })
  pairingId!: string;
}

@InputType({ description: "结对方 (party to a new pairing)." })
export class PairingPartyInput {
  @Field(() => ID, { description: "党组织 (Party organization) id." })
  organizationId!: string;

  @Field(() => PairingRole, { description: "结对角色 (role): 帮扶方, 受援方 or 成员方." })
  role!: PairingRole;
}

@InputType({ description: "新建结对 (new pairing)." })
export class CreatePairingInput {
  @Field(() => PairingKind, { description: "结对类型 (kind)." })
  kind!: PairingKind;

  @Field(() => [PairingPartyInput], {
    description: "结对方 (parties): at least two; at least one rural (VILLAGE, TOWN or GRID category).",
  })
  parties!: PairingPartyInput[];

  @Field(() => scalars.GraphQLDate, { description: "开始日期 (started on)." })
  startedOn!: Neo4jDate;

  @Field(() => [FocusArea], { nullable: true, description: "共建内容 (focus areas)." })
  focusAreas?: FocusArea[] | null;

  @Field(() => Float, { nullable: true, description: "承诺资金 (funds committed), 万元." })
  fundsCommitted?: number | null;
}

@ArgsType()
export class EndPairingArgs {
  @Field(() => ID, { description: "结对 (pairing) id." })
  pairingId!: string;

  @Field(() => scalars.GraphQLDate, { description: "结束日期 (ended on): not before its start." })
  endedOn!: Neo4jDate;
}

@InputType({ description: "共建活动 (pairing activity) to record." })
export class RecordPairingActivityInput {
  @Field(() => ID, { description: "结对 (pairing) id." })
  pairingId!: string;

  @Field(() => scalars.GraphQLDate, {
    description: "日期 (date): when it happened, not before the pairing started, not in the future.",
  })
  on!: Neo4jDate;

  @Field(() => FocusArea, { description: "共建内容 (focus area)." })
  focusArea!: FocusArea;

  @Field(() => String, { description: "标题 (title)." })
  title!: string;

  @Field(() => Float, { nullable: true, description: "投入资金 (funds), 万元." })
  funds?: number | null;

  @Field(() => Int, { nullable: true, description: "受益人数 (beneficiaries)." })
  beneficiaries?: number | null;
}
