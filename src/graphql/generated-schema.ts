import fs from "node:fs";
import path from "node:path";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { Neo4jGraphQL } from "@neo4j/graphql";
import {
  getNamedType,
  GraphQLObjectType,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { PROJECT_ROOT } from "../config.js";
import { ENUM_LABELS, labelDescription, type Label } from "../domain/labels.js";
import { scopeGeneratedUpdates } from "../auth/generated-update-scope.js";
import type { TokenVerifierOptions } from "../auth/tokens.js";
import { explainConstraintViolations } from "./constraint-errors.js";
import { regionResolvers } from "../planning/village-classes.resolver.js";
import { validateGeneratedInput } from "./generated-input.js";
import type { ArgumentBounds } from "../util/relay.js";
import { scalars } from "../util/scalars.js";

const SCHEMA_DIR = path.join(PROJECT_ROOT, "schema");

/** The domain SDL: every schema/*.graphql file, in name order. */
export function domainTypeDefs(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8"))
    .join("\n");
}

/**
 * The SDL with every labelled enum value described by its labels (src/domain/labels.ts, the one
 * place they are written), followed by the note the SDL gives it, if any.
 */
function withValueLabels(typeDefs: string): string {
  const tables: Record<string, Record<string, Label> | undefined> = ENUM_LABELS;
  return print(
    visit(parse(typeDefs), {
      EnumTypeDefinition(node) {
        const labels = tables[node.name.value];
        if (!labels) return undefined;
        const values = node.values?.map((value) => {
          const label = labels[value.name.value];
          return label
            ? { ...value, description: { kind: Kind.STRING, value: labelDescription(label, value.description?.value) } }
            : value;
        });
        return { ...node, values };
      },
    }),
  );
}

/**
 * @neo4j/graphql describes a relationship properties type by the fields that use it, in place of
 * the SDL's description: the SDL's comes first again, the library's list after it.
 */
function keepSdlTypeDescriptions(schema: GraphQLSchema, typeDefs: string): GraphQLSchema {
  const written = new Map<string, string>();
  for (const definition of parse(typeDefs).definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.description)
      written.set(definition.name.value, definition.description.value);
  }
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const sdl = written.get(type.name);
      if (!sdl || type.description === sdl) return type;
      return new GraphQLObjectType({
        ...type.toConfig(),
        description: type.description ? `${sdl}\n\n${type.description}` : sdl,
      });
    },
  });
}

/** Each node type's @limit maximum, from the SDL. */
function limitMaxima(typeDefs: string): Map<string, number> {
  const maxima = new Map<string, number>();
  for (const definition of parse(typeDefs).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const max = definition.directives
      ?.find((d) => d.name.value === "limit")
      ?.arguments?.find((a) => a.name.value === "max")?.value;
    if (max?.kind === Kind.INT) maxima.set(definition.name.value, Number(max.value));
  }
  return maxima;
}

/** The node type a list or connection field pages through (a connection's edges' node). */
function pagedNode(type: GraphQLOutputType): GraphQLNamedType | undefined {
  const named = getNamedType(type);
  const edges = isObjectType(named) ? named.getFields().edges : undefined;
  const node = edges && getNamedType(edges.type);
  return node && isObjectType(node) && node.getFields().node ? getNamedType(node.getFields().node!.type) : named;
}

/**
 * Gives the generated paging arguments their bounds (limits.ts): `limit`, `first` and `offset`
 * are never negative (Neo4j would fail on them), and `limit`/`first` are capped at the node
 * type's @limit maximum, as @neo4j/graphql does when it runs them.
 */
function boundPagingArguments(schema: GraphQLSchema, maxima: Map<string, number>): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config) => {
      if (!config.args || !["limit", "first", "offset"].some((name) => name in config.args!)) return config;
      const cap = maxima.get(pagedNode(config.type)?.name ?? "");
      const args = Object.fromEntries(
        Object.entries(config.args).map(([name, arg]) => {
          if (!["limit", "first", "offset"].includes(name)) return [name, arg];
          const bounds: ArgumentBounds = { minimum: 0, ...(cap !== undefined && name !== "offset" ? { cap } : {}) };
          return [name, { ...arg, extensions: { ...arg.extensions, ...bounds } }];
        }),
      );
      return { ...config, args };
    },
  });
}

/**
 * The CRUD API that @neo4j/graphql generates from the SDL in schema/, with its authorization
 * rules (the request context supplies `jwt` and `cypherParams`), wrapped so that written values
 * are checked, updates keep to the caller's scope and uniqueness errors name their field, and
 * with the bounds of its paging arguments. It holds no driver: each request's context says where
 * its statements run (`executionContext`: the platform's driver, or the request's transaction).
 */
export async function buildGeneratedSchema(tokenKeys: TokenVerifierOptions): Promise<GraphQLSchema> {
  const typeDefs = withValueLabels(domainTypeDefs());
  const neoSchema = new Neo4jGraphQL({
    typeDefs,
    // The platform's Date and DateTime (specifiedByURL, checked input) replace the library's own;
    // fields marked @customResolver are answered by the domain's rules.
    resolvers: { Date: scalars.GraphQLDate, DateTime: scalars.GraphQLDateTime, ...regionResolvers },
    features: {
      // Requests bring their decoded JWT in the context (src/http checked it); the library is
      // given the same keys so that it would check a raw token exactly as the API does.
      authorization: { key: tokenKeys.jwksUrl ? { url: tokenKeys.jwksUrl } : tokenKeys.secret! },
      // The schema starts on v7: keep only the current filter and mutation forms.
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  const schema = validateGeneratedInput(
    scopeGeneratedUpdates(explainConstraintViolations(await neoSchema.getSchema())),
  );
  return boundPagingArguments(keepSdlTypeDescriptions(schema, typeDefs), limitMaxima(typeDefs));
}
