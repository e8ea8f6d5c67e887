/**
 * GraphQL over HTTP: a client that takes the answer as `application/json` SHOULD get 200 for any
 * well-formed request, even one whose document does not parse, does not validate or whose
 * variables do not fit (it reads the errors from the body); Apollo answers those with 400. A
 * client that names `application/graphql-response+json` in its Accept header keeps the 400, as
 * that media type wants (Apollo answers it in that type). Refusals of the request itself (CSRF,
 * a mutation over GET, a missing query) stay 4xx.
 */
import type { ApolloServerPlugin } from "@apollo/server";

/** The codes of a document or its variables at fault, as Apollo gives them. */
const DOCUMENT_ERRORS = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

export const jsonStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.http.status !== 400 || response.body.kind !== "single") return;
        if (request.http?.headers.get("accept")?.includes("application/graphql-response+json")) return;
        const { data, errors } = response.body.singleResult;
        if (
          data === undefined &&
          errors?.length &&
          errors.every((error) => DOCUMENT_ERRORS.has(String(error.extensions?.code)))
        )
          response.http.status = 200;
      },
    };
  },
};
