import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { CoverageService } from "../coverage/coverage.service.js";
import { Graph } from "../database/graph.js";
import { PlatformService } from "../platform/platform.service.js";

/** Per-request services sharing one Graph, so a request's Cypher queries are counted together. */
export interface Services {
  platform: PlatformService;
  coverage: CoverageService;
}

export interface RequestContext {
  graph: Graph;
  services: Services;
}

export function createContext(driver: Driver, config: Config): RequestContext {
  const graph = new Graph(driver);
  return {
    graph,
    services: {
      platform: new PlatformService(graph),
      coverage: new CoverageService(graph, config.rules),
    },
  };
}
