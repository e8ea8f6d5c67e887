import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "./context.js";

/**
 * Outside production, every response says in `extensions.cypherQueries` how many
 * hand-written Cypher queries it cost (generated-API queries are not counted), so that
 * N+1 patterns show up in tests and in the explorer.
 */
export const queryCountPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, cypherQueries: contextValue.graph.queries };
      },
    };
  },
};
