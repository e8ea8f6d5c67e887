import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "节点数 (node count) of one label." })
export class LabelCount {
  @Field(() => String, { description: "标签 (label) of the graph, e.g. Region." })
  label!: string;

  @Field(() => Int, { description: "数量 (count) of nodes carrying it." })
  count!: number;
}

@ObjectType({ description: "平台信息 (platform info): what this platform runs on and how much it holds." })
export class PlatformInfo {
  @Field(() => String, { description: "平台版本 (platform version), from package.json." })
  version!: string;

  @Field(() => String, { description: "数据库版本 (Neo4j version and edition), as the server reports them." })
  neo4jVersion!: string;

  @Field(() => [LabelCount], { description: "各标签节点数 (node counts per label), by label name." })
  labelCounts!: LabelCount[];
}
