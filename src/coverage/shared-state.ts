/**
 * What every request shares, the GraphQL API and the REST routes alike: the remembered answers,
 * the kept analytics and who listens to which region's changes. Here, below the GraphQL layer,
 * so that routes beside their domain (coverage.events.ts, exchange.router.ts) need not import
 * graphql/context.ts.
 */
import type { CoverageStore } from "./kept/coverage.store.js";
import type { VersionedMemo } from "../cache/versioned-memo.js";
import type { WeightedSemaphore } from "../cache/weighted-semaphore.js";
import type { RegionWatch } from "./region-watch.js";

export interface SharedState {
  answers: VersionedMemo;
  /** The answers computed from scratch at once, weighed by their village-level units (SCRATCH_MAX_VILLAGES). */
  scratch: WeightedSemaphore;
  coverage: CoverageStore | null;
  /** The process's one poller of region versions (SSE and subscriptions). */
  regionChanges: RegionWatch;
}
