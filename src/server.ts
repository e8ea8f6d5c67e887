import type { AddressInfo } from "node:net";
import { tokenKeys } from "./auth/secret.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./database/database.js";
import { applySchema } from "./database/migrations.js";
import { applyMigrations, nodesBesideLedger } from "./database/versioned-migrations.js";
import { openCoverageStore } from "./coverage/kept/change-feed.js";
import { buildPlatformSchema } from "./graphql/schema.js";
import { createHttpServer } from "./http/app.js";
import { assertProductionReady } from "./production.js";
import { loadSeed } from "./seed/loader.js";

export interface RunningPlatform {
  url: string;
  database: Database;
  /** Closes, in order: the HTTP server (draining requests), the driver, the local Neo4j. */
  stop(): Promise<void>;
}

/** Starts the database (or connects to NEO4J_URI), applies the schema and the pending migrations, seeds an empty graph, serves GraphQL. */
export async function startPlatform(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningPlatform> {
  assertProductionReady(config);
  const database = await openDatabase(config, log);
  try {
    log(`Schema: ${await applySchema(database.driver)} constraints and indexes created, the others were there`);
    const migrations = await applyMigrations(database.driver, config.migrationsDir, log);
    log(`Migrations: ${migrations.applied.length} applied now, ${migrations.alreadyApplied} before`);
    // A fresh database gets the sample as it is now: loaded after the migrations, not migrated.
    if (config.seedIfEmpty && (await nodesBesideLedger(database.driver)) === 0) {
      const seeded = await loadSeed(database.driver);
      log(`Empty database: loaded the sample region (${seeded.nodes} nodes, ${seeded.relationships} relationships)`);
    }
    const coverage = await openCoverageStore(database.driver, config.rules, config.analytics, log);
    const { server, apollo } = await createHttpServer(
      await buildPlatformSchema(tokenKeys(config)),
      database.driver,
      config,
      coverage,
    );
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${config.host}:${port}`,
      database,
      stop() {
        stopping ??= (async () => {
          await apollo.stop();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
