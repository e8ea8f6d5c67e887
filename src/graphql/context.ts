import type { Driver, Transaction } from "neo4j-driver";
import { graphFor } from "../audit/audit.js";
import { AuditService } from "../audit/audit.service.js";
import { generatedApiContext, type GeneratedApiContext } from "../auth/neo4j-graphql-context.js";
import type { Principal } from "../domain/principal.js";
import type { Config } from "../config.js";
import { CouncilService } from "../council/council.service.js";
import { CoverageService } from "../coverage/coverage.service.js";
import type { RegionWatch } from "../coverage/region-watch.js";
import type { SharedState } from "../coverage/shared-state.js";
import type { Graph } from "../database/graph.js";
import { LayoutService } from "../divisions/layout.service.js";
import { OrgLifeService } from "../org-life/org-life.service.js";
import { NetworkService } from "../pairing/network.service.js";
import { PairingService } from "../pairing/pairing.service.js";
import { PlanningService } from "../planning/planning.service.js";
import { SuggestionService } from "../planning/suggestion.service.js";
import { PlatformService } from "../platform/platform.service.js";

/** Per-request services sharing one Graph, so a request's Cypher queries are counted together. */
export interface Services {
  platform: PlatformService;
  coverage: CoverageService;
  network: NetworkService;
  pairing: PairingService;
  council: CouncilService;
  orgLife: OrgLifeService;
  planning: PlanningService;
  suggestions: SuggestionService;
  layout: LayoutService;
  audit: AuditService;
}

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
  /** Where @neo4j/graphql runs its statements: a request's generated mutations share one transaction. */
  executionContext?: Transaction;
}

/** What every request's services share: the answers remembered until the graph changes, and the kept analytics (null without a change feed). */
export type { SharedState };

export function createContext(driver: Driver, config: Config, shared: SharedState, principal: Principal): RequestContext {
  const graph = graphFor(driver, principal);
  const coverage = new CoverageService(graph, config.rules, shared.answers, shared.coverage);
  const planning = new PlanningService(graph, coverage, config.rules);
  return {
    ...generatedApiContext(principal),
    principal,
    graph,
    regionChanges: shared.regionChanges,
    services: {
      platform: new PlatformService(graph),
      coverage,
      network: new NetworkService(graph, coverage, config.networkMaxNodes, shared.answers),
      pairing: new PairingService(graph, config.rules),
      council: new CouncilService(graph),
      orgLife: new OrgLifeService(graph),
      planning,
      suggestions: new SuggestionService(graph, planning, coverage, config.rules),
      layout: new LayoutService(graph),
      audit: new AuditService(graph),
    },
  };
}
