/**
 * Query cost limits, checked once the operation and its variables are known and before anything
 * runs: selection depth, and complexity = fields weighted by how many elements each list may
 * return (its `first`/`limit` argument, else LIST_ESTIMATE). Refused operations get
 * extensions.code QUERY_TOO_COMPLEX with the figure and the limit.
 *
 * Before the cost, every argument is held to its documented bounds (ArgumentBounds, in the
 * argument's extensions): one outside them is a BAD_USER_INPUT naming it, never a cost refusal,
 * since the cost of a page its field would refuse anyway means nothing.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { RequestLimits } from "../config.js";
import type { ArgumentBounds } from "../util/relay.js";
import { badInput } from "../errors/errors.js";
import { toGraphQLError } from "./errors.js";

/** Elements a list without a `first`/`limit` argument is assumed to hold. */
export const LIST_ESTIMATE = 10;
/** List fields of a paged parent (a connection's edges, a page's nodes) hold one page. */
const PAGE_LISTS = new Set(["edges", "nodes"]);

export interface OperationCost {
  depth: number;
  complexity: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function numberArgument(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === "number" ? given : undefined;
  }
  return undefined;
}

function checkBounds(name: string, bounds: ArgumentBounds | undefined, value: number | undefined): void {
  if (value === undefined || !bounds) return;
  const { minimum, maximum } = bounds;
  if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
    const range =
      maximum === undefined
        ? `${minimum} or more`
        : minimum === undefined
          ? `at most ${maximum}`
          : `from ${minimum} to ${maximum}`;
    throw toGraphQLError(
      badInput(name, `${name} must be a whole number ${range}, got ${value}`, { http: { status: 400 } }),
    );
  }
}

function selectionCost(
  walk: Walk,
  parent: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  paged: boolean,
): OperationCost {
  let depth = 0;
  let complexity = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith("__")) continue; // introspection: what GraphiQL needs, never data
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!field) continue;
      const args = Object.fromEntries((selection.arguments ?? []).map((a) => [a.name.value, a.value]));
      for (const argument of field.args)
        checkBounds(
          argument.name,
          argument.extensions as ArgumentBounds,
          numberArgument(args[argument.name], walk.variables),
        );
      const pageArgument = args.first ? "first" : args.limit ? "limit" : undefined;
      const given = pageArgument && numberArgument(args[pageArgument], walk.variables);
      const cap = pageArgument
        ? (field.args.find((a) => a.name === pageArgument)?.extensions as ArgumentBounds | undefined)?.cap
        : undefined;
      const pageSize = typeof given === "number" ? Math.max(0, Math.min(given, cap ?? given)) : undefined;
      const list = isListType(getNullableType(field.type));
      const elements = pageSize ?? (list && !(paged && PAGE_LISTS.has(name)) ? LIST_ESTIMATE : 1);
      const child = selection.selectionSet
        ? selectionCost(
            walk,
            getNamedType(field.type),
            selection.selectionSet,
            pageSize !== undefined || (paged && PAGE_LISTS.has(name)),
          )
        : { depth: 0, complexity: 0 };
      depth = Math.max(depth, child.depth + 1);
      complexity += 1 + elements * child.complexity;
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const type = fragment.typeCondition ? (walk.schema.getType(fragment.typeCondition.name.value) ?? parent) : parent;
      const inner = selectionCost(walk, type, fragment.selectionSet, paged);
      depth = Math.max(depth, inner.depth);
      complexity += inner.complexity;
    }
  }
  return { depth, complexity };
}

export function operationCost(
  schema: GraphQLSchema,
  operation: { operation: "query" | "mutation" | "subscription"; selectionSet: SelectionSetNode },
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): OperationCost {
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { depth: 0, complexity: 0 };
  return selectionCost({ schema, fragments, variables }, root, operation.selectionSet, false);
}

export function queryLimitsPlugin(limits: RequestLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const cost = operationCost(schema, operation, fragments, request.variables ?? {});
          const over =
            cost.depth > limits.maxDepth
              ? `is nested ${cost.depth} levels deep; the limit is ${limits.maxDepth}`
              : cost.complexity > limits.maxComplexity
                ? `has complexity ${cost.complexity}; the limit is ${limits.maxComplexity} (a list counts once per element it may return: pass smaller first/limit values or select less)`
                : undefined;
          if (over) {
            throw new GraphQLError(`The operation ${over}.`, {
              extensions: {
                code: "QUERY_TOO_COMPLEX",
                ...cost,
                maxDepth: limits.maxDepth,
                maxComplexity: limits.maxComplexity,
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}
