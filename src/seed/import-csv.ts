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
import fs from "node:fs";
import path from "node:path";
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

/** Writes the dataset of `dir` as import-tool CSV files into `csvDir`; returns them and the counts. */
export async function writeImportCsv(
  dir: string,
  csvDir: string,
  day: string,
): Promise<{ files: ImportFiles; nodes: number; relationships: number }> {
  const { nodeFiles, relationshipFiles, moved } = readDataset(dir, day);
  fs.rmSync(csvDir, { recursive: true, force: true });
  fs.mkdirSync(csvDir, { recursive: true });
  const files: ImportFiles = { nodes: [], relationships: [], arrayDelimiter: ARRAY_DELIMITER };
  const counts = { nodes: 0, relationships: 0 };
  const target = (name: string) => [path.join(csvDir, `${name}.header.csv`), path.join(csvDir, `${name}.csv`)];
  for (const file of nodeFiles) {
    const label = path.basename(file, ".ndjson");
    const key = keyOf(label);
    const [header, data] = target(label) as [string, string];
    const csv = new CsvFile(header, data, [`${key}:ID(${label})`]);
    for await (const batch of batchesOf<Props>(path.join(dir, file), BATCH)) {
      for (const row of batch) {
        const { [key]: id, ...props } = moved(row);
        csv.write(`${label} ${String(id)}`, [String(id)], props);
      }
      csv.flush();
      counts.nodes += batch.length;
    }
    csv.close();
    files.nodes.push({ label, header, data });
  }
  for (const file of relationshipFiles) {
    const name = path.basename(file, ".ndjson");
    const [type, from, to] = name.split(".") as [string, string, string];
    const [header, data] = target(name) as [string, string];
    const csv = new CsvFile(header, data, [`:START_ID(${from})`, `:END_ID(${to})`]);
    for await (const batch of batchesOf<DatasetRow>(path.join(dir, file), BATCH)) {
      for (const row of batch) csv.write(`${type} ${row.from}→${row.to}`, [row.from, row.to], moved(row.props ?? {}));
      csv.flush();
      counts.relationships += batch.length;
    }
    csv.close();
    files.relationships.push({ type, header, data });
  }
  return { files, ...counts };
}
