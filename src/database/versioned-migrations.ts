/**
 * Versioned migrations: cypher/migrations/NNN_name.cypher, applied once each, in order, and
 * recorded in a ledger in the graph, (:Migration {id, name, checksum, appliedAt, statements, durationMs}).
 *
 * Contract:
 * - Start applies every migration the ledger does not have, in the order of the number NNN.
 * - Before applying anything it checks the ledger: a migration recorded with a checksum (sha256 of
 *   the file, line ends normalised) that its file no longer has, or recorded but without its file
 *   (the database is newer than the code), stops the start with a one-line reason.
 * - Neo4j runs schema and data in separate transactions, so a file's statements (";" at line end)
 *   run as they come: a schema statement (CREATE/DROP … INDEX|CONSTRAINT, CALL db.awaitIndexes)
 *   in a transaction of its own, a batched one (CALL { … } IN TRANSACTIONS) as an auto-commit
 *   query that commits its own batches, every other statement in a write transaction of its own.
 *   A file of data statements only runs in ONE transaction together with its ledger entry: all of it
 *   or nothing. Otherwise the entry is written after the last statement, so a migration that fails
 *   half-way runs again, whole, at the next start: write such migrations to be re-runnable
 *   (IF NOT EXISTS, MERGE, WHERE … IS NULL).
 * - One process migrates at a time (one API container; the commands do not migrate).
 * - The idempotent cypher/schema/*.cypher files still run first at every start (applySchema).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { cypher, statements, toNumber } from "./cypher.js";

export interface Migration {
  /** The file name without .cypher, e.g. 003_pairing_status_index. */
  id: string;
  number: number;
  name: string;
  file: string;
  checksum: string;
  statements: string[];
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

const FILE = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_-]*)\.cypher$/;
const SCHEMA =
  /^(?:(?:CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?:(?:RANGE|TEXT|POINT|FULLTEXT|VECTOR|LOOKUP|BTREE)\s+)?(?:CONSTRAINT|INDEX)\b|CALL\s+db\.awaitIndex(?:es)?\b)/i;
const BATCHED = /\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/i;

export type StatementKind = "schema" | "batched" | "data";

export function statementKind(statement: string): StatementKind {
  if (SCHEMA.test(statement.trim())) return "schema";
  if (BATCHED.test(statement)) return "batched";
  return "data";
}

export function checksumOf(text: string): string {
  return `sha256:${crypto.createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex")}`;
}

/** The migration files of a folder in order; any other .cypher file there is an error. */
export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  const migrations: Migration[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cypher"))) {
    const match = FILE.exec(file);
    if (!match) throw new MigrationError(`${path.join(dir, file)}: a migration's name must be NNN_name.cypher`);
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    migrations.push({
      id: file.slice(0, -".cypher".length),
      number: Number(match[1]),
      name: match[2]!.replace(/_/g, " "),
      file: path.join(dir, file),
      checksum: checksumOf(text),
      statements: statements(text),
    });
  }
  migrations.sort((a, b) => a.number - b.number || (a.id < b.id ? -1 : 1));
  for (let i = 1; i < migrations.length; i += 1) {
    if (migrations[i]!.number === migrations[i - 1]!.number) {
      throw new MigrationError(
        `two migrations share the number ${migrations[i]!.number}: ${migrations[i - 1]!.id} and ${migrations[i]!.id}; renumber the one not yet applied anywhere`,
      );
    }
  }
  return migrations;
}

interface LedgerEntry {
  id: string;
  checksum: string;
  appliedAt: string;
}

export async function readLedger(driver: Driver): Promise<LedgerEntry[]> {
  const { records } = await driver.executeQuery(
    cypher("platform/migration-ledger"),
    {},
    { routing: neo4j.routing.READ },
  );
  return records.map((r) => ({
    id: r.get("id") as string,
    checksum: r.get("checksum") as string,
    appliedAt: r.get("appliedAt") as string,
  }));
}

/** Nodes other than the ledger's: 0 on a fresh database (that then gets the sample region, not migrations). */
export async function nodesBesideLedger(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(
    cypher("platform/data-node-count"),
    {},
    { routing: neo4j.routing.READ },
  );
  return toNumber(records[0]!.get("nodes"));
}

/** Stops (MigrationError) when the ledger and the files disagree on what was applied. */
function verify(ledger: LedgerEntry[], migrations: Migration[], dir: string): void {
  const byId = new Map(migrations.map((m) => [m.id, m]));
  for (const entry of ledger) {
    const migration = byId.get(entry.id);
    if (!migration) {
      throw new MigrationError(
        `the database has migration ${entry.id} (applied ${entry.appliedAt}) but ${dir} has no such file: the database is newer than this code, or the file was removed`,
      );
    }
    if (migration.checksum !== entry.checksum) {
      throw new MigrationError(
        `migration ${entry.id} was applied on ${entry.appliedAt} with checksum ${entry.checksum}, but ${path.relative(process.cwd(), migration.file) || migration.file} now has ${migration.checksum}; ` +
          `an applied migration must not change: restore the file and put the change in a new migration`,
      );
    }
  }
}

async function apply(driver: Driver, migration: Migration): Promise<void> {
  const started = Date.now();
  const record = (tx: { run: (q: string, p: Record<string, unknown>) => unknown }) =>
    tx.run(cypher("platform/migration-record"), {
      id: migration.id,
      name: migration.name,
      checksum: migration.checksum,
      statements: neo4j.int(migration.statements.length),
      durationMs: neo4j.int(Date.now() - started),
    });
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    if (migration.statements.every((s) => statementKind(s) === "data")) {
      await session.executeWrite(async (tx) => {
        for (const statement of migration.statements) await tx.run(statement);
        await record(tx);
      });
      return;
    }
    for (const [index, statement] of migration.statements.entries()) {
      try {
        const kind = statementKind(statement);
        if (kind === "batched") await session.run(statement);
        else await session.executeWrite((tx) => tx.run(statement));
      } catch (error) {
        throw new MigrationError(`migration ${migration.id}, statement ${index + 1}: ${(error as Error).message}`);
      }
    }
    await session.executeWrite((tx) => record(tx));
  } finally {
    await session.close();
  }
}

/** Checks the ledger, then applies the pending migrations of `dir` in order. */
export async function applyMigrations(
  driver: Driver,
  dir: string,
  log: (line: string) => void = () => {},
): Promise<MigrationReport> {
  const migrations = readMigrations(dir);
  await driver.executeQuery(cypher("platform/migration-constraint"));
  const ledger = await readLedger(driver);
  verify(ledger, migrations, dir);
  const done = new Set(ledger.map((e) => e.id));
  const applied: string[] = [];
  for (const migration of migrations.filter((m) => !done.has(m.id))) {
    const started = Date.now();
    try {
      await apply(driver, migration);
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(`migration ${migration.id} failed: ${(error as Error).message}`);
    }
    applied.push(migration.id);
    log(`Migration ${migration.id} applied (${migration.statements.length} statements, ${Date.now() - started} ms)`);
  }
  return { applied, alreadyApplied: ledger.length };
}
