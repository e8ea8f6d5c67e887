/**
 * The embedded local Neo4j: Neo4j 5.26 Community + APOC core, resolved from Maven Central
 * by scripts/neo4j/pom.xml and run by scripts/neo4j/Neo4jLauncher.java.
 *
 * Contract:
 * - `startLocalNeo4j` resolves the classpath once (cached in .neo4j/cache, keyed by the pom),
 *   refuses a busy Bolt port, starts the launcher and resolves when Bolt answers.
 * - `startLocalNeo4js` does the same for several homes in one JVM, which then compiles the code
 *   they all run once (a test run's graphs): they share its heap and its life.
 * - `stop()` closes the launcher's stdin, which shuts the DBMSes down cleanly; if the parent
 *   dies instead (even by SIGKILL), the closed pipe has the same effect, so no orphan keeps
 *   the store locked and nothing acknowledged is lost.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PROJECT_ROOT, type LocalNeo4jConfig } from "../config.js";

const LAUNCHER_DIR = path.join(PROJECT_ROOT, "scripts", "neo4j");
const CACHE_DIR = path.join(PROJECT_ROOT, ".neo4j", "cache");
const APOC_JAR = /\/org\/neo4j\/procedure\/apoc-(core|common)\/[^/]+\/[^/]+\.jar$/;
/** The launcher and the analytics change feed (a kernel extension), compiled together. */
const JAVA_SOURCES = ["Neo4jLauncher.java", "ChangeFeed.java"];
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

export interface LocalNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

export class LocalNeo4jError extends Error {
  override name = "LocalNeo4jError";
}

function requireTool(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError(
      `${what} is needed to run the local Neo4j but "${command} ${args.join(" ")}" failed` +
        ` (${probe.error?.message ?? probe.stderr.trim()}). Install it, or set NEO4J_URI to use another Neo4j.`,
    );
  }
}

