import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { CouncilService } from "../council/council.service.js";
import { CoverageService } from "../coverage/coverage.service.js";
import { Graph } from "../database/graph.js";
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
  planning: PlanningService;
  suggestions: SuggestionService;
}

export interface RequestContext {
  graph: Graph;
  /** Who acts (recorded on saved scenarios); "anonymous" until requests are authenticated. */
  actor: string;
  services: Services;
}

export function createContext(driver: Driver, config: Config): RequestContext {
  const graph = new Graph(driver);
  const coverage = new CoverageService(graph, config.rules);
  const planning = new PlanningService(graph, coverage, config.rules);
  return {
    graph,
    actor: "anonymous",
    services: {
      platform: new PlatformService(graph),
      coverage,
      network: new NetworkService(graph, coverage, config.networkMaxNodes),
      pairing: new PairingService(graph, config.rules),
      council: new CouncilService(graph),
      planning,
      suggestions: new SuggestionService(graph, planning, coverage, config.rules),
    },
  };
}
