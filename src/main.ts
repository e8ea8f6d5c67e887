import "reflect-metadata";
import { loadConfig } from "./config.js";
import { startPlatform } from "./server.js";

const config = loadConfig();
const started = Date.now();
try {
  const platform = await startPlatform(config);
  console.log(
    `GraphQL API at ${platform.url}/graphql, explorer at ${platform.url}/ (ready in ${Date.now() - started} ms)`,
  );
  if (!config.auth.jwksUrl) {
    console.log(
      "Every request needs a bearer token; mint one with: npm run token -- --role ADMIN   (or --role ANALYST --region 370285000000)",
    );
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`${signal}: closing the HTTP server, the driver and the database…`);
      platform.stop().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}
