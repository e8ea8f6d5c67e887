/**
 * Hand-written Cypher lives in cypher/<domain>/<name>.cypher, never inline in TypeScript:
 * analysts can read and run it as it is, and values always travel as parameters.
 */
import fs from "node:fs";
import path from "node:path";
import neo4j, { type Integer } from "neo4j-driver";
import { PROJECT_ROOT } from "../config.js";

const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");
const cache = new Map<string, string>();

/** The text of cypher/<name>.cypher, read once. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several statements separated by ";" at line ends, dropping "//" comments. */
export function statements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((part) =>
      part
        .split("\n")
        .filter((line) => !line.trim().startsWith("//"))
        .join("\n")
        .trim(),
    )
    .filter((part) => part.length > 0);
}

/** Neo4j integers come back as Integer objects; every count we hand out goes through here. */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (typeof value === "bigint") return Number(value);
  return value as number;
}

/** Deep conversion of query results: Integers to numbers, temporal values to ISO strings. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) {
    return { longitude: value.x, latitude: value.y, srid: toNumber(value.srid) };
  }
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
