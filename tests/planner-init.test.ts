/**
 * Neo4j 5.26's Cypher planner can deadlock a fresh JVM: the three objects of a Scala trait
 * (expandSolverStep's IntoVsAllHeuristic: Avoid, Neutral, Prefer) each read the others while
 * their class is initialized, so two queries planning an expand at once, as clients reconnecting
 * right after a restart send them, can each begin one and wait for the other for ever; every later
 * query that plans an expand then waits behind them while Bolt still answers (a soak run's API hung
 * so after Neo4j was killed and started again). The change feed's extension initializes them when
 * Neo4j loads its extensions, before Bolt accepts anything (scripts/neo4j/ChangeFeed.java).
 *
 * Checked without a database: a JVM of its own on the local Neo4j's classpath races the three
 * initializations, each try in a class loader of its own so that they run anew, as after a restart.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareRuntime } from "../src/database/local-neo4j.js";

/** Prints "absent" (no such classes in this Neo4j), else "1 of N" at the first try that deadlocked, or "0 of N". */
const CHECK = `
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CyclicBarrier;

public class Check {
    static final String HEURISTIC =
            "org.neo4j.cypher.internal.compiler.planner.logical.idp.expandSolverStep$IntoVsAllHeuristic$";

    public static void main(String[] args) throws Exception {
        boolean extensions = args[0].equals("extensions");
        int tries = Integer.parseInt(args[1]);
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
            urls.add(new File(entry).toURI().toURL());
        int deadlocks = 0;
        for (int i = 0; i < tries; i++) {
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            try {
                Class.forName(HEURISTIC + "Avoid$", false, loader);
            } catch (ClassNotFoundException e) {
                System.out.println("absent");
                return;
            }
            // As Neo4j loads its extensions when its DBMS is built, before Bolt starts.
            if (extensions)
                for (Object factory : ServiceLoader.load(loader.loadClass("org.neo4j.kernel.extension.ExtensionFactory"), loader))
                    factory.getClass();
            String[] names = {"Avoid$", "Neutral$", "Prefer$"};
            CyclicBarrier barrier = new CyclicBarrier(names.length);
            List<Thread> threads = new ArrayList<>();
            for (String name : names) {
                Thread thread = new Thread(() -> {
                    try {
                        barrier.await();
                        Class.forName(HEURISTIC + name, true, loader);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            long deadline = System.currentTimeMillis() + 5_000;
            boolean stuck = false;
            for (Thread thread : threads) {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
                stuck |= thread.isAlive();
            }
            if (stuck) {
                deadlocks += 1;
                break; // one is proof enough
            }
        }
        System.out.println(deadlocks + " of " + tries);
        System.exit(0);
    }
}
`;

let dir: string;
let classpath: string;

beforeAll(() => {
  ({ classpath } = prepareRuntime(() => {}));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "planner-init-"));
  fs.writeFileSync(path.join(dir, "Check.java"), CHECK);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function race(mode: "bare" | "extensions", tries: number): string {
  const run = spawnSync("java", ["-cp", classpath, path.join(dir, "Check.java"), mode, String(tries)], {
    encoding: "utf8",
    timeout: 50_000,
  });
  if (run.status !== 0) throw new Error(`the check failed (${run.status ?? run.signal}): ${run.stderr}`);
  return run.stdout.trim();
}

describe("the Cypher planner's class initialization on a fresh JVM", () => {
  it("cannot deadlock once Neo4j has loaded the change feed's extension", () => {
    expect(["0 of 3", "absent"]).toContain(race("extensions", 3));
  });

  it("deadlocks without it (else this Neo4j no longer needs the extension's initialization)", () => {
    const result = race("bare", 5);
    if (result !== "absent") expect(result, "no try deadlocked: drop the initialization").not.toMatch(/^0 of/);
  });
});
