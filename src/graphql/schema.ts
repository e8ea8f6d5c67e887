import "reflect-metadata";
import { mergeSchemas } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { buildSchema } from "type-graphql";
import { CouncilResolver } from "../council/council.resolver.js";
import { CoverageResolver } from "../coverage/coverage.resolver.js";
import { PairingResolver } from "../pairing/pairing.resolver.js";
import { PlanningResolver } from "../planning/planning.resolver.js";
import { PlatformResolver } from "../platform/platform.resolver.js";
import { buildGeneratedSchema } from "./generated-schema.js";

/** The hand-written analytics and planning resolvers, one per domain. */
const RESOLVERS = [PlatformResolver, CoverageResolver, PairingResolver, CouncilResolver, PlanningResolver] as const;

/**
 * One schema: the generated CRUD API merged with the type-graphql resolvers.
 * Both use @neo4j/graphql's scalar instances (Date, DateTime), so each scalar has one definition.
 */
export async function buildPlatformSchema(driver: Driver): Promise<GraphQLSchema> {
  const [generated, handWritten] = await Promise.all([
    buildGeneratedSchema(driver),
    buildSchema({ resolvers: RESOLVERS, validate: false }),
  ]);
  return mergeSchemas({ schemas: [generated, handWritten] });
}
