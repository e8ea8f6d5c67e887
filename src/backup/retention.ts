/** The retention count: keeps the newest N backup files of a folder (names carry their time). */
import fs from "node:fs";
import path from "node:path";
import { BACKUP_FILE } from "./format.js";

/** Deletes all but the `keep` newest files named like backups in `dir`; returns the deleted paths. Other files are left alone. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`--keep must be a whole number of at least 1, got ${keep}`);
  const backups = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort()
    .reverse();
  const removed = backups.slice(keep).map((name) => path.join(dir, name));
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}
