/**
 * The API as its own process, started as `npm start` starts it: `node --import tsx src/main.ts`
 * with the heap cap of package.json's `config.apiHeapMb` (which the Dockerfile repeats), so that
 * the benchmarks measure the memory a user's platform may take.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.js";

export const API_HEAP_MB = Number(
  (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { config: { apiHeapMb: string } })
    .config.apiHeapMb,
);

export function spawnApi(options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, [`--max-old-space-size=${API_HEAP_MB}`, "--import", "tsx", "src/main.ts"], {
    cwd: PROJECT_ROOT,
    ...options,
  });
}
