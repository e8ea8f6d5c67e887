/**
 * The one place the services are built: for each request (the GraphQL context, the exchange and
 * events routes) and each command-line run, all on one Graph bound to whoever asks, so that its
 * region scope holds everywhere and a request's statements are counted together. Building them
 * costs nothing (constructors only keep their arguments), so a request builds them all.
 */
import type { Driver } from "neo4j-driver";
import { graphFor } from "./audit/audit.js";
import { AuditService } from "./audit/audit.service.js";
import type { Config } from "./config.js";
import { CouncilService } from "./council/council.service.js";
import { CoverageService } from "./coverage/coverage.service.js";
import type { SharedState } from "./coverage/shared-state.js";
import { WeightedSemaphore } from "./cache/weighted-semaphore.js";
import type { Graph } from "./database/graph.js";
import { DivisionImportService } from "./divisions/division-import.service.js";
import { LayoutService } from "./divisions/layout.service.js";
import type { Principal } from "./domain/principal.js";
import { ImportService } from "./exchange/import.service.js";
import { OrgLifeService } from "./org-life/org-life.service.js";
import { NetworkService } from "./pairing/network.service.js";
import { PairingService } from "./pairing/pairing.service.js";
import { PlanningService } from "./planning/planning.service.js";
import { SuggestionService } from "./planning/suggestion.service.js";
import { PlatformService } from "./platform/platform.service.js";

export interface Services {
  /** The gateway every service below reads and writes through. */
  graph: Graph;
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
  imports: ImportService;
  divisionImports: DivisionImportService;
}

/** What the services are built from: the rules and limits of the configuration. */
export type ServiceSettings = Pick<Config, "rules" | "networkMaxNodes" | "scratchMaxVillages">;

/** Without `shared` (a command-line run), nothing is remembered between calls and no kept analytics are read. */
export function createServices(graph: Graph, settings: ServiceSettings, shared?: SharedState): Services {
  const coverage = new CoverageService(
    graph,
    settings.rules,
    shared?.answers,
    shared?.coverage,
    shared?.scratch ?? new WeightedSemaphore(settings.scratchMaxVillages),
  );
  const planning = new PlanningService(graph, coverage, settings.rules);
  return {
    graph,
    platform: new PlatformService(graph),
    coverage,
    network: new NetworkService(graph, coverage, settings.networkMaxNodes, shared?.answers),
    pairing: new PairingService(graph, settings.rules),
    council: new CouncilService(graph),
    orgLife: new OrgLifeService(graph),
    planning,
    suggestions: new SuggestionService(graph, planning, coverage, settings.rules),
    layout: new LayoutService(graph),
    audit: new AuditService(graph),
    imports: new ImportService(graph),
    divisionImports: new DivisionImportService(graph),
  };
}

/** The services of one principal's request (the platform itself when none is given). */
export type ServicesFor = (principal?: Principal) => Services;

export function servicesFactory(driver: Driver, settings: ServiceSettings, shared?: SharedState): ServicesFor {
  return (principal) => createServices(graphFor(driver, principal), settings, shared);
}
