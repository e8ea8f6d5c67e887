import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "标签 (label) of one enum value, in Chinese and English." })
export class EnumValueLabel {
  @Field(() => String, { description: "枚举值 (value) as the API writes it, e.g. STRONG_WEAK." })
  value!: string;

  @Field(() => String, { description: "中文标签 (Chinese label), e.g. 强村带弱村." })
  zh!: string;

  @Field(() => String, { description: "英文标签 (English label), e.g. Strong village with weak village." })
  en!: string;
}

@ObjectType({
  description: "枚举标签 (enum labels): the labels of every value of one enum, in the order the enum declares them.",
})
export class EnumLabels {
  @Field(() => String, {
    description:
      "枚举 (enum): its GraphQL name (GapKind, PairingKind …), or Role and PlanningWarningCode for the closed sets carried as text (Me.role, AuditEntry.role, PlanningWarning.code).",
  })
  enum!: string;

  @Field(() => [EnumValueLabel], { description: "各值标签 (labels of its values)." })
  values!: EnumValueLabel[];
}

@ObjectType({
  description:
    "中英文本 (text in Chinese and English): a sentence the platform words in both languages from one table (src/domain/reasons.ts).",
})
export class BilingualText {
  @Field(() => String, { description: "中文 (Chinese)." })
  zh!: string;

  @Field(() => String, { description: "英文 (English)." })
  en!: string;
}
