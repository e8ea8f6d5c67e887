/**
 * The HS256 secret of locally minted tokens. Configured: AUTH_JWT_SECRET. Embedded default
 * (not production): a random secret made once and kept in .neo4j/jwt-secret, so the server and
 * `npm run token` agree without any setup, and tokens survive restarts.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, type Config } from "../config.js";
import type { TokenVerifierOptions } from "./tokens.js";

const LOCAL_SECRET_FILE = path.join(PROJECT_ROOT, ".neo4j", "jwt-secret");

export function resolveJwtSecret(config: Config): string | undefined {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  if (config.auth.jwksUrl) return undefined;
  if (config.production) throw new Error("production needs AUTH_JWT_SECRET (at least 32 characters) or AUTH_JWKS_URL");
  fs.mkdirSync(path.dirname(LOCAL_SECRET_FILE), { recursive: true });
  try {
    // "wx": the first process to get here makes it; any other keeps the one that exists.
    fs.writeFileSync(LOCAL_SECRET_FILE, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
}

/** How tokens are checked: the issuer's key set if configured, else the HS256 secret. */
export function tokenKeys(config: Config): TokenVerifierOptions {
  return { secret: resolveJwtSecret(config), jwksUrl: config.auth.jwksUrl };
}
