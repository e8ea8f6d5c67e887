/**
 * Loads a seed file (seeds/*.json) into Neo4j.
 *
 * Contract: the whole file goes in one write transaction (all or nothing); nodes are
 * MERGEd by key and relationships by (ends, type), so loading the same file twice
 * leaves the graph as it was. Labels and types must be DOMAIN.md's. A file with
 * shiftToLoadDay (the sample) is loaded with its dates moved by whole days so that its
 * referenceDate is the day of loading (asLoadedOn): loaded again on a later day, it moves
 * its dates to that day.
 */
import fs from "node:fs";
import path from "node:path";
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { PROJECT_ROOT } from "../config.js";
import { cypher, toNumber } from "../database/cypher.js";
import {
  DATE_PROPERTIES,
  DATETIME_PROPERTIES,
  INTEGER_PROPERTIES,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
} from "../domain/model.js";
import { neo4jDate, today } from "../domain/dates.js";
import { asLoadedOn, keyOf, type Props, type RelationshipGroup, type SeedFile } from "./seed-file.js";

export const SAMPLE_SEED = path.join(PROJECT_ROOT, "seeds", "laixi.json");
const BATCH = 2_000;

export interface LoadSummary {
  nodes: number;
  relationships: number;
}

export function readSeedFile(file: string = SAMPLE_SEED): SeedFile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as SeedFile;
}

/** JSON values to Neo4j values: ISO dates to Date, instants to DateTime, Int fields to Integer, locations to WGS-84 points. */
export function toNeo4jProps(props: Props): Props {
  const out: Props = {};
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined) continue;
    if (DATE_PROPERTIES.has(name)) out[name] = neo4jDate(String(value));
    else if (DATETIME_PROPERTIES.has(name)) out[name] = neo4j.types.DateTime.fromStandardDate(new Date(String(value)));
    else if (INTEGER_PROPERTIES.has(name)) out[name] = neo4j.int(value as number);
    else if (name === "location") {
      const { latitude, longitude } = value as { latitude: number; longitude: number };
      out[name] = new neo4j.types.Point(4326, longitude, latitude);
    } else out[name] = value;
  }
  return out;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
    const value = slots[slot];
    if (value === undefined) throw new Error(`template slot ${slot} not filled`);
    return value;
  });
}

function checkLabel(label: string): void {
  if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`unknown label in seed: ${label}`);
}

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

/** The upsert statement for nodes of one label, keyed by its key property. */
export function nodeStatement(label: string): string {
  checkLabel(label);
  return fill(cypher("seed/merge-nodes"), { label, key: keyOf(label) });
}

/** The upsert statement for relationships of one type between two labels. */
export function relationshipStatement(type: string, from: string, to: string): string {
  checkLabel(from);
  checkLabel(to);
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type))
    throw new Error(`unknown relationship type in seed: ${type}`);
  return fill(cypher("seed/merge-relationships"), { type, from, to, fromKey: keyOf(from), toKey: keyOf(to) });
}

export const nodeRows = (label: string, batch: Props[]) =>
  batch.map((props) => ({ key: props[keyOf(label)], props: toNeo4jProps(props) }));
export const relationshipRows = (batch: RelationshipGroup["rows"]) =>
  batch.map((row) => ({ from: row.from, to: row.to, props: toNeo4jProps(row.props ?? {}) }));

/** Runs one relationship batch; a row naming a missing node is an error, not a silent skip. */
export async function mergeRelationships(
  tx: Pick<ManagedTransaction, "run">,
  statement: string,
  group: string,
  rows: ReturnType<typeof relationshipRows>,
): Promise<void> {
  const result = await tx.run(statement, { rows });
  const merged = toNumber(result.records[0]?.get("merged") ?? 0);
  if (merged !== rows.length) throw new Error(`${group}: ${rows.length - merged} rows name a missing node`);
}

async function writeSeed(tx: ManagedTransaction, seed: SeedFile): Promise<LoadSummary> {
  const summary: LoadSummary = { nodes: 0, relationships: 0 };
  for (const [label, rows] of Object.entries(seed.nodes)) {
    const statement = nodeStatement(label);
    for (const batch of batches(rows)) {
      await tx.run(statement, { rows: nodeRows(label, batch) });
      summary.nodes += batch.length;
    }
  }
  for (const group of seed.relationships) {
    const statement = relationshipStatement(group.type, group.from, group.to);
    for (const batch of batches(group.rows)) {
      await mergeRelationships(tx, statement, `${group.type} ${group.from}→${group.to}`, relationshipRows(batch));
      summary.relationships += batch.length;
    }
  }
  return summary;
}

export interface LoadOptions {
  /**
   * The day of loading (default: today where the platform is deployed): a file with
   * shiftToLoadDay (the sample) has its dates moved so that its referenceDate falls on it.
   */
  day?: string;
}

/** Loads a seed file in one transaction; safe to repeat (on the same day, for a file whose dates follow the load day). */
export async function loadSeed(
  driver: Driver,
  seed: SeedFile = readSeedFile(),
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const shifted = asLoadedOn(seed, options.day ?? today());
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite((tx) => writeSeed(tx, shifted));
  } finally {
    await session.close();
  }
}

/** Loads the sample region when the database holds no node at all; returns what it loaded. */
export async function seedIfEmpty(driver: Driver, options: LoadOptions = {}): Promise<LoadSummary | null> {
  const { records } = await driver.executeQuery(cypher("seed/node-count"), {}, { routing: neo4j.routing.READ });
  if (toNumber(records[0]?.get("nodes")) > 0) return null;
  return loadSeed(driver, readSeedFile(), options);
}
