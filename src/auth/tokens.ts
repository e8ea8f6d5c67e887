/**
 * Bearer tokens: HS256 JWTs minted here for local use, or tokens of an external issuer checked
 * against its JWKS. Claims: `sub`, `roles` (one role), `regions` (region codes).
 */
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { ROLES, type Principal, type Role } from "../domain/principal.js";
import { DIVISION_CODE } from "../domain/region-code.js";

export const TOKEN_ISSUER = "qingdao-org-graph";

export interface TokenVerifierOptions {
  /** HS256 shared secret (AUTH_JWT_SECRET). */
  secret?: string;
  /** An issuer's key set (AUTH_JWKS_URL); takes precedence over the secret. */
  jwksUrl?: string;
}

export class InvalidTokenError extends Error {}

/** Reads a verified payload as a Principal, refusing tokens whose claims are not ours. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const roles = payload.roles;
  const role = Array.isArray(roles) && roles.length === 1 ? roles[0] : undefined;
  if (!ROLES.includes(role as Role))
    throw new InvalidTokenError(`the token's roles must be one of ${ROLES.join(", ")}`);
  const regions = payload.regions ?? [];
  if (!Array.isArray(regions) || !regions.every((code) => typeof code === "string" && DIVISION_CODE.test(code))) {
    throw new InvalidTokenError("the token's regions must be 12-digit region codes");
  }
  if (typeof payload.sub !== "string" || payload.sub === "")
    throw new InvalidTokenError("the token has no subject (sub)");
  return { subject: payload.sub, role: role as Role, regions: regions as string[] };
}

export function createTokenVerifier(
  options: TokenVerifierOptions,
): (token: string) => Promise<{ principal: Principal; claims: JWTPayload }> {
  const key: Uint8Array | JWTVerifyGetKey = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : new TextEncoder().encode(requireSecret(options.secret));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, options.jwksUrl ? {} : { algorithms: ["HS256"] }));
    } catch (error) {
      throw new InvalidTokenError(`the token is not valid: ${(error as Error).message}`);
    }
    return { principal: principalFromClaims(payload), claims: payload };
  };
}

export interface MintOptions {
  subject: string;
  role: Role;
  regions?: string[];
  /** jose duration, e.g. "8h", "30d". */
  expiresIn?: string;
}

/** A signed HS256 token for local use (the `npm run token` command, tests, the embedded default). */
export async function mintToken(secret: string, options: MintOptions): Promise<string> {
  return new SignJWT({ roles: [options.role], regions: options.regions ?? [] })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.subject)
    .setIssuer(TOKEN_ISSUER)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "8h")
    .sign(new TextEncoder().encode(requireSecret(secret)));
}

function requireSecret(secret: string | undefined): string {
  if (!secret || secret.length < 32) throw new Error("AUTH_JWT_SECRET must be at least 32 characters");
  return secret;
}
