/**
 * Region scope for the generated update mutations. The SDL's authorization rules filter reads,
 * deletes and relationship changes by `inScope`, but @neo4j/graphql 7 cannot filter updates on a
 * @cypher field (it generates invalid Cypher), and a validate rule would answer "Forbidden" and
 * so reveal that the node exists. Adding `inScope: true` to an update's `where` makes a node
 * outside the caller's scope simply not match, as for every other operation.
 */
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLSchema } from "graphql";

export function scopeGeneratedUpdates(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (config, fieldName) => {
      if (!fieldName.startsWith("update")) return config;
      const resolve = config.resolve ?? defaultFieldResolver;
      return {
        ...config,
        resolve(source, args, context, info) {
          const inScope = { inScope: { eq: true } };
          const where = args.where ? { AND: [args.where, inScope] } : inScope;
          return resolve(source, { ...args, where }, context, info);
        },
      };
    },
  });
}
