import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How many nodes carry one label." })
export class LabelCount {
  @Field(() => String)
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "What this platform runs on and how much it holds." })
export class PlatformInfo {
  @Field(() => String, { description: "The platform's version (package.json)." })
  version!: string;

  @Field(() => String, { description: "Neo4j version and edition, as the server reports them." })
  neo4jVersion!: string;

  @Field(() => [LabelCount], { description: "Node counts per label, by label name." })
  labelCounts!: LabelCount[];
}
