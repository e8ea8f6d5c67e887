/**
 * A generated dataset folder (scripts/generate.ts) as Neo4j import-tool CSV files.
 *
 * Contract: the graph the import tool builds from these files is the one the MERGE loader
 * (bulk-loader.ts) builds from the folder: the same nodes keyed alike (`code` of a Region, `id`
 * of the rest), the same relationships, and every property of the same Neo4j type as
 * toNeo4jProps makes it (Date, DateTime, Integer for the schema's Int fields, Float for other
 * numbers, WGS-84 Point, lists), dates moved as the dataset says (shiftToLoadDay). One header
 * file and one data file per label and per relationship group; columns are added as rows bring
 * new properties, which the tool reads as absent in the rows written before (a row may end before
 * its header does). A value the format cannot carry as the MERGE path stores it (a line break, an
 * empty list, the array delimiter inside a list element) is refused with NotImportableError.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../config.js";
import { DATE_PROPERTIES, DATETIME_PROPERTIES, INTEGER_PROPERTIES } from "../domain/model.js";
import { NotImportableError } from "../errors/errors.js";
import type { ImportFiles } from "../database/import-tool.js";
import { batchesOf, readDataset, type DatasetRow } from "./bulk-loader.js";
import { keyOf, type Props } from "./seed-file.js";

/** ASCII unit separator: no name or list element of the domain holds it. */
const ARRAY_DELIMITER = "\u001f";
const BATCH = 20_000;

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

function scalarType(name: string, value: unknown): string {
  if (DATE_PROPERTIES.has(name)) return "date";
  if (DATETIME_PROPERTIES.has(name)) return "datetime";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return INTEGER_PROPERTIES.has(name) ? "long" : "double";
  return "string";
}

/** The column type of a property, as toNeo4jProps would store its value. */
function columnType(name: string, value: unknown): string {
  if (name === "location") return "point{crs:WGS-84}";
  if (Array.isArray(value)) return `${scalarType(name, value[0])}[]`;
  return scalarType(name, value);
}

function cell(where: string, name: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (name === "location") {
    const { latitude, longitude } = value as { latitude: number; longitude: number };
    return `"{latitude:${latitude},longitude:${longitude}}"`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw new NotImportableError(`${where}: ${name} is an empty list`);
    const elements = value.map(String);
    if (elements.some((e) => e.includes(ARRAY_DELIMITER) || /[\r\n]/.test(e)))
      throw new NotImportableError(`${where}: an element of ${name} holds a line break or the array delimiter`);
    return quote(elements.join(ARRAY_DELIMITER));
  }
  if (typeof value === "string") {
    if (/[\r\n]/.test(value)) throw new NotImportableError(`${where}: ${name} holds a line break`);
    return quote(value);
  }
  return String(value);
}

/** One CSV file whose columns grow as rows bring new properties; the header is written last. */
class CsvFile {
  private readonly columns = new Map<string, string>();
  private readonly pending: string[] = [];
  private readonly fd: number;
  constructor(
    readonly header: string,
    readonly data: string,
    private readonly fixed: string[],
  ) {
    this.fd = fs.openSync(data, "w");
  }

  write(where: string, ids: string[], props: Props): void {
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined || this.columns.has(name)) continue;
      this.columns.set(name, columnType(name, value));
    }
    const cells = ids.map(quote);
    for (const [name, type] of this.columns) {
      const value = props[name];
      if (value !== null && value !== undefined && columnType(name, value) !== type)
        throw new NotImportableError(`${where}: ${name} is ${columnType(name, value)} here, ${type} before`);
      cells.push(cell(where, name, value));
    }
    // A row may end before the header does (the tool reads the rest as absent), but not on an empty field:
    // the tool would then read the next line's fields into the missing ones.
    while (cells.at(-1) === "") cells.pop();
    this.pending.push(cells.join(","));
  }

  flush(): void {
    if (this.pending.length) fs.writeSync(this.fd, this.pending.join("\n") + "\n");
    this.pending.length = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
    const names = [...this.columns].map(([name, type]) => `${name}:${type}`);
    fs.writeFileSync(this.header, [...this.fixed, ...names].join(",") + "\n");
  }
}

/** A dataset file written as an import-tool header and data file. */
export interface ConvertedFile {
  /** The dataset file, relative to its folder (nodes/…, relationships/…). */
  file: string;
  header: string;
  data: string;
  rows: number;
}

/**
 * Writes some files of the dataset of `dir` (paths relative to it) as import-tool CSV into
 * `csvDir`, which exists; one process's share of writeImportCsv.
 */
