/**
 * Who is asking: the verified claims of a bearer token, in the domain's words.
 * Roles and region scope are the whole authorization model (README, "Roles and tokens").
 */
export const ROLES = ["ADMIN", "EDITOR", "PLANNER", "ANALYST", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The token's `sub`: recorded as the actor of every write. */
  subject: string;
  role: Role;
  /**
   * Region codes the token may see, each with everything below it. ADMIN sees every region
   * whatever this holds.
   */
  regions: string[];
}

/** ADMIN is the one role without a region scope. */
export function seesEverything(principal: Principal): boolean {
  return principal.role === "ADMIN";
}
