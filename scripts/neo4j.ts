/**
 * Runs the embedded local Neo4j on its own, for Cypher work without the API:
 *
 *   npm run neo4j          # Bolt on NEO4J_BOLT_PORT (7687), data in NEO4J_HOME (.neo4j/run)
 *
 * Ctrl-C (or SIGTERM) stops it cleanly.
 */
import { loadConfig } from "../src/config.js";
import { startLocalNeo4j } from "../src/database/local-neo4j.js";

const { local } = loadConfig();
const neo4j = await startLocalNeo4j(local);
console.log(`Neo4j ${neo4j.uri} (pid ${neo4j.pid}), data in ${local.home}; Ctrl-C stops it.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    neo4j.stop().then(() => process.exit(0));
  });
}
