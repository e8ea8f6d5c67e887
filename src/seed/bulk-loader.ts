/**
 * Loads a generated dataset folder (scripts/generate.ts) in batches.
 *
 * Contract: nodes first (every nodes/*.ndjson), then relationships, `parallel` files at a
 * time; each batch of `batchSize` rows is one UNWIND statement in its own write transaction, MERGEd by key, so an
 * interrupted load can simply be run again: it finishes without duplicates. Reads go through
 * read transactions and writes through write transactions, so a cluster can route them.
 * A dataset whose manifest says shiftToLoadDay has every date moved by whole days so that its
 * referenceDate falls on the day of loading (as the sample's, src/seed/seed-file.ts asLoadedOn).
 * Its transactions tell the analytics' change feed to record nothing (metadata analytics =
 * "rebuild"): the caller ends the load with a rebuild of the kept analytics instead.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import neo4j, { type Driver } from "neo4j-driver";
import { daysBetween, today } from "../domain/dates.js";
import { shiftProps, type Props, type RelationshipGroup } from "./seed-file.js";
import { mergeRelationships, nodeRows, nodeStatement, relationshipRows, relationshipStatement } from "./loader.js";

export interface BulkLoadSummary {
  nodes: number;
  relationships: number;
  seconds: number;
  perSecond: number;
}

/** Bulk writes are not recorded one by one by the analytics' change feed (scripts/neo4j/ChangeFeed.java). */
const BULK = { metadata: { analytics: "rebuild" } };

export type Progress = (done: number, total: number, what: string) => void;

/** The rows of an NDJSON file, `size` at a time. */
export async function* batchesOf<T>(file: string, size: number): AsyncGenerator<T[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let batch: T[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as T);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export type DatasetRow = RelationshipGroup["rows"][number];

/**
 * A dataset folder's files (nodes before relationships), its size, and how its rows' dates are
 * moved when it is loaded on `day` (its manifest's shiftToLoadDay).
 */
export function readDataset(dir: string, day: string) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
    files: Record<string, number>;
    referenceDate?: string;
    shiftToLoadDay?: boolean;
  };
  const days = manifest.shiftToLoadDay && manifest.referenceDate ? daysBetween(manifest.referenceDate, day) : 0;
  const files = Object.keys(manifest.files);
  return {
    nodeFiles: files.filter((f) => f.startsWith("nodes/")),
    relationshipFiles: files.filter((f) => f.startsWith("relationships/")),
    total: Object.values(manifest.files).reduce((s, n) => s + n, 0),
    moved: (props: Props) => (days ? shiftProps(props, days) : props),
  };
}

export async function bulkLoad(
  driver: Driver,
  dir: string,
  progress: Progress = () => {},
  batchSize = 10_000,
  parallel = 2,
  day: string = today(),
): Promise<BulkLoadSummary> {
  const { nodeFiles, relationshipFiles, total, moved } = readDataset(dir, day);
  const started = Date.now();
  let done = 0;
  const summary = { nodes: 0, relationships: 0 };
  // Files load side by side (Neo4j retries a deadlock between two batches as a transient error).
  const loadFile = async (file: string) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      const name = path.basename(file, ".ndjson");
      if (file.startsWith("nodes/")) {
        const statement = nodeStatement(name);
        for await (const batch of batchesOf<Props>(path.join(dir, file), batchSize)) {
          await session.executeWrite((tx) => tx.run(statement, { rows: nodeRows(name, batch.map(moved)) }), BULK);
          summary.nodes += batch.length;
          progress((done += batch.length), total, name);
        }
      } else {
        const [type, from, to] = name.split(".") as [string, string, string];
        const statement = relationshipStatement(type, from, to);
        for await (const batch of batchesOf<DatasetRow>(path.join(dir, file), batchSize)) {
          const rows = batch.map((row) => (row.props ? { ...row, props: moved(row.props) } : row));
          await session.executeWrite(
            (tx) => mergeRelationships(tx, statement, `${type} ${from}→${to}`, relationshipRows(rows)),
            BULK,
          );
          summary.relationships += batch.length;
          progress((done += batch.length), total, type);
        }
      }
    } finally {
      await session.close();
    }
  };
  await pool(nodeFiles, parallel, loadFile);
  await pool(relationshipFiles, parallel, loadFile);
  const seconds = (Date.now() - started) / 1000;
  return { ...summary, seconds, perSecond: Math.round((summary.nodes + summary.relationships) / seconds) };
}
