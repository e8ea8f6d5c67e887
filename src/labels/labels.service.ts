import { ENUM_LABELS, type Label } from "../domain/labels.js";
import { badInput } from "../errors/errors.js";
import type { EnumLabels } from "./labels.types.js";

const TABLES: Record<string, Readonly<Record<string, Label>>> = ENUM_LABELS;

/** The labels of one enum, or of every labelled enum (by name) when none is named. */
export function enumLabels(name?: string | null): EnumLabels[] {
  const names = name == null ? Object.keys(TABLES).sort() : [name];
  return names.map((enumName) => {
    const table = TABLES[enumName];
    if (!table)
      throw badInput(
        "enum",
        `no labels for enum ${enumName}; labelled enums are ${Object.keys(TABLES).sort().join(", ")}`,
      );
    return { enum: enumName, values: Object.entries(table).map(([value, { zh, en }]) => ({ value, zh, en })) };
  });
}
