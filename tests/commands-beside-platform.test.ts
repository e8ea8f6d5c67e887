/**
 * The README's commands beside a running platform (issue 19, item 8): the platform is started
 * as `npm start` starts it (src/main.ts, its own local Neo4j on a throwaway home and port), and
 * while it runs, token, seed, import, export, load, backup and analytics run as child processes
 * on the same home: each uses the running local Neo4j, and the platform serves what they wrote.
 * Restore cannot load into a platform's graph: it says why in one line. No command prints a stack trace.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.js";
import { formatCsv } from "../src/exchange/csv.js";
import { SeedBuilder } from "../src/seed/seed-file.js";
import { freePort } from "../scripts/free-port.js";
import { TEST_JWT_SECRET, tokenFor } from "./helpers.js";

const LAIXI = "370285000000";
const TOWN = "370285101000";
const VILLAGES = 4;

/**
 * A seed file of a few villages of Laixi, the first without a village Party organization (a
 * gap to export): what the commands do is the test, not the sample's size (tests/seed.test.ts loads that).
 */
function besideSeed(file: string): void {
  const s = new SeedBuilder();
  s.node("Region", { code: LAIXI, name: "莱西市", level: "DISTRICT", status: "ACTIVE" });
  s.node("Region", { code: TOWN, name: "水集街道", level: "TOWN", status: "ACTIVE" });
  s.rel("PART_OF", ["Region", TOWN], ["Region", LAIXI]);
  for (let n = 1; n <= VILLAGES; n += 1) {
    const code = `${TOWN.slice(0, 9)}${200 + n}`;
    s.node("Region", { code, name: `旁路测试村${n}`, level: "VILLAGE", status: "ACTIVE" });
    s.rel("PART_OF", ["Region", code], ["Region", TOWN]);
    if (n === 1) continue;
    s.node("PartyOrganization", {
      id: `beside-v${n}`,
      name: `旁路测试村${n}党支部`,
      kind: "BRANCH",
      category: "VILLAGE",
      status: "ACTIVE",
    });
    s.rel("BASED_IN", ["PartyOrganization", `beside-v${n}`], ["Region", code]);
  }
  fs.writeFileSync(file, JSON.stringify(s.build({ name: "beside", description: "", referenceDate: "2026-11-15" })));
}
let home = "";
let work = "";
let env: NodeJS.ProcessEnv;
let platform: ChildProcess | undefined;
let url = "";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A command as `npm run <script>` runs it (node with tsx's loader), with the platform's settings. */
function run(script: string, args: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Ran beside the platform: it used the running local Neo4j (not a second one) and printed no stack trace. */
function besidePlatform(result: Run): void {
  expect(result.status, result.stderr).toBe(0);
  const output = result.stdout + result.stderr;
  expect(output).toMatch(/Using the local Neo4j already running at bolt:\/\/127\.0\.0\.1:\d+/);
  expect(output).not.toMatch(/^\s+at /m);
}

async function gql(query: string, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token ?? (await tokenFor("ADMIN", [], "beside-admin"))}`,
    },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(PROJECT_ROOT, ".neo4j", "test-beside-"));
  work = path.join(home, "files");
  fs.mkdirSync(work, { recursive: true });
  const port = await freePort();
  env = {
    ...process.env,
    NEO4J_HOME: home,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: "512m",
    NEO4J_PAGECACHE_MB: "128",
    // A loaded machine (CI beside other work) can take longer than production's 30 s to load the sample in one transaction.
    LIMIT_TRANSACTION_TIMEOUT_MS: "120000",
    PORT: String(port),
    SEED_IF_EMPTY: "false",
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
  };
  delete env.NEO4J_URI;
  url = `http://127.0.0.1:${port}`;
  platform = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    platform!.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes("GraphQL API at")) resolve();
    });
    platform!.stderr!.on("data", (chunk) => (output += chunk));
    platform!.once("exit", (code) => reject(new Error(`the platform exited (${code}): ${output}`)));
  });
});

