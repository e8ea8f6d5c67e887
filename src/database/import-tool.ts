/**
 * Neo4j's import tool (`neo4j-admin database import full`, org.neo4j.importer on the embedded
 * launcher's classpath) run on the local Neo4j's home while no DBMS runs on it.
 *
 * Contract: `importIntoLocal` writes the database `neo4j` of `config.home` from import-tool CSV
 * files, replacing whatever store files are there; the caller must have made sure the database is
 * empty and that nothing runs on the home (the tool also takes the store lock). It uses the
 * memory the configuration gives the local Neo4j (heap, and the page cache's share off heap),
 * since the DBMS is not running meanwhile. The tool's own output goes to `<home>/import.log`; its
 * phases are logged.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { LocalNeo4jConfig } from "../config.js";
import { LocalNeo4jError, prepareRuntime } from "./local-neo4j.js";

/** What the import tool reads: per label and per relationship type, a header file and a data file. */
export interface ImportFiles {
  nodes: Array<{ label: string; header: string; data: string }>;
  relationships: Array<{ type: string; header: string; data: string }>;
  /** Separates the elements of an array value. */
  arrayDelimiter: string;
}

/** Whether the home holds a store for the database `neo4j` (a DBMS ran on it, or an import wrote it). */
export function localStoreExists(config: LocalNeo4jConfig): boolean {
  return fs.existsSync(path.join(config.home, "data", "databases", "neo4j"));
}

const PHASE = /^\(\d\/\d\) |COMPLETED in|^IMPORT (DONE|FAILED)|^Imported:|^\s+\d+ (nodes|relationships|properties)$/;

export async function importIntoLocal(
  config: LocalNeo4jConfig,
  files: ImportFiles,
  log: (line: string) => void,
): Promise<void> {
  const { classpath } = prepareRuntime(log);
  const conf = path.join(config.home, "conf");
  fs.mkdirSync(conf, { recursive: true });
  const logFile = path.join(config.home, "import.log");
  const args = [
    `-Xmx${config.heap}`,
    "-cp",
    classpath,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    // Before the options: --nodes and --relationships take every argument after them as a file.
    "neo4j",
    "--overwrite-destination",
    // The dataset is checked data: any fault stops the import instead of being skipped.
    "--bad-tolerance=0",
    `--max-off-heap-memory=${config.pageCacheMb}m`,
    `--array-delimiter=U+${files.arrayDelimiter.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`,
    `--report-file=${path.join(config.home, "import.report")}`,
    ...files.nodes.map((n) => `--nodes=${n.label}=${n.header},${n.data}`),
    ...files.relationships.map((r) => `--relationships=${r.type}=${r.header},${r.data}`),
  ];
  const out = fs.openSync(logFile, "w");
  try {
    const child = spawn("java", args, {
      env: { ...process.env, NEO4J_HOME: config.home, NEO4J_CONF: conf },
      stdio: ["ignore", "pipe", out],
    });
    let pending = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      fs.writeSync(out, chunk);
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop()!;
      for (const line of lines) if (PHASE.test(line)) log(`Import tool: ${line.trim()}`);
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", resolve);
    });
    if (code !== 0) {
      const tail = fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-12).join("\n");
      throw new LocalNeo4jError(`Neo4j's import tool failed (exit code ${code}); see ${logFile}:\n${tail}`);
    }
  } finally {
    fs.closeSync(out);
  }
}
