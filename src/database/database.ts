import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { connect } from "./driver.js";
import { startLocalNeo4j } from "./local-neo4j.js";

export interface Database {
  driver: Driver;
  uri: string;
  /** Whether this process started the Neo4j it uses (the embedded default). */
  local: boolean;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/** NEO4J_URI set: that server. Unset: the embedded local Neo4j, started here. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  const credentials = { user: config.neo4jUser, password: config.neo4jPassword };
  if (config.neo4jUri) {
    const driver = await connect({ uri: config.neo4jUri, ...credentials });
    return { driver, uri: config.neo4jUri, local: false, close: () => driver.close() };
  }
  const started = Date.now();
  const neo4j = await startLocalNeo4j(config.local, log);
  log(`Local Neo4j up at ${neo4j.uri} (data in ${config.local.home}) after ${Date.now() - started} ms`);
  try {
    const driver = await connect({ uri: neo4j.uri, ...credentials });
    return {
      driver,
      uri: neo4j.uri,
      local: true,
      async close() {
        await driver.close();
        await neo4j.stop();
      },
    };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}
