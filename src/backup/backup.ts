/**
 * Online backup: the whole graph (every label and relationship type, every property with its exact
 * type), the schema, counts and fingerprints, read in ONE read transaction and written as one file
 * (src/backup/format.ts, docs/backup-format.md).
 *
 * Consistency: Neo4j's read transactions see each commit as it lands (read committed), so one read
 * transaction alone is not a snapshot while others write. The backup therefore takes the graph's
 * state mark (the bookmark of the last committed write) before and after its transaction; when a
 * write committed in between, the file is thrown away and the backup runs again (`retries`). A
 * file that is kept was read while nothing changed: it is the state of one instant.
 */
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import neo4j, { type Driver, type Transaction } from "neo4j-driver";
import { cypher, toNumber } from "../database/cypher.js";
import { encryptStream } from "./encryption.js";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type EndLine,
  type NodeLine,
  type PropertyTypes,
  type RelationshipLine,
  type SchemaStatement,
} from "./format.js";
import { encodeProperties } from "./values.js";

const TOOL = "qingdao-org-graph";

export interface BackupOptions {
  /** The file to write (its folder must exist); written as `<file>.partial`, renamed when complete. */
  file: string;
  /** Encrypts the file with this key (BACKUP_KEY) when given. */
  key?: string;
  /** Where the graph comes from, for the header. */
  sourceUri: string;
  /** How many more times to try when the graph changed during an attempt (default 5). */
  retries?: number;
  /** Timeout of the backup's read transaction (default one hour; the server's default is shorter). */
  transactionTimeoutMs?: number;
  /** Called as nodes and relationships are written (every 1,000): done of total. Awaited. */
  onProgress?: (done: number, total: number, what: string) => void | Promise<void>;
  /** Called when an attempt is thrown away because the graph changed. */
  onRetry?: (attempt: number) => void;
}

export interface BackupResult {
  file: string;
  header: BackupHeader;
  bytes: number;
  seconds: number;
  attempts: number;
}

export class GraphChangedError extends Error {
  override name = "GraphChangedError";
}

/** The bookmark after an empty read transaction: it changes with every write anyone commits. */
export async function stateMark(driver: Driver): Promise<string> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead((tx) => tx.run(cypher("platform/state-mark")));
    return session.lastBookmarks().join(" ");
  } finally {
    await session.close();
  }
}

async function readSchema(tx: Transaction): Promise<SchemaStatement[]> {
  const constraints = await tx.run(cypher("backup/constraints"));
  const indexes = await tx.run(cypher("backup/indexes"));
  return [
    ...constraints.records.map((r) => ({
      kind: "CONSTRAINT" as const,
      name: r.get("name") as string,
      type: r.get("type") as string,
      statement: r.get("createStatement") as string,
    })),
    ...indexes.records.map((r) => ({
      kind: "INDEX" as const,
      name: r.get("name") as string,
      type: r.get("type") as string,
      statement: r.get("createStatement") as string,
    })),
  ];
}

/** The census of property types (format.ts, PropertyTypes), in a given transaction or on its own. */
export async function readPropertyTypes(tx: Pick<Transaction, "run">): Promise<PropertyTypes> {
  const nodes = await tx.run(cypher("backup/node-property-types"));
  const relationships = await tx.run(cypher("backup/relationship-property-types"));
  return {
    nodes: nodes.records.map((r) => ({
      labels: r.get("labels") as string[],
      property: r.get("property") as string,
      type: r.get("type") as string,
      count: toNumber(r.get("count")),
    })),
    relationships: relationships.records.map((r) => ({
      relationshipType: r.get("relationshipType") as string,
      property: r.get("property") as string,
      type: r.get("type") as string,
      count: toNumber(r.get("count")),
    })),
  };
}

async function readHeader(driver: Driver, tx: Transaction, sourceUri: string): Promise<BackupHeader> {
  const server = (await driver.executeQuery(cypher("platform/server-version"), {}, { routing: neo4j.routing.READ }))
    .records[0]!;
  const schema = await readSchema(tx);
  const counts = (await tx.run(cypher("backup/counts"))).records[0]!;
  const fingerprint = (await tx.run(cypher("platform/fingerprint"), { excludeLabels: [] })).records[0]!;
  const propertyTypes = await readPropertyTypes(tx);
  const numbers = (map: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(map)
        .map(([k, v]) => [k, toNumber(v)])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  // Every node and relationship the file holds; the fingerprint leaves the kept analytics out.
  const nodes = toNumber(counts.get("nodes"));
  const relationships = toNumber(counts.get("relationships"));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    source: {
      uri: sourceUri,
      neo4j: server.get("version") as string,
      edition: server.get("edition") as string,
      tool: TOOL,
    },
    counts: { nodes, relationships, labels: numbers(counts.get("labels")), types: numbers(counts.get("types")) },
    fingerprint: {
      nodes: toNumber(fingerprint.get("nodes")),
      relationships: toNumber(fingerprint.get("relationships")),
      hash: fingerprint.get("hash") as string,
    },
    propertyTypes,
    schema,
  };
}

