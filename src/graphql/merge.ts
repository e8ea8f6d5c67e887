/**
 * Merges the generated CRUD schema with the hand-written one without losing @neo4j/graphql's
 * field resolution.
 *
 * @neo4j/graphql answers with objects keyed by each field's response key (its alias when the
 * query aliases it) and reads them back with its own alias-aware field resolver, which it names
 * `defaultFieldResolver`. graphql-tools' mergeSchemas takes every resolver of that name for
 * graphql-js's default and drops it, so in the merged schema an aliased generated field read
 * `source[fieldName]` and found nothing ("Cannot return null for non-nullable field
 * Region.code"). Here every field resolver of the generated schema is handed back explicitly.
 *
 * An object type that both parts define (PageInfo) serves values from both producers: under a
 * generated root field it is read the generated way (by response key), elsewhere the
 * hand-written way (by field name), so that `{ endCursor: hasNextPage }` is right in both.
 */
import { mergeSchemas } from "@graphql-tools/schema";
import type { IResolvers } from "@graphql-tools/utils";
import {
  defaultFieldResolver,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type OperationTypeNode,
  type SelectionSetNode,
} from "graphql";

type RootFields = Record<OperationTypeNode, ReadonlySet<string>>;

function rootFields(schema: GraphQLSchema): RootFields {
  const names = (type: { getFields(): object } | null | undefined) => new Set(Object.keys(type?.getFields() ?? {}));
  return {
    query: names(schema.getQueryType()),
    mutation: names(schema.getMutationType()),
    subscription: names(schema.getSubscriptionType()),
  } as RootFields;
}

/** Response key → field name of an operation's root selections (fragments included), per operation. */
const rootSelections = new WeakMap<OperationDefinitionNode, Map<string, string>>();

function collectRootSelections(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Map<string, string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.set(selection.alias?.value ?? selection.name.value, selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectRootSelections(selection.selectionSet, fragments, into);
    else {
      const fragment = fragments[selection.name.value];
      if (fragment) collectRootSelections(fragment.selectionSet, fragments, into);
    }
  }
}

/** The name of the root field whose answer the resolved value belongs to. */
export function rootFieldName(info: GraphQLResolveInfo): string | undefined {
  let path = info.path;
  while (path.prev) path = path.prev;
  let selections = rootSelections.get(info.operation);
  if (!selections) {
    selections = new Map();
    collectRootSelections(info.operation.selectionSet, info.fragments, selections);
    rootSelections.set(info.operation, selections);
  }
  return selections.get(String(path.key));
}

function byProducer(
  generated: GraphQLFieldResolver<unknown, unknown>,
  handWritten: GraphQLFieldResolver<unknown, unknown>,
  roots: RootFields,
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const root = rootFieldName(info);
    const fromGenerated = root !== undefined && roots[info.operation.operation].has(root);
    return (fromGenerated ? generated : handWritten)(source, args, context, info);
  };
}

export function mergeGeneratedAndHandWritten(generated: GraphQLSchema, handWritten: GraphQLSchema): GraphQLSchema {
  const roots = rootFields(generated);
  const resolvers: IResolvers = {};
  for (const type of Object.values(generated.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const other = handWritten.getType(type.name);
    const otherFields = isObjectType(other) ? other.getFields() : {};
    const fields: Record<string, { resolve: GraphQLFieldResolver<unknown, unknown> }> = {};
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.resolve) continue;
      const shared = otherFields[name];
      fields[name] = {
        resolve: shared ? byProducer(field.resolve, shared.resolve ?? defaultFieldResolver, roots) : field.resolve,
      };
    }
    resolvers[type.name] = fields;
  }
  // Given last, these win over what mergeSchemas extracted from the two schemas.
  return mergeSchemas({ schemas: [generated, handWritten], resolvers });
}
