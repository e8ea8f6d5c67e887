import type { Driver, Transaction } from "neo4j-driver";
import { generatedApiContext, type GeneratedApiContext } from "../auth/neo4j-graphql-context.js";
import type { RegionWatch } from "../coverage/region-watch.js";
import type { Graph } from "../database/graph.js";
import type { Principal } from "../domain/principal.js";
import type { Services, ServicesFor } from "../services.js";

/**
 * One request's context: who asks (`principal`), the services bound to its region scope, and
 * what the generated API's authorization rules read (`jwt`, `cypherParams`).
 */
export interface RequestContext extends GeneratedApiContext {
  principal: Principal;
  graph: Graph;
  services: Services;
  /** The process's one poller of region versions, which `regionChanged` listens to. */
  regionChanges: RegionWatch;
  /**
   * Where @neo4j/graphql runs its statements: the platform's driver, or one transaction that a
   * request's generated mutations share (generated-mutation-audit.ts).
   */
  executionContext: Driver | Transaction;
}

/** A request's context, its services built by the one factory (src/services.ts) for its principal. */
export function createContext(
  servicesFor: ServicesFor,
  regionChanges: RegionWatch,
  principal: Principal,
): RequestContext {
  const services = servicesFor(principal);
  return {
    ...generatedApiContext(principal),
    principal,
    graph: services.graph,
    services,
    regionChanges,
    executionContext: services.graph.driver,
  };
}
