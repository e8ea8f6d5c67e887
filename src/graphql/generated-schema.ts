import fs from "node:fs";
import path from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import type { Driver } from "neo4j-driver";
import { PROJECT_ROOT } from "../config.js";
import { scopeGeneratedUpdates } from "../auth/generated-update-scope.js";
import type { TokenVerifierOptions } from "../auth/tokens.js";
import { explainConstraintViolations } from "./constraint-errors.js";
import { validateGeneratedInput } from "./generated-input.js";

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
 * The CRUD API that @neo4j/graphql generates from the SDL in schema/, with its authorization
 * rules (the request context supplies `jwt` and `cypherParams`), wrapped so that written values
 * are checked, updates keep to the caller's scope and uniqueness errors name their field.
 */
export async function buildGeneratedSchema(driver: Driver, tokenKeys: TokenVerifierOptions): Promise<GraphQLSchema> {
  const neoSchema = new Neo4jGraphQL({
    typeDefs: domainTypeDefs(),
    driver,
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
  return validateGeneratedInput(scopeGeneratedUpdates(explainConstraintViolations(await neoSchema.getSchema())));
}
