/**
 * Writes a backup of the whole graph (docs/backup-format.md), online, from the configured Neo4j:
 * NEO4J_URI, else the local Neo4j that `npm start` is running, else the embedded one started here.
 *
 *   npm run backup                                   # backups/graph-<time>.jsonl.gz
 *   npm run backup -- --out /backups --keep 14       # keep the 14 newest backups of that folder
 *   BACKUP_KEY=$(cat key.hex) npm run backup         # encrypted: …jsonl.gz.enc
 *   npm run backup -- --out today.jsonl.gz           # a file name instead of a folder
 *
 * Prints a progress bar on stderr and a summary; exit code 1 with a one-line reason on failure.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeBackup } from "../src/backup/backup.js";
import { backupKeyFromEnv, checkBackupKey } from "../src/backup/encryption.js";
import { backupFileName } from "../src/backup/format.js";
import { progressBar } from "../src/backup/progress.js";
import { pruneBackups } from "../src/backup/retention.js";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { openDatabaseForTool } from "../src/database/attach.js";

const { values } = parseArgs({
  options: { out: { type: "string" }, keep: { type: "string" }, retries: { type: "string", default: "5" } },
});

try {
  const key = backupKeyFromEnv();
  if (key) checkBackupKey(key);
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1))
    throw new Error(`--keep must be a whole number of at least 1, got ${values.keep}`);
  const out = path.resolve(values.out ?? process.env.BACKUP_DIR ?? path.join(PROJECT_ROOT, "backups"));
  const isFile = /\.(gz|enc)$/.test(out) && !(fs.existsSync(out) && fs.statSync(out).isDirectory());
  const dir = isFile ? path.dirname(out) : out;
  fs.mkdirSync(dir, { recursive: true });
  const file = isFile ? out : path.join(dir, backupFileName(new Date(), Boolean(key)));

  const database = await openDatabaseForTool(loadConfig(), (line) => console.error(line));
  const bar = progressBar();
  try {
    const result = await writeBackup(database.driver, {
      file,
      key,
      sourceUri: database.uri,
      retries: Number(values.retries),
      onProgress: (done, total, what) => bar.update(done, total, what),
      onRetry: (n) => {
        bar.finish();
        console.error(`The graph changed during attempt ${n}; backing up again…`);
      },
    });
    bar.finish();
    const { header } = result;
    const labels = Object.entries(header.counts.labels)
      .map(([label, n]) => `${label} ${n}`)
      .join(", ");
    console.log(
      `${result.file}: ${header.counts.nodes} nodes (${labels}) and ${header.counts.relationships} relationships, ` +
        `${(result.bytes / 1e6).toFixed(2)} MB${key ? ", encrypted (AES-256-GCM)" : ""}, in ${result.seconds.toFixed(1)} s; fingerprint ${header.fingerprint.hash}`,
    );
    if (keep !== undefined) {
      const removed = pruneBackups(dir, keep);
      console.log(
        `Kept the ${keep} newest backups in ${dir}${removed.length ? `; removed ${removed.map((f) => path.basename(f)).join(", ")}` : ""}`,
      );
    }
  } finally {
    bar.finish();
    await database.close();
  }
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
