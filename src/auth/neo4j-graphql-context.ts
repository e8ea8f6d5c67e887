/**
 * What the generated API's authorization rules (schema/*.graphql, `@authorization`) read:
 * the decoded JWT, with the role turned into the flags the rules test, and `$scope` for the
 * `inScope` fields' Cypher.
 */
import type { Principal } from "../domain/principal.js";
import { scopeParameter } from "./scope.js";

export interface GeneratedApiContext {
  jwt: {
    sub: string;
    roles: string[];
    regions: string[];
    /** May write the domain graph: ADMIN, EDITOR. */
    editor: boolean;
    /** May read person names and birth years: every role but VIEWER. */
    personalData: boolean;
  };
  cypherParams: { scope: string[] | null };
}

export function generatedApiContext(principal: Principal): GeneratedApiContext {
  return {
    jwt: {
      sub: principal.subject,
      roles: [principal.role],
      regions: principal.regions,
      editor: principal.role === "ADMIN" || principal.role === "EDITOR",
      personalData: principal.role !== "VIEWER",
    },
    cypherParams: { scope: scopeParameter(principal) },
  };
}
