/**
 * Restores a backup file (npm run backup) into an EMPTY database: NEO4J_URI, else the local Neo4j
 * that is running on NEO4J_HOME, else the embedded one started here on NEO4J_HOME.
 *
 *   npm run restore -- backups/graph-2026-11-15T10-30-00-000Z.jsonl.gz
 *   NEO4J_HOME=.neo4j/drill NEO4J_BOLT_PORT=7688 npm run restore -- backups/….jsonl.gz.enc   # BACKUP_KEY set
 *   npm run restore -- backups/….jsonl.gz --check    # reads and checks the whole file, touches no database
 *
 * Applies the schema first, loads in batches (--batch, default 10,000 per transaction) with a
 * progress bar, then compares the graph's fingerprint with the backup's, and rebuilds the kept
 * analytics (derived; src/coverage/kept). Exit code 1 with a
 * one-line reason when the database is not empty, the key is wrong, the file is damaged, or the
 * fingerprints differ.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { rebuildAfterBulkWrite } from "../src/coverage/kept/coverage.store.js";
import { backupKeyFromEnv } from "../src/backup/encryption.js";
import { progressBar } from "../src/backup/progress.js";
import { checkBackupFile, restoreBackup, RestoreRefusedError } from "../src/backup/restore.js";
import { loadConfig } from "../src/config.js";
import { openDatabaseForTool } from "../src/database/attach.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { batch: { type: "string", default: "10000" }, check: { type: "boolean" } },
});
if (positionals.length !== 1) {
  console.error("usage: npm run restore -- <backup file> [--batch 10000] [--check]");
  process.exit(2);
}
const file = path.resolve(positionals[0]!);

try {
  const key = backupKeyFromEnv();
  if (values.check) {
    const { header, nodes, relationships } = await checkBackupFile(file, key);
    console.log(
      `${file}: a complete backup of ${header.createdAt} from ${header.source.uri} (Neo4j ${header.source.neo4j}): ${nodes} nodes, ${relationships} relationships, fingerprint ${header.fingerprint.hash}`,
    );
  } else {
    const batchSize = Number(values.batch);
    if (!(Number.isInteger(batchSize) && batchSize > 0))
      throw new Error(`--batch must be a positive whole number, got ${values.batch}`);
    const config = loadConfig();
    const database = await openDatabaseForTool(config, (line) => console.error(line));
    const bar = progressBar();
    try {
      const result = await restoreBackup(database.driver, {
        file,
        key,
        batchSize,
        targetUri: database.uri,
        onProgress: (done, total, what) => bar.update(done, total, what),
        log: (line) => {
          bar.finish();
          console.error(line);
        },
      });
      bar.finish();
      if (!result.matches) {
        const types =
          JSON.stringify(result.propertyTypes) === JSON.stringify(result.header.propertyTypes)
            ? "the same"
            : "different";
        console.error(
          `Restore finished but the graph differs from the backup: fingerprint ` +
            `${result.fingerprint.nodes} nodes / ${result.fingerprint.relationships} relationships / ${result.fingerprint.hash} ` +
            `instead of ${result.header.fingerprint.nodes} / ${result.header.fingerprint.relationships} / ${result.header.fingerprint.hash}, ${types} property types`,
        );
        process.exitCode = 1;
      } else {
        console.log(
          `Restored ${result.nodes} nodes and ${result.relationships} relationships from ${file} (made ${result.header.createdAt}) into ${database.uri} ` +
            `in ${result.seconds.toFixed(1)} s; fingerprint ${result.fingerprint.hash} and property types match the backup's.`,
        );
        // The kept analytics came back as they were; changes that waited in the backup name the
        // old database's element ids, so they are rebuilt from the restored graph.
        console.log(await rebuildAfterBulkWrite(database.driver, config.rules));
      }
    } finally {
      bar.finish();
      await database.close();
    }
  }
} catch (error) {
  console.error(error instanceof RestoreRefusedError ? error.message : `Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
