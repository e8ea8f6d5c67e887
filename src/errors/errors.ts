/**
 * The platform's own errors, for every layer: a service throws what went wrong in the domain's
 * terms, and the boundaries say it to the client, each in one place: GraphQL's error format
 * (graphql/errors.ts) and the exchange routes' HTTP statuses (exchange/exchange.router.ts).
 * This module imports nothing, so anything may import it.
 */

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONSTRAINT_VIOLATION: "CONSTRAINT_VIOLATION",
  CONFLICT: "CONFLICT",
  UNAVAILABLE: "UNAVAILABLE",
  FORBIDDEN: "FORBIDDEN",
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What an error tells the client beside its message: the argument at fault (`field`) and any details (codes, ids). */
export type ErrorDetails = { field?: string } & Record<string, unknown>;

/**
 * A failure the client can act on. `extensions` is its shape on the wire, GraphQL and REST alike:
 * `{code, field, ...details}`.
 */
export class PlatformError extends Error {
  constructor(
    readonly code: ErrorCodeName,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  get field(): string | undefined {
    return this.details.field;
  }

  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

/** A client mistake in one argument: names the argument (`field`) and says why. */
export class BadInputError extends PlatformError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { field, ...extra });
  }
}

/** The argument names something that does not exist. */
export class NotFoundError extends PlatformError {
  constructor(field: string, message: string) {
    super(ErrorCode.NOT_FOUND, message, { field });
  }
}

/** The request is well formed but the graph's state refuses it (already ended, already applied, a duplicate). */
export class ConflictError extends PlatformError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, { field, ...extra });
  }
}

/** The principal's role may not do this. */
export class ForbiddenError extends PlatformError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** The write breaks a uniqueness rule of the graph: `label`, `field` and `value` say which. */
export class ConstraintViolationError extends PlatformError {
  constructor(message: string, details: { label?: string; field?: string; value?: string }) {
    super(ErrorCode.CONSTRAINT_VIOLATION, message, details);
  }
}

/** The graph database cannot be reached now; the same request may succeed shortly. */
export class UnavailableError extends PlatformError {
  constructor() {
    super(ErrorCode.UNAVAILABLE, "The graph database is unavailable; try again shortly.");
  }
}

export const badInput = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new BadInputError(field, message, extra);

export const notFound = (field: string, message: string) => new NotFoundError(field, message);

export const conflict = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new ConflictError(field, message, extra);

/** A dataset value that Neo4j's import tool cannot carry as the MERGE loader stores it; `npm run load -- --merge` loads it. */
export class NotImportableError extends Error {
  override name = "NotImportableError";
}
