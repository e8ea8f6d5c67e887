/**
 * Backup and restore, between two own graphs of the run (tests/global-setup.ts OWN_GRAPHS): the source holds
 * a town of the sample (沽河街道 with its district and city, and all that hangs on them), a
 * scenario and audit entries written through the API, and a probe node holding every property
 * type; it is backed up and restored into the other, and the fingerprints (platform/fingerprint
 * and the typed one) must be equal. Also: a non-empty database is refused, an encrypted round
 * trip, a wrong or missing key, a damaged file, a write during the backup, and the commands with
 * their retention count.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stateMark, writeBackup } from "../src/backup/backup.js";
import { BackupKeyError, ENCRYPTED_MAGIC } from "../src/backup/encryption.js";
import { BACKUP_FILE } from "../src/backup/format.js";
import {
  checkBackupFile,
  fingerprintOf,
  readBackupHeader,
  restoreBackup,
  RestoreRefusedError,
} from "../src/backup/restore.js";
import { encodeProperties } from "../src/backup/values.js";
import { PROJECT_ROOT } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { applySchema } from "../src/database/migrations.js";
import { loadSeed } from "../src/seed/loader.js";
import { emptyGraph, fingerprint, ownGraphUri, startTestPlatform, type TestPlatform } from "./helpers.js";
import { sampleTowns, TOWN as TOWNS, village } from "./fixtures/sample.js";

// The commands' processes, on a crowded machine.
vi.setConfig({ testTimeout: 180_000 });

const TOWN = TOWNS.沽河街道;
const PASSPHRASE = "correct horse battery staple of the backup test";
const HEX_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

let source: Driver;
let target: Driver;
/** The backups' source (the sample's town) and the restores' empty target. */
const sourceUri = ownGraphUri("backup-source");
const targetUri = ownGraphUri("backup-target");
let dir: string;
let platform: TestPlatform;

async function probe(): Promise<void> {
  await source.executeQuery(
    `MATCH (town:Region {code: $town})
     CREATE (p:BackupProbe:\`Odd \`\`Label\`\`\` {id: 'backup-probe',
       when: datetime('2026-11-15T10:30:00.123456789+08:00[Asia/Shanghai]'), at: datetime('2026-11-15T02:30:00Z'),
       offset: datetime('2026-11-15T10:30:00-03:30'), day: date('2026-11-15'), ancient: date('-0044-03-15'),
       local: localdatetime('2026-11-15T10:30:00'), clock: time('10:30:00.000000001+08:00'), localClock: localtime('10:30:00.5'),
       span: duration('P1Y2M3DT4H5M6.789S'), negativeSpan: duration('-PT1.5S'),
       place: point({longitude: 120.5, latitude: 36.8}), place3d: point({x: 1.0, y: 2.0, z: 3.0}),
       big: 9007199254740993, negative: -42, whole: 3.0, ratio: 0.1, nan: 0.0 / 0.0, inf: -1.0 / 0.0, flag: false,
       names: ['甲', '乙', 'quote " and \`tick\`'], counts: [1, 2, 3], weights: [1.0, 2.5], days: [date('2020-01-01'), date('2020-02-29')],
       empty: [], text: '名称 "quoted"\nnext line', bytes: $bytes})
     CREATE (p)-[:\`PROBES of\` {since: date('2026-01-01'), weight: 1.0, steps: [1, 2]}]->(town)
     CREATE (p)-[:PROBES_ITSELF]->(p)`,
    { town: TOWN, bytes: new Uint8Array([0, 1, 2, 253, 254, 255]) },
  );
}

async function nodeCount(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (n) RETURN count(n) AS n");
  return records[0]!.get("n").toNumber();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
  source = await connect({ uri: sourceUri, user: "neo4j", password: "neo4j" });
  target = await connect({ uri: targetUri, user: "neo4j", password: "neo4j" });
  await applySchema(source);
  await loadSeed(source, sampleTowns([TOWN]));
  platform = await startTestPlatform({ NEO4J_URI: sourceUri });
  // A scenario and its audit entry, written the way users write them.
  const saved = await platform.ok(
    `mutation($input: MergeInput!) { saveMergeScenario(input: $input, name: "备份测试方案") { id } }`,
    {
      input: { townCode: TOWN, groups: [{ name: "备份测试新村", villageCodes: [village(TOWN, 1), village(TOWN, 2)] }] },
    },
  );
  expect(saved.saveMergeScenario.id).toEqual(expect.any(String));
  await probe();
}, 240_000);

