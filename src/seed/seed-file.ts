/**
 * The shape of a seed file (seeds/*.json) and a builder for generators.
 *
 * Nodes are grouped by label and keyed by `code` (Region) or `id` (every other label);
 * relationships are grouped by (type, from label, to label) and name their ends by key.
 * Dates are ISO strings ("2020-04-01"), instants ISO date-times, locations
 * { latitude, longitude }; the loader turns them into Neo4j Date, DateTime and Point.
 */
import { addDays, daysBetween } from "../domain/dates.js";
import { DATE_PROPERTIES, DATETIME_PROPERTIES } from "../domain/model.js";

export type Props = Record<string, unknown>;

export interface RelationshipGroup {
  type: string;
  from: string;
  to: string;
  rows: Array<{ from: string; to: string; props?: Props }>;
}

export interface SeedFile {
  name: string;
  description: string;
  /** The date the sample's "recent" facts are relative to; reports on it match the tests. */
  referenceDate: string;
  /**
   * When true, the loader moves every date of the file by the same whole number of days, so that
   * referenceDate falls on the day of loading (see asLoadedOn): a sample's "recent" facts stay
   * recent whenever it is loaded. Fixtures with fixed dates leave it out.
   */
  shiftToLoadDay?: boolean;
  nodes: Record<string, Props[]>;
  relationships: RelationshipGroup[];
}

/** The key property of a label: Region is keyed by its statistical code, the rest by id. */
export function keyOf(label: string): "code" | "id" {
  return label === "Region" ? "code" : "id";
}

export class SeedBuilder {
  private readonly nodes = new Map<string, Map<string, Props>>();
  private readonly relationships = new Map<string, RelationshipGroup>();

  node(label: string, props: Props): string {
    const key = String(props[keyOf(label)]);
    let byKey = this.nodes.get(label);
    if (!byKey) this.nodes.set(label, (byKey = new Map()));
    if (byKey.has(key)) throw new Error(`duplicate ${label} ${key}`);
    byKey.set(key, props);
    return key;
  }

  get(label: string, key: string): Props {
    const props = this.nodes.get(label)?.get(key);
    if (!props) throw new Error(`no ${label} ${key}`);
    return props;
  }

  rel(type: string, from: [string, string], to: [string, string], props?: Props): void {
    const id = `${type}|${from[0]}|${to[0]}`;
    let group = this.relationships.get(id);
    if (!group) this.relationships.set(id, (group = { type, from: from[0], to: to[0], rows: [] }));
    this.get(from[0], from[1]);
    this.get(to[0], to[1]);
    group.rows.push(props ? { from: from[1], to: to[1], props } : { from: from[1], to: to[1] });
  }

  build(meta: Omit<SeedFile, "nodes" | "relationships">): SeedFile {
    return {
      ...meta,
      nodes: Object.fromEntries([...this.nodes].map(([label, byKey]) => [label, [...byKey.values()]])),
      relationships: [...this.relationships.values()],
    };
  }
}

/** `props` with every date and instant moved by `days` whole days. */
export function shiftProps(props: Props, days: number): Props {
  const out: Props = { ...props };
  for (const [name, value] of Object.entries(props)) {
    if (typeof value !== "string") continue;
    if (DATE_PROPERTIES.has(name)) out[name] = addDays(value, days);
    else if (DATETIME_PROPERTIES.has(name)) out[name] = new Date(Date.parse(value) + days * 86_400_000).toISOString();
  }
  return out;
}

/**
 * The seed as loaded on `day`: a file with shiftToLoadDay has every Date and DateTime property of
 * its nodes and relationships moved by the whole days from its referenceDate to `day` (which
 * becomes its referenceDate), so every interval between two of its dates, and so every rule
 * boundary it plants, stays exactly as generated. Any other file comes back as it is.
 */
export function asLoadedOn(seed: SeedFile, day: string): SeedFile {
  if (!seed.shiftToLoadDay) return seed;
  const days = daysBetween(seed.referenceDate, day);
  if (days === 0) return seed;
  return {
    ...seed,
    referenceDate: day,
    nodes: Object.fromEntries(
      Object.entries(seed.nodes).map(([label, rows]) => [label, rows.map((row) => shiftProps(row, days))]),
    ),
    relationships: seed.relationships.map((group) => ({
      ...group,
      rows: group.rows.map((row) => (row.props ? { ...row, props: shiftProps(row.props, days) } : row)),
    })),
  };
}
