/**
 * The platform's Date and DateTime scalars: one definition each, used by the generated API
 * (given to @neo4j/graphql as resolvers, so it replaces the library's own) and by the
 * hand-written resolvers (type-graphql decorators import `scalars` from here), so the merged
 * schema holds one Date and one DateTime. They keep @neo4j/graphql's serialization and value
 * types (a Neo4j Date, a DateTime string), and add `specifiedByURL` so that typed clients know
 * the format, and checked input: a bad value is a BAD_USER_INPUT (the request's error format adds
 * the argument path as `field`, see errors.ts).
 */
import { scalars as neo4jScalars } from "@neo4j/graphql";
import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from "graphql";
import neo4j from "neo4j-driver";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Marks a scalar's refusal, so that the error format can find the argument at fault. */
export const SCALAR_INPUT_ERROR = "scalar";

function refuse(scalar: string, message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, {
    nodes: node,
    extensions: { code: "BAD_USER_INPUT", [SCALAR_INPUT_ERROR]: scalar },
  });
}

/** A literal in the document: only a string can hold a date. */
function literal(scalar: string, node: ValueNode, example: string): string {
  if (node.kind !== Kind.STRING)
    throw refuse(scalar, `${scalar} must be a string like "${example}", got ${print(node)}`, node);
  return node.value;
}

/** Only a real calendar day as yyyy-mm-dd: JavaScript's Date would turn 2026-02-30 into 2 March. */
function parseDate(value: unknown, node?: ValueNode): InstanceType<typeof neo4j.types.Date> {
  if (neo4j.isDate(value)) return value as InstanceType<typeof neo4j.types.Date>;
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  const valid =
    match && month! >= 1 && month! <= 12 && day! >= 1 && day! <= new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (!valid)
    throw refuse(
      "Date",
      `Date must be a calendar date written yyyy-mm-dd (e.g. 2026-11-15), got ${JSON.stringify(value)}`,
      node,
    );
  return new neo4j.types.Date(year!, month!, day!);
}

/** Anything JavaScript reads as an instant (ISO 8601); kept as the string, as @neo4j/graphql does. */
function parseDateTime(value: unknown, node?: ValueNode): string {
  if (typeof value !== "string" || Number.isNaN(new Date(value).getTime())) {
    throw refuse(
      "DateTime",
      `DateTime must be an ISO 8601 date and time (e.g. 2026-11-15T08:00:00Z), got ${JSON.stringify(value)}`,
      node,
    );
  }
  return value;
}

const GraphQLDate = new GraphQLScalarType({
  ...neo4jScalars.GraphQLDate.toConfig(),
  description: "日期 (date): a calendar date, yyyy-mm-dd (RFC 3339 full-date), e.g. 2026-11-15.",
  specifiedByURL: "https://scalars.graphql.org/andimarek/local-date.html",
  parseValue: (value) => parseDate(value),
  parseLiteral: (node) => parseDate(literal("Date", node, "2026-11-15"), node),
});

const GraphQLDateTime = new GraphQLScalarType({
  ...neo4jScalars.GraphQLDateTime.toConfig(),
  description:
    "时间 (instant): RFC 3339 date-time with offset, e.g. 2026-11-15T08:00:00.000Z (answers are always in UTC).",
  specifiedByURL: "https://scalars.graphql.org/andimarek/date-time.html",
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (node) => parseDateTime(literal("DateTime", node, "2026-11-15T08:00:00Z"), node),
});

/** Shaped like @neo4j/graphql's `scalars` export, so that decorators change only their import. */
export const scalars = { GraphQLDate, GraphQLDateTime } as const;
