/**
 * GraphQL subscriptions over WebSocket at /graphql, in the graphql-ws protocol (subprotocol
 * `graphql-transport-ws`, what Apollo Client's GraphQLWsLink and urql's graphql-ws exchange
 * speak), on the HTTP server that serves the rest of the API.
 *
 * - The token comes in the connection_init payload: `{ "authorization": "Bearer <token>" }`.
 *   Without a valid one the socket is closed with 4401 (Unauthorized; graphql-ws clients do not
 *   retry). When the token expires the socket is closed with 4403 (Forbidden; graphql-ws clients
 *   reconnect, calling `connectionParams` again, so one that returns the current token goes on).
 * - Only subscriptions go over the socket: queries and mutations go over HTTP, where the request
 *   limits and the audit of generated mutations apply. Another operation gets an error, the
 *   socket stays open.
 * - Errors have the shape and masking of the HTTP API (graphql/errors.ts).
 * - A browser page of another origin may connect only when CORS_ORIGINS lets it call the API.
 */
import type http from "node:http";
import { getOperationAST, GraphQLError, parse, validate, type ExecutionArgs, type GraphQLSchema } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { VerifyToken } from "../auth/http.js";
import type { Config } from "../config.js";
import type { RegionWatch } from "../coverage/region-watch.js";
import type { Principal } from "../domain/principal.js";
import { createContext } from "../graphql/context.js";
import { formatError, maskInternalErrors } from "../graphql/errors.js";
import type { ServicesFor } from "../services.js";
import { originAllowed } from "./cross-origin.js";

/** The socket's state: who connected, and the timer that closes the socket when the token expires. */
type Connection = {
  principal?: Principal;
  cancelExpiry?: () => void;
};

/** setTimeout holds at most 2^31-1 ms (about 24.8 days); a later moment is reached in steps. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

function at(moment: number, run: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const wait = moment - Date.now();
    timer = wait > LONGEST_TIMEOUT_MS ? setTimeout(arm, LONGEST_TIMEOUT_MS) : setTimeout(run, Math.max(0, wait));
  };
  arm();
  return () => clearTimeout(timer);
}

function bearer(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const header = params?.authorization ?? params?.Authorization;
  return typeof header === "string" ? (/^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null) : null;
}

export interface SubscriptionDeps {
  schema: GraphQLSchema;
  verify: VerifyToken;
  config: Config;
  servicesFor: ServicesFor;
  regionChanges: RegionWatch;
}

/** Serves subscriptions on `server`; the returned function closes every socket (on shutdown). */
export function serveSubscriptions(
  server: http.Server,
  { schema, verify, config, servicesFor, regionChanges }: SubscriptionDeps,
): () => Promise<void> {
  const sockets = new WebSocketServer({
    server,
    path: "/graphql",
    // Browsers send Origin; other clients need none.
    verifyClient: ({ origin, req }: { origin?: string; req: http.IncomingMessage }) =>
      !origin || originAllowed(config.corsOrigins, origin, req.headers.host),
  });
  const format = (error: GraphQLError) => {
    const formatted = formatError(error.toJSON(), error);
    return config.production ? maskInternalErrors(formatted) : formatted;
  };
  const cleanup = useServer<Record<string, unknown>, Connection>(
    {
      schema,
      onConnect: async (ctx) => {
        const refuse = (reason: string) => {
          ctx.extra.socket.close(CloseCode.Unauthorized, reason);
          return false;
        };
        const token = bearer(ctx.connectionParams);
        if (!token) return refuse('Send the token in connection_init: { "authorization": "Bearer <token>" }');
        try {
          const { principal, claims } = await verify(token);
          ctx.extra.principal = principal;
          if (typeof claims.exp === "number") {
            ctx.extra.cancelExpiry = at(claims.exp * 1000, () =>
              ctx.extra.socket.close(CloseCode.Forbidden, "The token expired; reconnect with a fresh one"),
            );
          }
          return true;
        } catch (error) {
          return refuse((error as Error).message.slice(0, 120)); // a close reason holds 123 bytes
        }
      },
      onClose: (ctx) => ctx.extra.cancelExpiry?.(),
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid;
        // A subscription selects one root field of flat RegionChange values: no depth or cost to limit.
        if (getOperationAST(document, payload.operationName)?.operation !== "subscription") {
          return [
            new GraphQLError(
              "Only subscriptions go over the WebSocket; send queries and mutations over HTTP (POST /graphql).",
              { extensions: { code: "BAD_REQUEST" } },
            ),
          ];
        }
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: createContext(servicesFor, regionChanges, ctx.extra.principal!),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(format) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
    },
    sockets,
  );
  return async () => cleanup.dispose();
}
