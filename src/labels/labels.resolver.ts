import { Arg, Authorized, Query, Resolver } from "type-graphql";
import { enumLabels } from "./labels.service.js";
import { EnumLabels } from "./labels.types.js";

@Resolver()
export class LabelsResolver {
  // Every role: front ends label values with it, and production turns introspection off.
  @Authorized()
  @Query(() => [EnumLabels], {
    description:
      "枚举标签 (enum labels): the Chinese and English label of every enum value (src/domain/labels.ts, the labels the enum values' descriptions give too), for every role. One enum when named, else every labelled enum by name.",
  })
  enumLabels(
    @Arg("enum", () => String, {
      nullable: true,
      description:
        "枚举 (enum) name, e.g. GapKind; every labelled enum when omitted. An unknown name is a BAD_USER_INPUT.",
    })
    name: string | null,
  ): EnumLabels[] {
    return enumLabels(name);
  }
}
