/**
 * How hand-written services talk to Neo4j: by the name of a file in cypher/, with
 * parameters, through read or write transactions (so a cluster can route them).
 *
 * Contract: `read` runs one statement and return its records as plain objects
 * (Integers as numbers, temporal values as ISO strings, points as {longitude, latitude});
 * `queries` counts the statements run through this instance, which is one per request,
 * so tests and the dev response extension can see how many queries a request cost.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { cypher, toPlain } from "./cypher.js";

export type Row = Record<string, unknown>;

export class Graph {
  queries = 0;

  constructor(readonly driver: Driver) {}

  async read<T = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.queries += 1;
    const { records } = await this.driver.executeQuery(cypher(name), params, { routing: neo4j.routing.READ });
    return records.map((record) => toPlain(record.toObject()) as T);
  }
}
