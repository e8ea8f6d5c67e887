/**
 * The backup file (docs/backup-format.md): gzipped JSON Lines, optionally encrypted as a whole
 * (src/backup/encryption.ts). Line 1 is the header; then one line per node, one per relationship
 * (every node before any relationship), and an end line that says how many of each came before it.
 */
import type { Encoded } from "./values.js";

export const BACKUP_FORMAT = "qingdao-org-graph-backup";
export const BACKUP_VERSION = 1;

/** cypher/platform/fingerprint.cypher over the whole graph: counts and a hash of every value. */
export interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
}

/**
 * How many nodes of each label set (or relationships of each type) hold each property with each
 * Neo4j type (valueType(), e.g. "DATE NOT NULL"): what the fingerprint, which hashes values as
 * JSON, cannot tell apart (a Date from the string of the same day).
 */
export interface PropertyTypes {
  nodes: Array<{ labels: string[]; property: string; type: string; count: number }>;
  relationships: Array<{ relationshipType: string; property: string; type: string; count: number }>;
}

export interface SchemaStatement {
  kind: "CONSTRAINT" | "INDEX";
  name: string;
  type: string;
  /** As SHOW CONSTRAINTS / SHOW INDEXES gives it (without IF NOT EXISTS). */
  statement: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: { uri: string; neo4j: string; edition: string; tool: string };
  counts: { nodes: number; relationships: number; labels: Record<string, number>; types: Record<string, number> };
  fingerprint: Fingerprint;
  propertyTypes: PropertyTypes;
  schema: SchemaStatement[];
}

/** A node: its number in this file (0, 1, 2, … in order), labels and properties. */
export interface NodeLine {
  node: number;
  labels: string[];
  properties: Record<string, Encoded>;
}

/** A relationship: its number, type, the numbers of its start (from) and end (to) nodes, properties. */
export interface RelationshipLine {
  rel: number;
  type: string;
  from: number;
  to: number;
  properties: Record<string, Encoded>;
}

export interface EndLine {
  end: true;
  nodes: number;
  relationships: number;
}

/** File names the retention count manages: graph-2026-11-15T10-30-00-000Z.jsonl.gz[.enc]. */
export const BACKUP_FILE = /^graph-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.jsonl\.gz(\.enc)?$/;

export function backupFileName(at: Date, encrypted: boolean): string {
  return `graph-${at.toISOString().replace(/[:.]/g, "-")}.jsonl.gz${encrypted ? ".enc" : ""}`;
}
