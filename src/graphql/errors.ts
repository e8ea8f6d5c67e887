/**
 * The GraphQL boundary of errors: turns failures into GraphQL errors a client can act on. Every
 * error carries `extensions.code`; database conditions get a domain code instead of
 * INTERNAL_SERVER_ERROR. The errors themselves are defined in src/errors/.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { fromDatabaseError } from "../database/database-errors.js";
import { ErrorCode, PlatformError } from "../errors/errors.js";
import { withArgumentField } from "./argument-errors.js";

/** A role refused by a resolver (type-graphql's UNAUTHORIZED) or by the SDL's rules ("Forbidden"). */
function isForbidden(formatted: GraphQLFormattedError, original: unknown): boolean {
  return (
    formatted.extensions?.code === "UNAUTHORIZED" ||
    (original as Error | undefined)?.name === "Neo4jGraphQLForbiddenError"
  );
}

/**
 * A platform error as a GraphQL error. Resolvers' throws are converted by `formatError`; the
 * GraphQL layer's own checks that run outside resolvers (request limits) throw this directly.
 */
export function toGraphQLError(error: PlatformError): GraphQLError {
  return new GraphQLError(error.message, { extensions: error.extensions, originalError: error });
}

/** A platform error as GraphQL's formatted error, where the failure happened. */
function formatted(error: PlatformError, at: GraphQLFormattedError): GraphQLFormattedError {
  return { message: error.message, path: at.path, locations: at.locations, extensions: error.extensions };
}

export function formatError(error: GraphQLFormattedError, thrown: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(thrown);
  if (original instanceof PlatformError) return formatted(original, error);
  if (isForbidden(error, original)) {
    const field = error.path?.map(String).join(".");
    return {
      message: `The token's role may not do this${field ? ` (${field})` : ""}; see "Roles and tokens" in the README. Nothing was written.`,
      path: error.path,
      locations: error.locations,
      extensions: { code: ErrorCode.FORBIDDEN, field },
    };
  }
  const fromDatabase = fromDatabaseError(original);
  return fromDatabase ? formatted(fromDatabase, error) : withArgumentField(error, thrown);
}

/** In production an unexpected error says only that it happened: no internals leave the server. */
export function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code !== undefined && code !== "INTERNAL_SERVER_ERROR") return formatted;
  return {
    message: "Internal server error",
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