/** Classpath of Neo4j + APOC and the compiled launcher, built once per pom/launcher version. */
export function prepareRuntime(log: (line: string) => void): { classpath: string; apocJars: string[] } {
  const hash = createHash("sha256").update(fs.readFileSync(path.join(LAUNCHER_DIR, "pom.xml")));
  for (const source of JAVA_SOURCES) hash.update(fs.readFileSync(path.join(LAUNCHER_DIR, source)));
  const key = hash.digest("hex").slice(0, 16);
  const dir = path.join(CACHE_DIR, key);
  const cpFile = path.join(dir, "classpath.txt");
  const classesDir = path.join(dir, "classes");

  requireTool("java", ["-version"], "Java 17");
  if (!fs.existsSync(path.join(classesDir, "Neo4jLauncher.class")) || !fs.existsSync(cpFile)) {
    requireTool("mvn", ["-v"], "Apache Maven");
    log("Resolving Neo4j and APOC from Maven Central (first run only)…");
    fs.mkdirSync(dir, { recursive: true });
    const tmpCp = `${cpFile}.tmp`;
    const mvn = spawnSync(
      "mvn",
      [
        "-q",
        "-B",
        "-f",
        path.join(LAUNCHER_DIR, "pom.xml"),
        "dependency:build-classpath",
        `-Dmdep.outputFile=${tmpCp}`,
      ],
      { encoding: "utf8" },
    );
    if (mvn.status !== 0) {
      throw new LocalNeo4jError(`Maven could not resolve Neo4j/APOC:\n${mvn.stdout}${mvn.stderr}`);
    }
    const javac = spawnSync(
      "javac",
      // The ChangeFeed's @ServiceProvider is turned into a META-INF/services entry by Neo4j's
      // annotation processor, so the embedded DBMS loads the feed like a server loads a plugin.
      [
        "-cp",
        fs.readFileSync(tmpCp, "utf8").trim(),
        "-d",
        classesDir,
        ...JAVA_SOURCES.map((source) => path.join(LAUNCHER_DIR, source)),
      ],
      { encoding: "utf8" },
    );
    if (javac.status !== 0) throw new LocalNeo4jError(`Compiling the Neo4j launcher failed:\n${javac.stderr}`);
    fs.renameSync(tmpCp, cpFile);
  }
  const entries = fs.readFileSync(cpFile, "utf8").trim().split(path.delimiter);
  return {
    classpath: [classesDir, ...entries].join(path.delimiter),
    apocJars: entries.filter((entry) => APOC_JAR.test(entry)),
  };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A previous launcher of this home may still be shutting down after its parent died. */
async function waitForPreviousLauncher(pidFile: string, log: (line: string) => void): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  if (!Number.isInteger(pid) || !pidIsAlive(pid)) return;
  log(`Waiting for the previous local Neo4j (pid ${pid}) to finish shutting down…`);
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pidIsAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  if (pidIsAlive(pid)) {
    throw new LocalNeo4jError(`The local Neo4j of ${path.dirname(pidFile)} (pid ${pid}) is still running.`);
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startLocalNeo4j(
  config: LocalNeo4jConfig,
  log: (line: string) => void = (line) => console.log(line),
): Promise<LocalNeo4j> {
  const { uris, pid, stop } = await startLocalNeo4js(config, [config], log);
  return { uri: uris[0]!, pid, stop };
}

/** DBMSes of their own homes and ports in one JVM, with `shared`'s heap, page cache (each) and options. */
export async function startLocalNeo4js(
  shared: Omit<LocalNeo4jConfig, "home" | "boltPort">,
  homes: Array<Pick<LocalNeo4jConfig, "home" | "boltPort">>,
  log: (line: string) => void = (line) => console.log(line),
): Promise<{ uris: string[]; pid: number; stop(): Promise<void> }> {
  const { classpath, apocJars } = prepareRuntime(log);
  const pidFiles = homes.map(({ home }) => path.join(home, "launcher.pid"));
  for (const [i, { home, boltPort }] of homes.entries()) {
    const pluginsDir = path.join(home, "plugins");
    fs.mkdirSync(pluginsDir, { recursive: true });
    await waitForPreviousLauncher(pidFiles[i]!, log);
    if (!(await portIsFree(boltPort))) {
      throw new LocalNeo4jError(
        `Port ${boltPort} is already in use, so the local Neo4j cannot listen there. ` +
          `Stop whatever holds it, choose another port with NEO4J_BOLT_PORT, or point NEO4J_URI at a running Neo4j.`,
      );
    }
    for (const jar of apocJars) fs.copyFileSync(jar, path.join(pluginsDir, path.basename(jar)));
  }

  const logFile = path.join(homes[0]!.home, "launcher.log");
  const child = spawn(
    "java",
    [
      `-Xms${shared.heap}`,
      `-Xmx${shared.heap}`,
      "-XX:+UseG1GC",
      ...(shared.javaOptions ?? []),
      "-cp",
      classpath,
      "Neo4jLauncher",
      String(shared.pageCacheMb),
      String(shared.transactionTimeoutMs),
      ...homes.flatMap(({ home, boltPort }) => [home, String(boltPort)]),
    ],
    { stdio: ["pipe", "pipe", fs.openSync(logFile, "a")] },
  );
  for (const pidFile of pidFiles) fs.writeFileSync(pidFile, String(child.pid));
  const uris = homes.map(({ boltPort }) => `bolt://127.0.0.1:${boltPort}`);

  const timeoutMs = START_TIMEOUT_MS * homes.length;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new LocalNeo4jError(`The local Neo4j did not start within ${timeoutMs / 1000}s; see ${logFile}`));
    }, timeoutMs);
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (uris.every((uri) => output.includes(`READY ${uri}\n`))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      const tail = fs
        .readFileSync(logFile, "utf8")
        .split("\n")
        .filter((l) => !/^\s+at /.test(l))
        .slice(-15);
      reject(new LocalNeo4jError(`The local Neo4j exited (code ${code}) while starting:\n${tail.join("\n")}`));
    });
  });
  child.removeAllListeners("exit");

  let stopping: Promise<void> | undefined;
  return {
    uris,
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        child.stdin!.end();
        if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
          child.kill("SIGKILL");
          await waitForExit(child, 5_000);
        }
        for (const pidFile of pidFiles) fs.rmSync(pidFile, { force: true });
      })();
      return stopping;
    },
  };
}
