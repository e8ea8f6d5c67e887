import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import http from "node:http";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { PROJECT_ROOT, type Config } from "../config.js";
import { createContext, type RequestContext } from "../graphql/context.js";
import { formatError } from "../graphql/errors.js";
import { queryCountPlugin } from "../graphql/query-count-plugin.js";

const NODE_MODULES = path.join(PROJECT_ROOT, "node_modules");

/** Files the offline explorer page loads: GraphiQL and React as shipped in their npm packages. */
const EXPLORER_ASSETS: Record<string, string> = {
  "graphiql.min.js": path.join(NODE_MODULES, "graphiql", "graphiql.min.js"),
  "graphiql.min.css": path.join(NODE_MODULES, "graphiql", "graphiql.min.css"),
  "react.production.min.js": path.join(NODE_MODULES, "react", "umd", "react.production.min.js"),
  "react-dom.production.min.js": path.join(NODE_MODULES, "react-dom", "umd", "react-dom.production.min.js"),
};

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
}

export async function createHttpServer(schema: GraphQLSchema, driver: Driver, config: Config): Promise<HttpServer> {
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: !config.production,
    introspection: !config.production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ...(config.production ? [] : [queryCountPlugin]),
    ],
  });
  await apollo.start();

  app.get("/health", async (_req, res) => {
    try {
      const info = await driver.getServerInfo();
      res.json({ status: "ok", neo4j: { reachable: true, address: info.address, agent: info.agent } });
    } catch (error) {
      res.status(503).json({ status: "unavailable", neo4j: { reachable: false, error: (error as Error).message } });
    }
  });

  app.get("/", (_req, res) => res.sendFile(path.join(PROJECT_ROOT, "web", "explorer", "index.html")));
  app.get("/explorer/:file", (req, res) => {
    const local = path.join(PROJECT_ROOT, "web", "explorer", path.basename(req.params.file));
    const file = EXPLORER_ASSETS[req.params.file] ?? local;
    res.sendFile(file, { maxAge: "1h" }, (error) => {
      if (error && !res.headersSent) res.status(404).end();
    });
  });

  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => createContext(driver, config) }),
  );
  return { server, apollo };
}