/** Lines to the gzip stream in blocks of about 256 KB, waiting whenever it asks to. */
class LineWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: zlib.Gzip) {}
  async line(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 256 * 1024) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const block = this.parts.join("");
    this.parts = [];
    this.size = 0;
    if (!this.out.write(block)) await once(this.out, "drain");
  }
}

async function attempt(driver: Driver, options: BackupOptions, partial: string): Promise<BackupHeader> {
  const before = await stateMark(driver);
  const gzip = zlib.createGzip({ level: 6 });
  const stages: NodeJS.ReadWriteStream[] = options.key ? [encryptStream(options.key)] : [];
  const output = fs.createWriteStream(partial, { mode: 0o600 });
  const written = pipeline([gzip, ...stages, output]);
  written.catch(() => {});
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  let header: BackupHeader;
  try {
    const tx = session.beginTransaction({
      timeout: options.transactionTimeoutMs ?? 3_600_000,
      metadata: { app: "backup" },
    });
    try {
      header = await readHeader(driver, tx, options.sourceUri);
      const total = header.counts.nodes + header.counts.relationships;
      const writer = new LineWriter(gzip);
      await writer.line(header);
      const numbers = new Map<string, number>();
      let done = 0;
      for await (const record of tx.run(cypher("backup/nodes"))) {
        const line: NodeLine = {
          node: numbers.size,
          labels: record.get("labels") as string[],
          properties: encodeProperties(record.get("properties")),
        };
        numbers.set(record.get("id") as string, line.node);
        await writer.line(line);
        done += 1;
        if (done % 1000 === 0) await options.onProgress?.(done, total, "nodes");
      }
      let rel = 0;
      for await (const record of tx.run(cypher("backup/relationships"))) {
        const start = numbers.get(record.get("start") as string);
        const end = numbers.get(record.get("end") as string);
        if (start === undefined || end === undefined)
          throw new GraphChangedError("a relationship ends at a node the backup did not see");
        const line: RelationshipLine = {
          rel,
          type: record.get("type") as string,
          from: start,
          to: end,
          properties: encodeProperties(record.get("properties")),
        };
        rel += 1;
        await writer.line(line);
        done += 1;
        if (done % 1000 === 0) await options.onProgress?.(done, total, "relationships");
      }
      const end: EndLine = { end: true, nodes: numbers.size, relationships: rel };
      await writer.line(end);
      await writer.flush();
      await options.onProgress?.(done, total, "done");
      await tx.commit();
      if (numbers.size !== header.counts.nodes || rel !== header.counts.relationships)
        throw new GraphChangedError("counts changed while reading");
    } finally {
      if (tx.isOpen()) await tx.rollback();
    }
  } catch (error) {
    gzip.destroy();
    throw error;
  } finally {
    await session.close();
  }
  gzip.end();
  await written;
  const fd = fs.openSync(partial, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if ((await stateMark(driver)) !== before) throw new GraphChangedError("a write committed during the backup");
  return header;
}

/** Writes one backup file of the whole graph; see the module comment for what "consistent" means here. */
export async function writeBackup(driver: Driver, options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const partial = `${options.file}.partial`;
  const retries = options.retries ?? 5;
  for (let attemptNo = 1; ; attemptNo += 1) {
    try {
      const header = await attempt(driver, options, partial);
      fs.renameSync(partial, options.file);
      const dir = fs.openSync(path.dirname(options.file), "r");
      try {
        fs.fsyncSync(dir);
      } catch {
        // Some file systems cannot sync a folder; the file itself is synced.
      } finally {
        fs.closeSync(dir);
      }
      return {
        file: options.file,
        header,
        bytes: fs.statSync(options.file).size,
        seconds: (Date.now() - started) / 1000,
        attempts: attemptNo,
      };
    } catch (error) {
      fs.rmSync(partial, { force: true });
      if (!(error instanceof GraphChangedError)) throw error;
      if (attemptNo > retries) {
        throw new GraphChangedError(
          `the graph changed during each of ${attemptNo} backup attempts (writes kept committing); try again when it is quieter, or with more --retries`,
        );
      }
      options.onRetry?.(attemptNo);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attemptNo)));
    }
  }
}
