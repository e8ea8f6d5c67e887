/**
 * Database conditions as platform errors, for every boundary (GraphQL's formatError, the exchange
 * routes): a uniqueness rule broken, or the database out of reach, is something the client can act
 * on, not an internal error. Anything else is left to the boundary as unexpected.
 */
import { Neo4jError } from "neo4j-driver";
import { ConstraintViolationError, PlatformError, UnavailableError } from "../errors/errors.js";

const CONSTRAINT_MESSAGE = /already exists with label `([^`]+)` and property `([^`]+)` = (.+)$/m;
const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

/** The Neo4j error an error was caused by, through GraphQL's `originalError` and `cause` chains. */
function neo4jErrorIn(error: unknown): Neo4jError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Neo4jError) return current;
    current =
      (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function fromDatabaseError(error: unknown): PlatformError | undefined {
  const neo4jError = neo4jErrorIn(error);
  if (!neo4jError) return undefined;
  if (neo4jError.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    const match = CONSTRAINT_MESSAGE.exec(neo4jError.message);
    if (!match) return new ConstraintViolationError(`The write breaks a uniqueness rule: ${neo4jError.message}`, {});
    const [, label, field, quoted] = match;
    const value = quoted!.replace(/^'|'$/g, "");
    return new ConstraintViolationError(
      `A ${label} with ${field} "${value}" already exists; ${field} must be unique.`,
      {
        label,
        field,
        value,
      },
    );
  }
  if (UNAVAILABLE_CODES.has(neo4jError.code)) return new UnavailableError();
  return undefined;
}