afterAll(async () => {
  if (platform && platform.exitCode === null) {
    const exited = new Promise((resolve) => platform!.once("exit", resolve));
    platform.kill("SIGINT"); // closes the server, the driver, then its local Neo4j
    await exited;
  }
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe("commands beside a running platform", () => {
  it("token mints a token the running platform accepts", async () => {
    const result = await run("token", ["--role", "ANALYST", "--region", LAIXI, "--subject", "beside-analyst"]);
    expect(result.status, result.stderr).toBe(0);
    const data = await gql("{ me { subject role regions } }", result.stdout.trim());
    expect(data.me).toEqual({ subject: "beside-analyst", role: "ANALYST", regions: [LAIXI] });
  });

  it("seed loads a seed file into the running platform's graph", async () => {
    const file = path.join(work, "beside.json");
    besideSeed(file);
    const result = await run("seed", [file]);
    besidePlatform(result);
    expect(result.stdout).toMatch(/beside\.json: \d+ nodes and \d+ relationships merged/);
    const data = await gql(`{ coverageReport(regionCode: "${LAIXI}") { villages { total withPartyOrg } } }`);
    expect(data.coverageReport.villages).toEqual({ total: VILLAGES, withPartyOrg: VILLAGES - 1 });
  }, 180_000);

  it("import writes a spreadsheet the platform then serves", async () => {
    const file = path.join(work, "Institution.csv");
    fs.writeFileSync(
      file,
      formatCsv([
        ["编号 id", "名称 name", "类型 kind", "所在区划 regionCode"],
        ["beside-inst", "旁路导入单位", "GOVERNMENT_AGENCY", LAIXI],
      ]),
    );
    const result = await run("import", [file]);
    besidePlatform(result);
    expect(result.stdout).toMatch(/Institution\.csv: 1 rows imported: Institution 1/);
    const data = await gql(`{ institutions(where: { id: { eq: "beside-inst" } }) { name } }`);
    expect(data.institutions).toEqual([{ name: "旁路导入单位" }]);
  }, 120_000);

  it("export writes the gap list from the running graph", async () => {
    const file = path.join(work, "gaps.xlsx");
    const result = await run("export", ["gaps", "--region", LAIXI, "--out", file]);
    besidePlatform(result);
    const { coverageGaps } = await gql(`{ coverageGaps(regionCode: "${LAIXI}") { totalCount } }`);
    expect(result.stdout).toContain(`${coverageGaps.totalCount} rows written to ${file}`);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("load bulk-loads a dataset folder, then rebuilds the kept analytics", async () => {
    const dir = path.join(work, "dataset");
    fs.mkdirSync(path.join(dir, "nodes"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "nodes", "Institution.ndjson"),
      `${JSON.stringify({ id: "beside-loaded", name: "旁路批量单位", kind: "SOE" })}\n`,
    );
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ files: { "nodes/Institution.ndjson": 1 } }));
    const result = await run("load", [dir]);
    besidePlatform(result);
    expect(result.stdout).toMatch(/^Loaded 1 nodes and 0 relationships/m);
    expect(result.stdout).toMatch(/^Analytics rebuilt: \d+ regions/m);
    const data = await gql(`{ institutions(where: { id: { eq: "beside-loaded" } }) { name } }`);
    expect(data.institutions).toEqual([{ name: "旁路批量单位" }]);
  }, 180_000);

  it("analytics verify finds what the platform keeps equal to a recomputation", async () => {
    const result = await run("analytics", ["verify"]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Verified: what is kept equals a recomputation from scratch/m);
  }, 180_000);

  it("backup writes the running graph online; restore says in one line why it cannot load into it", async () => {
    const file = path.join(work, "beside.jsonl.gz");
    const backup = await run("backup", ["--out", file]);
    besidePlatform(backup);
    expect(backup.stdout).toMatch(/beside\.jsonl\.gz: \d+ nodes .* relationships/);

    const restore = await run("restore", [file]);
    expect(restore.status).toBe(1);
    const lines = restore.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(
      /^Refusing to restore: the database at bolt:\/\/127\.0\.0\.1:\d+ is not empty \(\d+ nodes: [^\n]*\); restore needs an empty database\.$/,
    );
    // Besides that line, only the note saying which Neo4j it reached.
    expect(lines.slice(0, -1).every((line) => line.startsWith("Using the local Neo4j already running"))).toBe(true);
  }, 180_000);

  it("a command that fails says why in one line, without a stack trace", async () => {
    const result = await run("export", ["gaps", "--region", "370285999000", "--out", path.join(work, "none.csv")]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(/^Export failed: .*370285999000/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // The platform served throughout.
    expect((await fetch(`${url}/health`)).status).toBe(200);
  }, 120_000);
});
