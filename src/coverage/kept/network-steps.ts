/**
 * What catch-ups touched of the pairing networks, step by step: each catch-up records a step
 * (analytics/set-state) with its stamp and the network entities its changes touched
 * (analytics/network-entities), so that a network remembered at one stamp is refreshed to a later
 * one by re-reading only what shows those entities (src/pairing/network.service.ts).
 */
import neo4j from "neo4j-driver";
import type { Graph } from "../../database/graph.js";

/** Catch-up steps kept for refreshing remembered networks; one older than these is rebuilt. */
export const KEPT_STEPS = neo4j.int(1_000);

/** What catch-ups touched of the pairing networks (analytics/network-entities). */
export interface NetworkChanges {
  /** Ids of the pairings, councils and units touched. */
  entities: string[];
  /** Whether a region or a Party organization was touched: the village organizations a network leaves out are counted again. */
  recount: boolean;
}

/**
 * What the catch-ups after stamp `from` up to stamp `to` touched of the networks (ids of
 * pairings, councils and their units, and whether to recount what networks leave out); null when that record is not whole (a step pruned, a
 * rebuild, a region that moved or went), so a network must be read anew.
 */
export async function networkChanges(graph: Graph, from: string, to: string): Promise<NetworkChanges | null> {
  const [steps] = await graph.read<NetworkChanges & { whole: boolean }>("analytics/steps-between", { from, to });
  return steps?.whole ? { entities: [...new Set(steps.entities)], recount: steps.recount } : null;
}
