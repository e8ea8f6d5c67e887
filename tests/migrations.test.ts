/**
 * Versioned migrations, on an own graph of the run (tests/global-setup.ts OWN_GRAPHS) restored from a backup of two towns of the
 * sample (姜山镇 and 夏格庄镇, with Laixi and Qingdao above them): start applies the pending migrations in order (a schema
 * statement and a batched backfill in one file, a data-only file in one transaction), records them
 * in the ledger and applies none twice; it refuses to start when an applied migration's file
 * changed or is gone, and a failing data migration leaves nothing behind. A fresh database gets
 * the sample after the migrations, not migrated.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { writeBackup } from "../src/backup/backup.js";
import { restoreBackup } from "../src/backup/restore.js";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { checksumOf, readLedger, statementKind } from "../src/database/versioned-migrations.js";
import { startPlatform } from "../src/server.js";
import { loadSeed } from "../src/seed/loader.js";
import { emptyGraph, fingerprint, ownGraphUri, TEST_JWT_SECRET } from "./helpers.js";
import { sampleTowns, TOWN } from "./fixtures/sample.js";

const TOWNS = [TOWN.姜山镇, TOWN.夏格庄镇];

const M001 = `// A flag on every village: an index (schema) and a batched backfill (data), in separate transactions.
CREATE INDEX region_migrated IF NOT EXISTS FOR (n:Region) ON (n.migrated);
MATCH (r:Region) WHERE r.level = 'VILLAGE' AND r.migrated IS NULL
CALL (r) { SET r.migrated = true } IN TRANSACTIONS OF 50 ROWS;
`;
const M002 = `// Data only: one transaction with its ledger entry.
MATCH (o:PartyOrganization {category: 'VILLAGE'}) SET o.reviewedOn = date('2026-12-01');
MATCH (p:Person) WHERE p.points IS NULL SET p.points = 0;
`;
const M003 = `MATCH (r:Region {level: 'TOWN'}) SET r.pendingFlag = true;
`;
const M004 = `MATCH (r:Region {level: 'TOWN'}) SET r.halfWay = true;
UNWIND [1, 0] AS d RETURN 1 / d AS boom;
`;

const uri = ownGraphUri("migrations");
let driver: Driver;
let dir: string;
let migrations: string;

const count = async (query: string) => (await driver.executeQuery(query)).records[0]!.get(0).toNumber() as number;

async function start(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const platform = await startPlatform(
    loadConfig({
      NEO4J_URI: uri,
      PORT: "0",
      SEED_IF_EMPTY: "false",
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      MIGRATIONS_DIR: migrations,
      // What is tested is the migrations; kept analytics would rebuild the restored graph at every start.
      ANALYTICS: "scratch",
      ...env,
    }),
    (line) => lines.push(line),
  );
  await platform.stop();
  return lines;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-test-"));
  migrations = path.join(dir, "migrations");
  fs.mkdirSync(migrations);
  // Part of today's sample, as a backup of it restores it.
  driver = await connect({ uri, user: "neo4j", password: "neo4j" });
  await loadSeed(driver, sampleTowns(TOWNS));
  const file = path.join(dir, "sample.jsonl.gz");
  await writeBackup(driver, { file, sourceUri: "test" });
  await emptyGraph(driver);
  const restored = await restoreBackup(driver, { file, targetUri: uri });
  expect(restored.matches).toBe(true);
}, 240_000);

afterAll(async () => {
  await driver?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("statements", () => {
  it("are told apart: schema, batched, data", () => {
    expect(statementKind("CREATE INDEX x IF NOT EXISTS FOR (n:A) ON (n.b)")).toBe("schema");
    expect(statementKind("create constraint y for (n:A) require n.id is unique")).toBe("schema");
    expect(statementKind("CREATE TEXT INDEX t FOR (n:A) ON (n.b)")).toBe("schema");
    expect(statementKind("DROP INDEX x IF EXISTS")).toBe("schema");
    expect(statementKind("CALL db.awaitIndexes(300)")).toBe("schema");
    expect(statementKind("MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 100 ROWS")).toBe("batched");
    expect(statementKind("MATCH (n:A) SET n.created = true")).toBe("data");
    expect(statementKind("CREATE (n:IndexCard {name: 'INDEX'})")).toBe("data");
  });
});

describe("on a database restored from a backup of part of the sample", () => {
  it("applies the pending migrations in order, records each with its checksum, and applies none twice", async () => {
    fs.writeFileSync(path.join(migrations, "001_village_flag.cypher"), M001);
    fs.writeFileSync(path.join(migrations, "002_review_date.cypher"), M002);
    const villages = await count("MATCH (r:Region {level: 'VILLAGE'}) RETURN count(r)");
    expect(villages).toBeGreaterThan(100);
    expect(await count("MATCH (r:Region) WHERE r.migrated IS NOT NULL RETURN count(r)")).toBe(0);

    const lines = await start();
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Migration 001_village_flag applied \(2 statements/),
        expect.stringMatching(/^Migration 002_review_date applied/),
        "Migrations: 2 applied now, 0 before",
      ]),
    );
    expect(lines.findIndex((l) => l.startsWith("Migration 001"))).toBeLessThan(
      lines.findIndex((l) => l.startsWith("Migration 002")),
    );
    const ledger = await readLedger(driver);
    expect(ledger.map((e) => [e.id, e.checksum])).toEqual([
      ["001_village_flag", checksumOf(M001)],
      ["002_review_date", checksumOf(M002)],
    ]);
    expect(await count("MATCH (r:Region {level: 'VILLAGE', migrated: true}) RETURN count(r)")).toBe(villages);
    expect(
      await count(
        "MATCH (o:PartyOrganization {category: 'VILLAGE'}) WHERE o.reviewedOn = date('2026-12-01') RETURN count(o)",
      ),
    ).toBeGreaterThan(100);
    expect(await count("SHOW INDEXES YIELD name WHERE name = 'region_migrated' RETURN count(*)")).toBe(1);
    expect(
      await count("MATCH (m:Migration) WHERE m.appliedAt IS :: ZONED DATETIME AND m.statements = 2 RETURN count(m)"),
    ).toBe(2);

    const before = await fingerprint(driver);
    expect(await start()).toContain("Migrations: 0 applied now, 2 before");
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("refuses to start when an applied migration's file changed, and applies nothing", async () => {
    fs.appendFileSync(path.join(migrations, "001_village_flag.cypher"), "// an edit after the fact\n");
    fs.writeFileSync(path.join(migrations, "003_pending_flag.cypher"), M003);
    const before = await fingerprint(driver);
    await expect(start()).rejects.toThrow(
      /^migration 001_village_flag was applied on \S+ with checksum sha256:[0-9a-f]{64}, but \S*001_village_flag\.cypher now has sha256:[0-9a-f]{64}; an applied migration must not change: restore the file and put the change in a new migration$/,
    );
    expect(await fingerprint(driver)).toEqual(before);
    expect((await readLedger(driver)).map((e) => e.id)).toEqual(["001_village_flag", "002_review_date"]);

    // The server process says so and exits.
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: uri,
        PORT: "0",
        SEED_IF_EMPTY: "false",
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        MIGRATIONS_DIR: migrations,
      },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Could not start: migration 001_village_flag was applied on .* with checksum .* an applied migration must not change/m,
    );
  });

  it("refuses to start when the database has a migration this code does not", async () => {
    fs.writeFileSync(path.join(migrations, "001_village_flag.cypher"), M001);
    fs.renameSync(path.join(migrations, "002_review_date.cypher"), path.join(dir, "002_review_date.cypher"));
    await expect(start()).rejects.toThrow(
      /^the database has migration 002_review_date \(applied .*\) but .* has no such file: the database is newer than this code/,
    );
    fs.renameSync(path.join(dir, "002_review_date.cypher"), path.join(migrations, "002_review_date.cypher"));
  });

  it("applies a restored file's pending migration; a failing data-only migration leaves nothing and is not recorded", async () => {
    fs.writeFileSync(path.join(migrations, "004_half_way.cypher"), M004);
    onTestFinished(() => fs.rmSync(path.join(migrations, "004_half_way.cypher"), { force: true })); // the next tests start without it
    await expect(start()).rejects.toThrow(/migration 004_half_way failed: .*\/ by zero/i);
    // 003 went in before 004 failed; nothing of 004 did.
    expect((await readLedger(driver)).map((e) => e.id)).toEqual([
      "001_village_flag",
      "002_review_date",
      "003_pending_flag",
    ]);
    // Every town of the restored graph (the sample's, and any other test's left in the shared Neo4j).
    expect(await count("MATCH (r:Region {level: 'TOWN', pendingFlag: true}) RETURN count(r)")).toBe(
      await count("MATCH (r:Region {level: 'TOWN'}) RETURN count(r)"),
    );
    expect(await count("MATCH (r:Region) WHERE r.halfWay IS NOT NULL RETURN count(r)")).toBe(0);
    fs.rmSync(path.join(migrations, "004_half_way.cypher"));
    expect(await start()).toContain("Migrations: 0 applied now, 3 before");
  });
});

describe("on a fresh database", () => {
  it("applies the migrations, then loads the sample as it is (not migrated)", async () => {
    await emptyGraph(driver);
    const lines = await start({ SEED_IF_EMPTY: "true" });
    expect(lines).toContain("Migrations: 3 applied now, 0 before");
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Empty database: loaded the sample region/)]));
    expect(await count("MATCH (r:Region {level: 'VILLAGE'}) RETURN count(r)")).toBeGreaterThan(100);
    expect(await count("MATCH (r:Region) WHERE r.migrated IS NOT NULL RETURN count(r)")).toBe(0);
    expect((await readLedger(driver)).map((e) => e.id)).toEqual([
      "001_village_flag",
      "002_review_date",
      "003_pending_flag",
    ]);
  }, 180_000); // the whole sample, loaded by MERGE in one transaction
});
