/**
 * How command-line tools (import, export, seed, load, backup, restore, analytics …) reach the
 * graph, so that they work beside a running `npm start`:
 * - NEO4J_URI set: that server;
 * - else, when the local Neo4j of NEO4J_HOME is already running (`npm start` or `npm run neo4j`
 *   started it; its launcher.pid names a live process): that one, on NEO4J_BOLT_PORT, online;
 * - else: the embedded local Neo4j, started here for the command and stopped after it.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "../config.js";
import { openDatabase, type Database } from "./database.js";
import { connect } from "./driver.js";

/** The pid of the local Neo4j running on `home`, if any. */
export function runningLauncher(home: string): number | undefined {
  const pidFile = path.join(home, "launcher.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export async function openDatabaseForTool(config: Config, log: (line: string) => void): Promise<Database> {
  if (config.neo4jUri) return openDatabase(config, log);
  const pid = runningLauncher(config.local.home);
  if (pid === undefined) return openDatabase(config, log);
  const uri = `bolt://127.0.0.1:${config.local.boltPort}`;
  let driver;
  try {
    driver = await connect({ uri, user: config.neo4jUser, password: config.neo4jPassword });
  } catch (error) {
    throw new Error(
      `The local Neo4j of ${config.local.home} is running (pid ${pid}) but does not answer at ${uri}; ` +
        `set NEO4J_BOLT_PORT to the port it was started with (${(error as Error).message})`,
    );
  }
  log(`Using the local Neo4j already running at ${uri} (pid ${pid}, data in ${config.local.home})`);
  return { driver, uri, local: false, close: () => driver.close() };
}

/**
 * Runs a command-line tool's work on the graph openDatabaseForTool (or `open`) reaches, and closes it after.
 * A failure is one line on stderr ("<what> failed: reason") and exit code 1, never a stack trace:
 * the reader is someone at a terminal, not a developer.
 */
export async function runTool(
  what: string,
  work: (database: Database, config: Config) => Promise<void>,
  log: (line: string) => void = console.error,
  open: (config: Config, log: (line: string) => void) => Promise<Database> = openDatabaseForTool,
): Promise<void> {
  try {
    const config = loadConfig();
    const database = await open(config, log);
    try {
      await work(database, config);
    } finally {
      await database.close();
    }
  } catch (error) {
    console.error(`${what} failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
