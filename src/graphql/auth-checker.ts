/**
 * Roles of the hand-written resolvers: `@Authorized("ADMIN", "EDITOR")` lets those roles in;
 * `@Authorized()` any signed-in principal. Region scope is applied by the services' Cypher.
 */
import type { AuthChecker } from "type-graphql";
import type { RequestContext } from "./context.js";

export const authChecker: AuthChecker<RequestContext> = ({ context }, roles) =>
  roles.length === 0 || roles.includes(context.principal.role);
