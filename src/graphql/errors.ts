/**
 * The GraphQL boundary of errors: turns failures into GraphQL errors a client can act on. Every
 * error carries `extensions.code`; database conditions get a domain code instead of
 * INTERNAL_SERVER_ERROR. The errors themselves are defined in src/errors/.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { ErrorCode, PlatformError } from "../errors/errors.js";
import { withArgumentField } from "./argument-errors.js";

const CONSTRAINT_MESSAGE = /already exists with label `([^`]+)` and property `([^`]+)` = (.+)$/m;
const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

function findNeo4jError(error: unknown): Neo4jError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Neo4jError) return current;
    current =
      (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

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

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof PlatformError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: original.extensions,
    };
  }
  if (isForbidden(formatted, original)) {
    const field = formatted.path?.map(String).join(".");
    return {
      message: `The token's role may not do this${field ? ` (${field})` : ""}; see "Roles and tokens" in the README. Nothing was written.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.FORBIDDEN, field },
    };
  }
  const neo4jError = findNeo4jError(original);
  if (!neo4jError) return withArgumentField(formatted, error);
  if (neo4jError.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    const match = CONSTRAINT_MESSAGE.exec(neo4jError.message);
    const [label, property, value] = match ? [match[1], match[2], match[3]!.replace(/^'|'$/g, "")] : [];
    return {
      message: match
        ? `A ${label} with ${property} "${value}" already exists; ${property} must be unique.`
        : `The write breaks a uniqueness rule: ${neo4jError.message}`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.CONSTRAINT_VIOLATION, label, field: property, value },
    };
  }
  if (UNAVAILABLE_CODES.has(neo4jError.code)) {
    return {
      message: "The graph database is unavailable; try again shortly.",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.UNAVAILABLE },
    };
  }
  return formatted;
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
