/**
 * Restore of a backup file into an EMPTY database: the schema first (the backup's constraints and
 * indexes, then this code's cypher/schema), then the nodes and relationships in batches of write
 * transactions, then a check that the graph's fingerprints equal the ones the backup recorded.
 *
 * A database that holds any node is refused before anything is written. A restore that stops
 * half-way leaves a partial graph: empty the database (or take a new data folder) and run it again.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import neo4j, { type Driver } from "neo4j-driver";
import { cypher, toNumber } from "../database/cypher.js";
import { applySchema } from "../database/migrations.js";
import { decryptStream, isEncryptedFile } from "./encryption.js";
import { readPropertyTypes } from "./backup.js";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type EndLine,
  type Fingerprint,
  type NodeLine,
  type PropertyTypes,
  type RelationshipLine,
} from "./format.js";
import { decodeProperties } from "./values.js";

export interface RestoreOptions {
  file: string;
  /** The key of an encrypted file (BACKUP_KEY). */
  key?: string;
  /** Where the graph goes, for messages. */
  targetUri: string;
  /** Nodes or relationships per write transaction (default 10,000). */
  batchSize?: number;
  onProgress?: (done: number, total: number, what: string) => void;
  /** Told each step (schema, data, verification). */
  log?: (line: string) => void;
}

export interface RestoreResult {
  header: BackupHeader;
  nodes: number;
  relationships: number;
  seconds: number;
  fingerprint: Fingerprint;
  propertyTypes: PropertyTypes;
  /** The fingerprint and the census of property types equal the backup's. */
  matches: boolean;
}

/** The database is not empty: nothing was written. */
export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

export class BackupFileError extends Error {
  override name = "BackupFileError";
}

/** The lines of a backup file, decrypted (when it is encrypted) and unzipped. */
export async function* backupLines(file: string, key: string | undefined): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new BackupFileError(`no backup file ${file}`);
  const stages: NodeJS.ReadWriteStream[] = isEncryptedFile(file) ? [decryptStream(key, file)] : [];
  const gunzip = zlib.createGunzip();
  const source = fs.createReadStream(file);
  let stream: Readable = source;
  for (const stage of [...stages, gunzip]) stream = stream.pipe(stage as NodeJS.ReadWriteStream & Readable);
  // pipe() does not pass errors on: every stage's error ends the last one with it.
  for (const stage of [source, ...stages]) (stage as Readable).on("error", (error) => stream.destroy(error));
  stream.setEncoding("utf8");
  let rest = "";
  try {
    for await (const chunk of stream) {
      const lines = (rest + (chunk as string)).split("\n");
      rest = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith("Z_"))
      throw new BackupFileError(`${file} is not a backup (or is damaged): ${(error as Error).message}`);
    throw error;
  } finally {
    source.destroy();
  }
  if (rest.length > 0) yield rest;
}

function parseHeader(text: string | undefined, file: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(text ?? "") as BackupHeader;
  } catch {
    throw new BackupFileError(`${file} does not start with a backup header`);
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupFileError(`${file} is not a ${BACKUP_FORMAT} file`);
  if (header.version > BACKUP_VERSION)
    throw new BackupFileError(`${file} is format version ${header.version}; this code reads up to ${BACKUP_VERSION}`);
  return header;
}

/** The header of a backup file (decrypting it when needed), without touching any database. */
export async function readBackupHeader(file: string, key?: string): Promise<BackupHeader> {
  const lines = backupLines(file, key);
  try {
    return parseHeader((await lines.next()).value as string | undefined, file);
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Reads a whole backup file without any database: decrypts and unzips it, checks every line and
 * the numbering, and that the end line and header agree with what the file holds.
 */
export async function checkBackupFile(
  file: string,
  key?: string,
): Promise<{ header: BackupHeader; nodes: number; relationships: number }> {
  const lines = backupLines(file, key);
  const header = parseHeader((await lines.next()).value as string | undefined, file);
  let nodes = 0;
  let relationships = 0;
  let end: EndLine | undefined;
  let lineNo = 1;
  for await (const text of lines) {
    lineNo += 1;
    if (text.length === 0) continue;
    if (end) throw new BackupFileError(`${file}: line ${lineNo} follows the end line`);
    const line = JSON.parse(text) as {
      node?: number;
      rel?: number;
      from?: number;
      to?: number;
      end?: unknown;
      properties?: Record<string, unknown>;
    };
    if (line.node !== undefined) {
      if (line.node !== nodes || relationships > 0)
        throw new BackupFileError(`${file}: line ${lineNo}: node ${line.node} out of order`);
      decodeProperties(line.properties ?? {});
      nodes += 1;
    } else if (line.rel !== undefined) {
      if (line.rel !== relationships || !(line.from! < nodes && line.to! < nodes))
        throw new BackupFileError(
          `${file}: line ${lineNo}: relationship ${line.rel} out of order or naming a missing node`,
        );
      decodeProperties(line.properties ?? {});
      relationships += 1;
    } else if (line.end === true) {
      end = line as unknown as EndLine;
    } else {
      throw new BackupFileError(`${file}: line ${lineNo} is neither a node, a relationship nor the end`);
    }
  }
  if (!end) throw new BackupFileError(`${file} was cut short: its end line is missing`);
  if (
    end.nodes !== nodes ||
    end.relationships !== relationships ||
    header.counts.nodes !== nodes ||
    header.counts.relationships !== relationships
  ) {
    throw new BackupFileError(`${file}: the header, the end line and the lines disagree on the counts`);
  }
  return { header, nodes, relationships };
}

/**
 * The restore's write transactions tell the analytics' change feed (scripts/neo4j/ChangeFeed.java)
 * to record nothing: the restored graph is the backup's exactly, and `npm run restore` ends with a
 * rebuild of the kept analytics.
 */
const RESTORE_TX = { metadata: { analytics: "rebuild", app: "restore" } };

const identifier = (name: string) => `\`${name.replace(/`/g, "``")}\``;