afterAll(async () => {
  await platform?.stop();
  await source?.close();
  await target?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup", () => {
  let file: string;

  it("writes every label, relationship type and property of the graph with the fingerprints and schema in its header", async () => {
    file = path.join(dir, "plain.jsonl.gz");
    const progress: number[] = [];
    const result = await writeBackup(source, {
      file,
      sourceUri: "test",
      onProgress: (done) => void progress.push(done),
    });
    const { header } = result;
    expect(result.attempts).toBe(1);
    expect(header.format).toBe("qingdao-org-graph-backup");
    expect(header.counts.labels).toMatchObject({
      AuditEntry: expect.any(Number),
      MergeScenario: expect.any(Number),
      ProposedVillage: expect.any(Number),
      BackupProbe: 1,
      "Odd `Label`": 1,
    });
    expect(header.counts.types).toMatchObject({ "PROBES of": 1, PROBES_ITSELF: 1, PART_OF: expect.any(Number) });
    expect(header.fingerprint).toEqual(await fingerprint(source));
    expect(header.propertyTypes.nodes).toEqual(
      expect.arrayContaining([
        { labels: ["BackupProbe", "Odd `Label`"], property: "day", type: "DATE NOT NULL", count: 1 },
        { labels: ["BackupProbe", "Odd `Label`"], property: "when", type: "ZONED DATETIME NOT NULL", count: 1 },
        { labels: ["BackupProbe", "Odd `Label`"], property: "whole", type: "FLOAT NOT NULL", count: 1 },
        { labels: ["Region"], property: "location", type: "POINT NOT NULL", count: expect.any(Number) },
      ]),
    );
    expect(header.propertyTypes.relationships).toContainEqual({
      relationshipType: "PROBES of",
      property: "since",
      type: "DATE NOT NULL",
      count: 1,
    });
    expect(header.schema.map((s) => s.name)).toEqual(
      expect.arrayContaining(["region_code", "audit_entry_id", "region_location"]),
    );
    expect(progress.at(-1)).toBe(header.counts.nodes + header.counts.relationships);
    const checked = await checkBackupFile(file);
    expect(checked).toMatchObject({ nodes: header.counts.nodes, relationships: header.counts.relationships });
    // Open format: gzip, then one JSON object per line.
    expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it("restores into an empty Neo4j: schema first, then the graph with equal fingerprints and exact property types", async () => {
    const result = await restoreBackup(target, { file, targetUri, batchSize: 1000 });
    expect(result.matches).toBe(true);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
    expect(await fingerprintOf(target)).toEqual(await fingerprintOf(source));
    const props = async (driver: Driver) =>
      encodeProperties(
        (await driver.executeQuery("MATCH (p:BackupProbe) RETURN properties(p) AS p")).records[0]!.get("p"),
      );
    const restored = await props(target);
    expect(restored).toEqual(await props(source));
    expect(restored).toMatchObject({
      day: { $date: "2026-11-15" },
      big: { $int: "9007199254740993" },
      whole: { $float: 3 },
      counts: [1, 2, 3],
    });
    const schema = async (driver: Driver) =>
      (await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")).records[0]!.get(
        "names",
      ).sort();
    expect(await schema(target)).toEqual(await schema(source));
  });

  it("refuses a database that is not empty, in one line, and writes nothing", async () => {
    const before = await fingerprint(target);
    const refusal = restoreBackup(target, { file, targetUri });
    await expect(refusal).rejects.toBeInstanceOf(RestoreRefusedError);
    await expect(refusal).rejects.toThrow(
      /^Refusing to restore: the database at .* is not empty \(\d+ nodes: .*\); restore needs an empty database\.$/,
    );
    expect(await fingerprint(target)).toEqual(before);
  });

  it("encrypts with the operator's key and restores with it; a wrong or missing key is refused before the database is touched", async () => {
    const encrypted = path.join(dir, "secret.jsonl.gz.enc");
    const result = await writeBackup(source, { file: encrypted, key: PASSPHRASE, sourceUri: "test" });
    const bytes = fs.readFileSync(encrypted);
    expect(bytes.subarray(0, ENCRYPTED_MAGIC.length)).toEqual(ENCRYPTED_MAGIC);
    expect(bytes.includes(Buffer.from("qingdao-org-graph-backup"))).toBe(false);
    await emptyGraph(target);

    await expect(
      restoreBackup(target, { file: encrypted, key: "another passphrase of enough length", targetUri }),
    ).rejects.toThrow(/BACKUP_KEY is not the key this backup was encrypted with/);
    await expect(restoreBackup(target, { file: encrypted, targetUri })).rejects.toThrow(BackupKeyError);
    await expect(restoreBackup(target, { file: encrypted, targetUri })).rejects.toThrow(/is encrypted: set BACKUP_KEY/);
    expect(await nodeCount(target)).toBe(0);

    const restored = await restoreBackup(target, { file: encrypted, key: PASSPHRASE, targetUri });
    expect(restored.matches).toBe(true);
    expect(restored.header.fingerprint).toEqual(result.header.fingerprint);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  });

  it("takes a raw 32-byte key, and stops at a changed byte or a file cut short", async () => {
    const encrypted = path.join(dir, "raw.jsonl.gz.enc");
    await writeBackup(source, { file: encrypted, key: HEX_KEY, sourceUri: "test" });
    expect((await readBackupHeader(encrypted, HEX_KEY)).format).toBe("qingdao-org-graph-backup");
    await expect(readBackupHeader(encrypted, HEX_KEY.replace(/^00/, "01"))).rejects.toThrow(/not the key/);
    const bytes = fs.readFileSync(encrypted);
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(path.join(dir, "damaged.enc"), damaged);
    await expect(checkBackupFile(path.join(dir, "damaged.enc"), HEX_KEY)).rejects.toThrow(/fails authentication/);
    fs.writeFileSync(path.join(dir, "short.enc"), bytes.subarray(0, bytes.length - 100));
    await expect(checkBackupFile(path.join(dir, "short.enc"), HEX_KEY)).rejects.toThrow(
      /cut short|fails authentication/,
    );
    const plain = fs.readFileSync(path.join(dir, "plain.jsonl.gz"));
    fs.writeFileSync(path.join(dir, "short.gz"), plain.subarray(0, plain.length - 200));
    await expect(checkBackupFile(path.join(dir, "short.gz"))).rejects.toThrow();
  });

  it("throws away an attempt during which a write committed, and backs up again", async () => {
    let wrote = false;
    const before = await stateMark(source);
    const result = await writeBackup(source, {
      file: path.join(dir, "busy.jsonl.gz"),
      sourceUri: "test",
      onProgress: async () => {
        if (wrote) return;
        wrote = true;
        await source.executeQuery("CREATE (:BackupProbe {id: 'written-during-backup'})");
      },
    });
    expect(await stateMark(source)).not.toBe(before);
    expect(result.attempts).toBe(2);
    expect(result.header.counts.labels.BackupProbe).toBe(2);
    expect(result.header.fingerprint).toEqual(await fingerprint(source));
    await source.executeQuery("MATCH (p:BackupProbe {id: 'written-during-backup'}) DELETE p");
  });
});

describe("the commands", () => {
  const run = (script: string, args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 120_000,
    });

  it("npm run backup writes a named file with a progress bar and keeps the newest --keep N", async () => {
    const out = path.join(dir, "folder");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "notes.txt"), "not a backup");
    // Two older backups (by the time in their names); --keep 2 leaves the newer of them and the new one.
    fs.writeFileSync(path.join(out, "graph-2020-01-01T00-00-00-000Z.jsonl.gz"), "old");
    fs.writeFileSync(path.join(out, "graph-2021-01-01T00-00-00-000Z.jsonl.gz.enc"), "newer");
    const backup = run("backup", ["--out", out, "--keep", "2"], { NEO4J_URI: sourceUri, BACKUP_KEY: HEX_KEY });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/100\.0% \d+\/\d+/);
    expect(backup.stdout).toMatch(/nodes .* relationships, .* MB, encrypted \(AES-256-GCM\)/);
    expect(backup.stdout).toMatch(
      /Kept the 2 newest backups in .*; removed graph-2020-01-01T00-00-00-000Z\.jsonl\.gz$/m,
    );
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual([
      "graph-2021-01-01T00-00-00-000Z.jsonl.gz.enc",
      expect.stringMatching(/^graph-20\d\d-.*Z\.jsonl\.gz\.enc$/),
      "notes.txt",
    ]);
    expect(files.filter((f) => BACKUP_FILE.test(f))).toHaveLength(2);
    const newest = path.join(out, files[1]!);

    const check = run("restore", [newest, "--check"], { BACKUP_KEY: HEX_KEY });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/a complete backup/);
    const refused = run("restore", [newest], { NEO4J_URI: targetUri, BACKUP_KEY: HEX_KEY });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /^Refusing to restore: the database at bolt:\/\/127\.0\.0\.1:\d+ is not empty \([^\n]*\); restore needs an empty database\.$/,
    );
    const wrongKey = run("restore", [newest], { NEO4J_URI: targetUri, BACKUP_KEY: HEX_KEY.replace(/^00/, "02") });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr.trim()).toMatch(
      /^Restore failed: cannot decrypt .*: BACKUP_KEY is not the key this backup was encrypted with$/,
    );
  });

  it("npm run restore loads into an empty database and confirms the fingerprint", async () => {
    await emptyGraph(target);
    const file = path.join(dir, "plain.jsonl.gz");
    const restore = run("restore", [file, "--batch", "2500"], { NEO4J_URI: targetUri });
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(
      /^Restored \d+ nodes and \d+ relationships .* fingerprint [0-9a-f]+ and property types match the backup's\.$/m,
    );
    expect(restore.stdout).toMatch(/^Analytics rebuilt: \d+ regions/m);
    expect(await fingerprint(target)).toEqual((await readBackupHeader(file)).fingerprint);
  });
});

describe("values", () => {
  it("keep integers and floats apart", async () => {
    const { records } = await source.executeQuery(
      "RETURN 1 AS i, 1.0 AS f, [1.0] AS fl",
      {},
      { routing: neo4j.routing.READ },
    );
    expect(encodeProperties(records[0]!.toObject())).toEqual({ i: 1, f: { $float: 1 }, fl: [{ $float: 1 }] });
  });
});
