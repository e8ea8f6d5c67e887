import type { Driver } from "neo4j-driver";
import type { Config } from "../config.js";
import { PlatformService } from "../platform/platform.service.js";

/** Per-request services: each owns its DataLoaders, so caches never outlive a request. */
export interface Services {
  platform: PlatformService;
}

export interface RequestContext {
  services: Services;
}

export function createContext(driver: Driver, _config: Config): RequestContext {
  return {
    services: {
      platform: new PlatformService(driver),
    },
  };
}
