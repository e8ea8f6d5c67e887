/**
 * One transaction per request of generated CRUD mutations, with their audit entries in it.
 * @neo4j/graphql runs its statements in the transaction it finds as the context's
 * `executionContext`; this plugin opens one when such a request starts executing and ends it
 * before the answer leaves: when the answer has no errors it records, per mutation field, the
 * operation and as subjects every id and region code found in the field's arguments and result,
 * then commits; otherwise it rolls everything back (a request with errors writes nothing, its
 * audit entry included). The client hears of success only after the commit.
 *
 * Hand-written mutations commit on their own (Graph.write), so a request may not mix the two.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
} from "graphql";
import type { AuditWrite } from "../audit/audit.js";
import type { OpenWrite } from "../database/graph.js";
import type { RequestContext } from "./context.js";
import { formatError } from "./errors.js";

const KEYS = new Set(["id", "code"]);

/** Every string under an `id` or `code` key, at any depth (filters `{id: {eq: …}}` included). */
export function idsIn(value: unknown, found: Set<string> = new Set(), underKey = false): Set<string> {
  if (typeof value === "string" && underKey) found.add(value);
  else if (Array.isArray(value)) for (const item of value) idsIn(item, found, underKey);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value))
      idsIn(inner, found, KEYS.has(key) || (underKey && /^(eq|in)$/.test(key)));
  }
  return found;
}

/** The root fields of an operation, through inline fragments and fragment spreads (none escape). */
function rootFields(selections: readonly SelectionNode[], document: DocumentNode): FieldNode[] {
  return selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value.startsWith("__") ? [] : [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet.selections, document);
    const fragment = document.definitions.find(
      (definition): definition is FragmentDefinitionNode =>
        definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment ? rootFields(fragment.selectionSet.selections, document) : [];
  });
}

interface GeneratedField {
  name: string;
  responseKey: string;
  argumentIds: Set<string>;
}

/** The audit entries of the fields that returned a result. */
function auditEntries(fields: GeneratedField[], data: Record<string, unknown>): AuditWrite[] {
  return fields.flatMap((field) => {
    const result = data[field.responseKey];
    return result == null ? [] : [{ operation: field.name, subjectIds: [...idsIn(result, field.argumentIds)] }];
  });
}

export function generatedMutationAuditPlugin(generated: ReadonlySet<string>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let fields: GeneratedField[] = [];
      let write: OpenWrite | undefined;
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation?.operation !== "mutation") return;
          const all = rootFields(operation.selectionSet.selections, document);
          fields = all
            .filter((field) => generated.has(field.name.value))
            .map((field) => ({
              name: field.name.value,
              responseKey: field.alias?.value ?? field.name.value,
              argumentIds: idsIn(
                Object.fromEntries(
                  (field.arguments ?? []).map((a) => [
                    a.name.value,
                    valueFromASTUntyped(a.value, request.variables ?? {}),
                  ]),
                ),
              ),
            }));
          if (fields.length > 0 && fields.length < all.length) {
            throw new GraphQLError(
              "Send generated mutations (create…, update…, delete…) and the platform's own mutations in separate requests: each kind commits in its own transaction. Nothing was written.",
              { extensions: { code: "BAD_REQUEST", field: "mutation", http: { status: 400 } } },
            );
          }
        },
        async executionDidStart({ contextValue }) {
          if (fields.length === 0) return;
          write = contextValue.graph.openWrite();
          contextValue.executionContext = write.transaction;
        },
        async willSendResponse({ response }) {
          if (!write) return;
          const result = response.body.kind === "single" ? response.body.singleResult : undefined;
          if (!result?.data || result.errors?.length) {
            await write.rollback();
            if (result) result.data = null; // what the fields returned was rolled back
            return;
          }
          try {
            await write.commit(auditEntries(fields, result.data));
          } catch (error) {
            result.data = null;
            result.errors = [
              formatError(
                {
                  message: "The write could not be committed; nothing was written.",
                  extensions: { code: "INTERNAL_SERVER_ERROR" },
                },
                error,
              ),
            ];
          }
        },
      };
    },
  };
}