export async function convertFiles(
  dir: string,
  csvDir: string,
  day: string,
  files: string[],
): Promise<ConvertedFile[]> {
  const { moved } = readDataset(dir, day);
  const converted: ConvertedFile[] = [];
  for (const file of files) {
    const name = path.basename(file, ".ndjson");
    const [header, data] = [path.join(csvDir, `${name}.header.csv`), path.join(csvDir, `${name}.csv`)];
    let rows = 0;
    if (file.startsWith("nodes/")) {
      const key = keyOf(name);
      const csv = new CsvFile(header, data, [`${key}:ID(${name})`]);
      for await (const batch of batchesOf<Props>(path.join(dir, file), BATCH)) {
        for (const row of batch) {
          const { [key]: id, ...props } = moved(row);
          csv.write(`${name} ${String(id)}`, [String(id)], props);
        }
        csv.flush();
        rows += batch.length;
      }
      csv.close();
    } else {
      const [type, from, to] = name.split(".") as [string, string, string];
      const csv = new CsvFile(header, data, [`:START_ID(${from})`, `:END_ID(${to})`]);
      for await (const batch of batchesOf<DatasetRow>(path.join(dir, file), BATCH)) {
        for (const row of batch) csv.write(`${type} ${row.from}→${row.to}`, [row.from, row.to], moved(row.props ?? {}));
        csv.flush();
        rows += batch.length;
      }
      csv.close();
    }
    converted.push({ file, header, data, rows });
  }
  return converted;
}

/** Files dealt to `count` shares of about equal bytes, the largest first. */
function shares(dir: string, files: string[], count: number): string[][] {
  const sized = files.map((file) => ({ file, bytes: fs.statSync(path.join(dir, file)).size }));
  sized.sort((a, b) => b.bytes - a.bytes);
  const groups = Array.from({ length: count }, () => ({ files: [] as string[], bytes: 0 }));
  for (const { file, bytes } of sized) {
    const lightest = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    lightest.files.push(file);
    lightest.bytes += bytes;
  }
  return groups.map((g) => g.files).filter((g) => g.length > 0);
}

/** convertFiles in a child process (import-csv.child), run the way this module runs (tsx or built). */
function convertInChild(dir: string, csvDir: string, day: string, files: string[]): Promise<ConvertedFile[]> {
  const self = fileURLToPath(import.meta.url);
  const extension = path.extname(self);
  const child = fork(path.join(path.dirname(self), `import-csv.child${extension}`), [], {
    cwd: PROJECT_ROOT,
    execArgv: extension === ".ts" ? ["--import", "tsx"] : [],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (answer: ChildAnswer) => {
      if ("converted" in answer) resolve(answer.converted);
      else if (answer.error.name === "NotImportableError") reject(new NotImportableError(answer.error.message));
      else reject(new Error(answer.error.message));
    });
    child.once("error", reject);
    // After an answer this changes nothing (a promise settles once).
    child.once("close", (code) =>
      reject(new Error(`The CSV conversion process exited with code ${code}, answering nothing`)),
    );
    child.send({ dir, csvDir, day, files } satisfies ChildTask);
  });
}

export interface ChildTask {
  dir: string;
  csvDir: string;
  day: string;
  files: string[];
}
export type ChildAnswer = { converted: ConvertedFile[] } | { error: { name: string; message: string } };

/**
 * From this many rows a dataset is converted by more than one process: a child process takes
 * about 1.5 s to start (tsx and the modules), which a smaller dataset (a district: 190,000 rows
 * in 1.7 s) does not win back.
 */
const PARALLEL_FROM_ROWS = 1_000_000;

/**
 * Writes the dataset of `dir` as import-tool CSV files into `csvDir`; returns them and the counts.
 * A large dataset's files are dealt to one share per core (at most 2, or `processes`): this process
 * converts one, a child process each other (the conversion is CPU-bound JSON parsing and string
 * building, and at province scale the longest phase of a first load).
 */
export async function writeImportCsv(
  dir: string,
  csvDir: string,
  day: string,
  processes?: number,
): Promise<{ files: ImportFiles; nodes: number; relationships: number }> {
  const { nodeFiles, relationshipFiles, total } = readDataset(dir, day);
  fs.rmSync(csvDir, { recursive: true, force: true });
  fs.mkdirSync(csvDir, { recursive: true });
  const count = processes ?? (total >= PARALLEL_FROM_ROWS ? Math.min(2, os.availableParallelism()) : 1);
  const [own = [], ...others] = shares(dir, [...nodeFiles, ...relationshipFiles], count);
  const converted = new Map(
    (
      await Promise.all([
        convertFiles(dir, csvDir, day, own),
        ...others.map((files) => convertInChild(path.resolve(dir), path.resolve(csvDir), day, files)),
      ])
    )
      .flat()
      .map((c) => [c.file, c]),
  );
  const files: ImportFiles = { nodes: [], relationships: [], arrayDelimiter: ARRAY_DELIMITER };
  const counts = { nodes: 0, relationships: 0 };
  for (const file of nodeFiles) {
    const { header, data, rows } = converted.get(file)!;
    files.nodes.push({ label: path.basename(file, ".ndjson"), header, data });
    counts.nodes += rows;
  }
  for (const file of relationshipFiles) {
    const { header, data, rows } = converted.get(file)!;
    files.relationships.push({ type: path.basename(file, ".ndjson").split(".")[0]!, header, data });
    counts.relationships += rows;
  }
  return { files, ...counts };
}
