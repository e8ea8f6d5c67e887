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

/** The platform itself (startup, commands, benchmarks): unrestricted, and named so in the audit trail. */
export const SYSTEM: Principal = { subject: "system", role: "ADMIN", regions: [] };

/** Who may read gap lists, chains, networks and paths (VIEWER gets aggregate figures only). */
export const READERS: Role[] = ["ADMIN", "EDITOR", "PLANNER", "ANALYST"];
/** Who may write the domain graph, inside their regions. */
export const EDITORS: Role[] = ["ADMIN", "EDITOR"];
/** Who may simulate, save, apply and revert village layout adjustments, inside their towns. */
export const PLANNERS: Role[] = ["ADMIN", "PLANNER"];
/** Who may read the real layout adjustment (the division vintages side by side), inside their regions. */
export const LAYOUT_READERS: Role[] = ["ADMIN", "PLANNER", "ANALYST"];
