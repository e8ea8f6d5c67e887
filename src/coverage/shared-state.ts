/**
 * What every request shares, the GraphQL API and the REST routes alike: the remembered answers
 * and the kept analytics. Here, below the GraphQL layer, so that routes beside their domain
 * (coverage.events.ts, exchange.router.ts) need not import graphql/context.ts.
 */
import type { CoverageStore } from "../analytics/coverage.store.js";
import type { VersionedMemo } from "../cache/versioned-memo.js";

export interface SharedState {
  answers: VersionedMemo;
  coverage: CoverageStore | null;
}
