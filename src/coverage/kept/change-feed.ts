/**
 * Whether this Neo4j records what every transaction touched (scripts/neo4j/ChangeFeed.java):
 * the embedded launcher and a server with the plugin do; a managed Neo4j that allows no plugin
 * does not, and then every answer is computed from scratch (and remembered until the graph changes).
 */
import type { Driver } from "neo4j-driver";
import type { RuleThresholds } from "../../config.js";
import { cypher } from "../../database/cypher.js";
import { CoverageStore } from "./coverage.store.js";

export type AnalyticsMode = "auto" | "scratch";

/** Commits a probe node alone and looks for its change record (twice: another process may take the first). */
export async function changeFeedIsLive(driver: Driver): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const { records } = await driver.executeQuery(cypher("analytics/probe"));
    const id = records[0]!.get("id") as string;
    const result = await driver.executeQuery(cypher("analytics/probe-result"), { id });
    if (result.records[0]!.get("recorded") === true) return true;
  }
  return false;
}

/** The kept analytics, brought up to date, or null when they cannot be kept current here. */
export async function openCoverageStore(
  driver: Driver,
  rules: RuleThresholds,
  mode: AnalyticsMode,
  log: (line: string) => void,
): Promise<CoverageStore | null> {
  if (mode === "scratch") {
    log("Analytics: computed from scratch (ANALYTICS=scratch)");
    return null;
  }
  if (!(await changeFeedIsLive(driver))) {
    log(
      "Analytics: this Neo4j has no change feed (plugin scripts/neo4j/ChangeFeed.java), so answers are computed from scratch",
    );
    return null;
  }
  const store = new CoverageStore(driver, rules, log);
  const started = Date.now();
  const ready = await store.current();
  log(
    `Analytics: kept current by the change feed (${ready ? `ready after ${Date.now() - started} ms` : "another process is rebuilding them; answers are computed meanwhile"})`,
  );
  return store;
}
