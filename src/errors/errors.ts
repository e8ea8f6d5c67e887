/**
 * The platform's own errors, for every layer: a service throws what went wrong in the domain's
 * terms, and the boundaries (GraphQL's error format, the exchange routes) say it to the client.
 * This module imports nothing of the platform's, so anything may import it.
 */
import { GraphQLError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONSTRAINT_VIOLATION: "CONSTRAINT_VIOLATION",
  CONFLICT: "CONFLICT",
  UNAVAILABLE: "UNAVAILABLE",
  FORBIDDEN: "FORBIDDEN",
} as const;

/** A client mistake in one argument: names the argument (`field`) and says why. */
export function badInput(field: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, ...extra } });
}

export function notFound(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, field } });
}
