/**
 * Audit of the generated CRUD mutations. @neo4j/graphql runs each in its own transaction, which
 * this code cannot join, so the entry is written right after a mutation succeeded (the one
 * place where an entry can be missing: a database failure between the two): its operation
 * (the mutation field), and as subjects every id and region code found in its arguments and in
 * its result.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, valueFromASTUntyped, type OperationDefinitionNode } from "graphql";
import type { RequestContext } from "../graphql/context.js";

const KEYS = new Set(["id", "code"]);

/** Every string under an `id` or `code` key, at any depth (filters `{id: {eq: …}}` included). */
export function idsIn(value: unknown, found: Set<string> = new Set(), underKey = false): Set<string> {
  if (typeof value === "string" && underKey) found.add(value);
  else if (Array.isArray(value)) for (const item of value) idsIn(item, found, underKey);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) idsIn(inner, found, KEYS.has(key) || (underKey && /^(eq|in)$/.test(key)));
  }
  return found;
}

/** The generated mutation fields of an operation, with the ids their arguments name. */
function generatedFields(operation: OperationDefinitionNode, generated: ReadonlySet<string>, variables: Record<string, unknown>) {
  return operation.selectionSet.selections.flatMap((s) => {
    if (s.kind !== Kind.FIELD || !generated.has(s.name.value)) return [];
    const args = Object.fromEntries((s.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
    return [{ name: s.name.value, responseKey: s.alias?.value ?? s.name.value, argumentIds: idsIn(args) }];
  });
}

export function generatedMutationAuditPlugin(generated: ReadonlySet<string>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response, contextValue, request }) {
          if (operation?.operation !== "mutation" || response.body.kind !== "single") return;
          const data = response.body.singleResult.data ?? {};
          for (const field of generatedFields(operation, generated, request.variables ?? {})) {
            const result = data[field.responseKey];
            if (result == null) continue; // the mutation failed: nothing was written
            const subjectIds = [...idsIn(result, field.argumentIds)];
            // The mutation has committed: if the database fails right now the entry is lost,
            // which is logged; the client still gets the mutation's (true) answer.
            await contextValue.graph
              .write({ operation: field.name, subjectIds: () => subjectIds }, async () => undefined)
              .catch((error: Error) => console.error(`audit entry of ${field.name} by ${contextValue.principal.subject} lost: ${error.message}`));
          }
        },
      };
    },
  };
}