function fill(template: string, slot: string, value: string): string {
  return template.replaceAll(`{{${slot}}}`, value);
}

/** SHOW's create statement made idempotent: CREATE … CONSTRAINT|INDEX `name` IF NOT EXISTS … */
export function ifNotExists(statement: string): string {
  return statement.replace(
    /^(CREATE\s+(?:[A-Z]+\s+)*?(?:CONSTRAINT|INDEX)\s+(?:`(?:[^`]|``)*`|\w+))(?!\s+IF\s+NOT\s+EXISTS)/i,
    "$1 IF NOT EXISTS",
  );
}

/** The graph's fingerprint (cypher/platform/fingerprint.cypher, nothing excluded) and its census of property types. */
export async function fingerprintOf(
  driver: Driver,
): Promise<{ fingerprint: Fingerprint; propertyTypes: PropertyTypes }> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        const plain = (await tx.run(cypher("platform/fingerprint"), { excludeLabels: [] })).records[0]!;
        const fingerprint = {
          nodes: toNumber(plain.get("nodes")),
          relationships: toNumber(plain.get("relationships")),
          hash: plain.get("hash") as string,
        };
        return { fingerprint, propertyTypes: await readPropertyTypes(tx) };
      },
      { timeout: 3_600_000 },
    );
  } finally {
    await session.close();
  }
}

/** Refuses (RestoreRefusedError) a database that holds any node. */
export async function assertEmpty(driver: Driver, targetUri: string): Promise<void> {
  const record = (await driver.executeQuery(cypher("backup/node-count"), {}, { routing: neo4j.routing.READ }))
    .records[0]!;
  const nodes = toNumber(record.get("nodes"));
  if (nodes > 0) {
    const labels = (record.get("labels") as string[]).sort();
    throw new RestoreRefusedError(
      `Refusing to restore: the database at ${targetUri} is not empty (${nodes} nodes${labels.length ? `: ${labels.slice(0, 5).join(", ")}${labels.length > 5 ? ", …" : ""}` : ""}); restore needs an empty database.`,
    );
  }
}

export async function restoreBackup(driver: Driver, options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 10_000;
  const lines = backupLines(options.file, options.key);
  try {
    // The header first: a wrong key or a file that is no backup stops here, before the database.
    const header = parseHeader((await lines.next()).value as string | undefined, options.file);
    await assertEmpty(driver, options.targetUri);

    for (const entry of header.schema) await driver.executeQuery(ifNotExists(entry.statement));
    const own = await applySchema(driver);
    log(`Schema: ${header.schema.length} constraints and indexes of the backup, ${own} statements of cypher/schema`);

    const total = header.counts.nodes + header.counts.relationships;
    const ids: string[] = [];
    let relationships = 0;
    let done = 0;
    let end: EndLine | undefined;
    let nodeBatch: NodeLine[] = [];
    let relBatch: RelationshipLine[] = [];
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    const writeNodes = async () => {
      if (nodeBatch.length === 0) return;
      const groups = new Map<string, NodeLine[]>();
      for (const line of nodeBatch) {
        const key = line.labels
          .map(identifier)
          .map((l) => `:${l}`)
          .join("");
        const group = groups.get(key);
        if (group) group.push(line);
        else groups.set(key, [line]);
      }
      const created = await session.executeWrite(async (tx) => {
        const out: Array<[number, string]> = [];
        for (const [labels, rows] of groups) {
          const result = await tx.run(fill(cypher("backup/create-nodes"), "labels", labels), {
            rows: rows.map((row) => ({ node: row.node, properties: decodeProperties(row.properties) })),
          });
          for (const record of result.records) out.push([toNumber(record.get("node")), record.get("id") as string]);
        }
        return out;
      }, RESTORE_TX);
      for (const [node, id] of created) ids[node] = id;
      done += nodeBatch.length;
      options.onProgress?.(done, total, "nodes");
      nodeBatch = [];
    };
    const writeRelationships = async () => {
      if (relBatch.length === 0) return;
      const groups = new Map<string, RelationshipLine[]>();
      for (const line of relBatch) {
        const group = groups.get(line.type);
        if (group) group.push(line);
        else groups.set(line.type, [line]);
      }
      await session.executeWrite(async (tx) => {
        for (const [type, rows] of groups) {
          const result = await tx.run(fill(cypher("backup/create-relationships"), "type", identifier(type)), {
            rows: rows.map((row) => ({
              start: ids[row.from],
              end: ids[row.to],
              properties: decodeProperties(row.properties),
            })),
          });
          const created = toNumber(result.records[0]?.get("created") ?? 0);
          if (created !== rows.length)
            throw new BackupFileError(
              `${type}: ${rows.length - created} relationships name a node that was not restored`,
            );
        }
      }, RESTORE_TX);
      done += relBatch.length;
      options.onProgress?.(done, total, "relationships");
      relBatch = [];
    };

    try {
      let lineNo = 1;
      for await (const text of lines) {
        lineNo += 1;
        if (text.length === 0) continue;
        if (end) throw new BackupFileError(`${options.file}: line ${lineNo} follows the end line`);
        let line: { node?: number; rel?: number; from?: number; to?: number; end?: unknown };
        try {
          line = JSON.parse(text);
        } catch {
          throw new BackupFileError(`${options.file}: line ${lineNo} is not JSON`);
        }
        if (line.node !== undefined) {
          if (relationships > 0 || relBatch.length > 0)
            throw new BackupFileError(`${options.file}: line ${lineNo}: a node after the relationships`);
          if (line.node !== ids.length + nodeBatch.length)
            throw new BackupFileError(`${options.file}: line ${lineNo}: node ${line.node} out of order`);
          nodeBatch.push(line as unknown as NodeLine);
          if (nodeBatch.length >= batchSize) await writeNodes();
        } else if (line.rel !== undefined) {
          await writeNodes();
          if (line.rel !== relationships)
            throw new BackupFileError(`${options.file}: line ${lineNo}: relationship ${line.rel} out of order`);
          if (!(line.from! < ids.length && line.to! < ids.length))
            throw new BackupFileError(
              `${options.file}: line ${lineNo}: relationship ${line.rel} names a node the file does not have`,
            );
          relBatch.push(line as unknown as RelationshipLine);
          relationships += 1;
          if (relBatch.length >= batchSize) await writeRelationships();
        } else if (line.end === true) {
          await writeNodes();
          await writeRelationships();
          end = line as unknown as EndLine;
        } else {
          throw new BackupFileError(`${options.file}: line ${lineNo} is neither a node, a relationship nor the end`);
        }
      }
    } finally {
      await session.close();
    }
    if (!end)
      throw new BackupFileError(
        `${options.file} was cut short: its end line is missing (${ids.length} nodes and ${relationships} relationships read)`,
      );
    if (
      end.nodes !== ids.length ||
      end.relationships !== relationships ||
      end.nodes !== header.counts.nodes ||
      end.relationships !== header.counts.relationships
    ) {
      throw new BackupFileError(
        `${options.file}: the header says ${header.counts.nodes} nodes and ${header.counts.relationships} relationships, the end line ${end.nodes} and ${end.relationships}, the file holds ${ids.length} and ${relationships}`,
      );
    }

    await driver.executeQuery(cypher("backup/await-indexes"));
    log("Verifying the fingerprint…");
    const { fingerprint, propertyTypes } = await fingerprintOf(driver);
    const matches =
      fingerprint.nodes === header.fingerprint.nodes &&
      fingerprint.relationships === header.fingerprint.relationships &&
      fingerprint.hash === header.fingerprint.hash &&
      JSON.stringify(propertyTypes) === JSON.stringify(header.propertyTypes);
    return {
      header,
      nodes: ids.length,
      relationships,
      seconds: (Date.now() - started) / 1000,
      fingerprint,
      propertyTypes,
      matches,
    };
  } finally {
    await lines.return(undefined);
  }
}
