import neo4j, { type Driver } from "neo4j-driver";
import { disableNagle } from "./no-delay.js";

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
}

/** One driver per process; bolt://, neo4j:// and neo4j+s:// URIs all work unchanged. */
export async function connect({ uri, user, password }: DriverOptions): Promise<Driver> {
  // Fail fast while the database is down (a refused connection is UNAVAILABLE in seconds, not
  // minutes; retries stop after 2 s); the pool reconnects by itself once it is back. Waiting for
  // a free connection under load is not a fault: a report runs several queries at once.
  disableNagle();
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 2_000,
    maxTransactionRetryTime: 2_000,
    userAgent: "qingdao-org-graph",
  });
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await driver.close();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(error as Error).message}`);
  }
  return driver;
}
