/**
 * What production (NODE_ENV=production) refuses to start with: a missing or default token secret
 * and a missing or default Neo4j password. Every problem is named, in one line, before anything
 * is started or connected.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, type Config } from "./config.js";

const WEAK_PASSWORDS = new Set([
  "neo4j",
  "password",
  "changeme",
  "change-me",
  "admin",
  "secret",
  "test",
  "12345678",
  "123456789",
  "1234567890",
  "qwertyuiop",
]);
const PLACEHOLDER = /change.?me|replace.?me|your.?(?:jwt.?)?secret|placeholder|example|default|^(.)\1*$/i;
const LOCAL_SECRET_FILE = path.join(PROJECT_ROOT, ".neo4j", "jwt-secret");

export class ProductionConfigError extends Error {
  override name = "ProductionConfigError";
}

/** The reasons this configuration may not run in production (none outside production). */
export function productionProblems(config: Config): string[] {
  if (!config.production) return [];
  const problems: string[] = [];
  const secret = config.auth.jwtSecret;
  if (!secret && !config.auth.jwksUrl) {
    problems.push(
      "AUTH_JWT_SECRET is missing (set 32+ random characters, e.g. `openssl rand -base64 48`, or set AUTH_JWKS_URL)",
    );
  } else if (secret) {
    const localDefault = fs.existsSync(LOCAL_SECRET_FILE)
      ? fs.readFileSync(LOCAL_SECRET_FILE, "utf8").trim()
      : undefined;
    if (secret.length < 32) problems.push("AUTH_JWT_SECRET is shorter than 32 characters");
    else if (PLACEHOLDER.test(secret) || new Set(secret).size < 8)
      problems.push("AUTH_JWT_SECRET is a placeholder or default, not a random secret");
    else if (secret === localDefault)
      problems.push("AUTH_JWT_SECRET is the embedded default's secret (.neo4j/jwt-secret)");
  }
  const password = config.neo4jPassword;
  if (!password || WEAK_PASSWORDS.has(password.toLowerCase())) {
    problems.push("NEO4J_PASSWORD is missing or a default (neo4j, password, …)");
  } else if (password.length < 8) {
    problems.push("NEO4J_PASSWORD is shorter than 8 characters");
  }
  return problems;
}

/** Throws a ProductionConfigError naming every problem. */
export function assertProductionReady(config: Config): void {
  const problems = productionProblems(config);
  if (problems.length > 0) throw new ProductionConfigError(`Refusing to start in production: ${problems.join("; ")}.`);
}
