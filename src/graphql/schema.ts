import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type BuildSchemaOptions } from "type-graphql";
import { AuditResolver } from "../audit/audit.resolver.js";
import { AuthResolver } from "../auth/auth.resolver.js";
import { CouncilResolver } from "../council/council.resolver.js";
import { CoverageGapResolver, CoverageResolver } from "../coverage/coverage.resolver.js";
import { RegionChangeResolver } from "../coverage/region-change.resolver.js";
import { DivisionsResolver } from "../divisions/divisions.resolver.js";
import { LabelsResolver } from "../labels/labels.resolver.js";
import { OrgLifeResolver } from "../org-life/org-life.resolver.js";
import { PairingResolver } from "../pairing/pairing.resolver.js";
import { PlanningResolver } from "../planning/planning.resolver.js";
import { PlatformResolver } from "../platform/platform.resolver.js";
import { authChecker } from "./auth-checker.js";
import type { TokenVerifierOptions } from "../auth/tokens.js";
import { buildGeneratedSchema } from "./generated-schema.js";
import { mergeGeneratedAndHandWritten } from "./merge.js";

/** The hand-written analytics and planning resolvers, one per domain. */
const RESOLVERS = [
  PlatformResolver,
  AuthResolver,
  CoverageResolver,
  CoverageGapResolver,
  RegionChangeResolver,
  PairingResolver,
  CouncilResolver,
  OrgLifeResolver,
  PlanningResolver,
  DivisionsResolver,
  AuditResolver,
  LabelsResolver,
] as const;

/**
 * type-graphql wants a PubSub once any @Subscription exists; each of ours brings its own
 * `subscribe` (fed by the RegionWatch in the context), so nothing ever publishes here.
 */
const NO_PUBSUB: NonNullable<BuildSchemaOptions["pubSub"]> = {
  publish() {
    throw new Error("subscriptions here bring their own subscribe; nothing publishes");
  },
  subscribe() {
    throw new Error("subscriptions here bring their own subscribe; nothing subscribes by topic");
  },
};

export interface PlatformSchema {
  schema: GraphQLSchema;
  /** Mutation fields @neo4j/graphql generated (the hand-written ones audit themselves). */
  generatedMutations: ReadonlySet<string>;
}

/** The type-graphql part alone (tests/schema-descriptions.test.ts tells the two parts apart with it). */
export function buildHandWrittenSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false, authChecker, authMode: "error", pubSub: NO_PUBSUB });
}

/** Schemas built in this process, by their token keys. */
const built = new Map<string, Promise<PlatformSchema>>();

/**
 * One schema: the generated CRUD API merged with the type-graphql resolvers (merge.ts keeps
 * @neo4j/graphql's alias-aware field resolution). Both use the scalar instances of scalars.ts
 * (Date, DateTime), so each scalar has one definition.
 * Hand-written resolvers declare their roles with @Authorized, checked by `authChecker`.
 * Requests bring the driver and services in their context, so a process builds the schema once
 * for each set of token keys (about 2 s of CPU) however many platforms it starts.
 */
export function buildPlatformSchema(tokenKeys: TokenVerifierOptions): Promise<PlatformSchema> {
  const key = JSON.stringify(tokenKeys);
  let schema = built.get(key);
  if (!schema) {
    schema = (async () => {
      const [generated, handWritten] = await Promise.all([buildGeneratedSchema(tokenKeys), buildHandWrittenSchema()]);
      return {
        schema: mergeGeneratedAndHandWritten(generated, handWritten),
        generatedMutations: new Set(Object.keys(generated.getMutationType()?.getFields() ?? {})),
      };
    })();
    // A failed build is not kept: the next platform tries again.
    schema.catch(() => built.delete(key));
    built.set(key, schema);
  }
  return schema;
}
