import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { CouncilService } from "../council/council.service.js";
import { CoverageService } from "../coverage/coverage.service.js";
import { Graph } from "../database/graph.js";
import { NetworkService } from "../pairing/network.service.js";
import { PairingService } from "../pairing/pairing.service.js";
import { PlatformService } from "../platform/platform.service.js";

/** Per-request services sharing one Graph, so a request's Cypher queries are counted together. */
export interface Services {
  platform: PlatformService;
  coverage: CoverageService;
  network: NetworkService;
  pairing: PairingService;
  council: CouncilService;
}

export interface RequestContext {
  graph: Graph;
  services: Services;
}

export function createContext(driver: Driver, config: Config): RequestContext {
  const graph = new Graph(driver);
  const coverage = new CoverageService(graph, config.rules);
  return {
    graph,
    services: {
      platform: new PlatformService(graph),
      coverage,
      network: new NetworkService(graph, coverage, config.networkMaxNodes),
      pairing: new PairingService(graph, config.rules),
      council: new CouncilService(graph),
    },
  };
}
