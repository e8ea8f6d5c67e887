import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler } from "express";
import http from "node:http";
import path from "node:path";
import type { CoverageStore } from "../coverage/kept/coverage.store.js";
import type { Driver } from "neo4j-driver";
import { generatedMutationAuditPlugin } from "../graphql/generated-mutation-audit.js";
import { bearerAuthentication, type AuthenticatedLocals } from "../auth/http.js";
import { tokenKeys } from "../auth/secret.js";
import { VersionedMemo } from "../cache/versioned-memo.js";
import { WeightedSemaphore } from "../cache/weighted-semaphore.js";
import { createTokenVerifier } from "../auth/tokens.js";
import { PROJECT_ROOT, type Config } from "../config.js";
import { regionEventsRouter } from "../coverage/coverage.events.js";
import { RegionWatch } from "../coverage/region-watch.js";
import { exchangeRouter } from "../exchange/exchange.router.js";
import { createContext, type RequestContext } from "../graphql/context.js";
import { formatError, maskInternalErrors } from "../graphql/errors.js";
import { queryLimitsPlugin } from "../graphql/limits.js";
import { queryCountPlugin } from "../graphql/query-count-plugin.js";
import type { PlatformSchema } from "../graphql/schema.js";
import { jsonStatusPlugin } from "../graphql/json-status.js";
import { servicesFactory } from "../services.js";
import { crossOrigin } from "./cross-origin.js";
import { serveSubscriptions } from "./subscriptions.js";

const NODE_MODULES = path.join(PROJECT_ROOT, "node_modules");
const WEB_DIST = path.join(PROJECT_ROOT, "web", "dist");

/** Files the offline explorer page loads: GraphiQL and React as shipped in their npm packages. */
const EXPLORER_ASSETS: Record<string, string> = {
  "graphiql.min.js": path.join(NODE_MODULES, "graphiql", "graphiql.min.js"),
  "graphiql.min.css": path.join(NODE_MODULES, "graphiql", "graphiql.min.css"),
  "react.production.min.js": path.join(NODE_MODULES, "react", "umd", "react.production.min.js"),
  "react-dom.production.min.js": path.join(NODE_MODULES, "react-dom", "umd", "react-dom.production.min.js"),
};

/** Body parser failures (too large, not JSON) answered as GraphQL-shaped JSON, not an HTML page. */
const jsonErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === "number" ? error.status : 500;
  const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
  res
    .status(status)
    .json({ errors: [{ message: status < 500 ? error.message : "Internal server error", extensions: { code } }] });
};

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
}

export async function createHttpServer(
  { schema, generatedMutations }: PlatformSchema,
  driver: Driver,
  config: Config,
  coverage: CoverageStore | null,
): Promise<HttpServer> {
  const app = express();
  const server = http.createServer(app);
  // The poller reads as the platform; each listener's scope is checked before it listens.
  const regionChanges = new RegionWatch({
    version: (regionCode) => servicesFor().coverage.version(regionCode),
    stateMark: () => servicesFor().graph.stateMark(),
  });
  const servicesFor = servicesFactory(driver, config, {
    answers: new VersionedMemo(config.answerCacheSize),
    scratch: new WeightedSemaphore(config.scratchMaxVillages),
    coverage,
    regionChanges,
  });
  const verify = createTokenVerifier(tokenKeys(config));
  const closeSubscriptions = serveSubscriptions(server, { schema, verify, config, servicesFor, regionChanges });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: config.production
      ? (formatted, error) => maskInternalErrors(formatError(formatted, error))
      : formatError,
    includeStacktraceInErrorResponses: !config.production,
    introspection: !config.production,
    // Queries may come as GET (mutations get 405). A GET must carry a non-empty header that a
    // cross-site form or <img> cannot send (or a content-type no form can), so that CSRF
    // protection holds even for a browser that kept a token somewhere it sends by itself.
    csrfPrevention: { requestHeaders: ["apollo-require-preflight", "x-apollo-operation-name"] },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      {
        // On stop: end the SSE streams and subscriptions, then close the sockets.
        async serverWillStart() {
          return {
            async drainServer() {
              regionChanges.close();
              await closeSubscriptions();
            },
          };
        },
      },
      jsonStatusPlugin,
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin(config.limits),
      generatedMutationAuditPlugin(generatedMutations),
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

  // The web explorer (web/app, built into web/dist by `npm run build:web`) at /, GraphiQL at /graphiql.
  app.get("/", (_req, res) =>
    res.sendFile(path.join(WEB_DIST, "index.html"), (error) => {
      if (error && !res.headersSent)
        res.status(404).type("text").send("The web explorer is not built: run npm run build:web.");
    }),
  );
  // File names carry a content hash, so they can be cached for good.
  app.use("/assets", express.static(path.join(WEB_DIST, "assets"), { immutable: true, maxAge: "1y" }));
  app.get("/graphiql", (_req, res) => res.sendFile(path.join(PROJECT_ROOT, "web", "explorer", "index.html")));
  app.get("/explorer/:file", (req, res) => {
    const local = path.join(PROJECT_ROOT, "web", "explorer", path.basename(req.params.file));
    const file = EXPLORER_ASSETS[req.params.file] ?? local;
    res.sendFile(file, { maxAge: "1h" }, (error) => {
      if (error && !res.headersSent) res.status(404).end();
    });
  });

  const authenticate = bearerAuthentication(verify);
  // Preflights come without a token: answered before authentication.
  const cors = crossOrigin(config.corsOrigins);
  if (cors) app.use(["/graphql", "/exchange", "/events"], cors);
  app.use(
    "/graphql",
    authenticate,
    express.json({ limit: config.limits.maxBody }),
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        createContext(servicesFor, regionChanges, (res.locals as AuthenticatedLocals).principal),
    }),
  );
  app.use("/exchange", authenticate, exchangeRouter({ servicesFor }));
  app.use("/events", authenticate, regionEventsRouter({ servicesFor, regionChanges }));
  app.use(jsonErrors);
  return { server, apollo };
}
