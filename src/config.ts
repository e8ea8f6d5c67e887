import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding package.json, whether this runs from src/ (tsx) or dist/src/ (built). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "schema"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root above ${from}`);
  }
}

/** The repository root, whatever the working directory (tests, scripts, the server). */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The calendar "today" (default asOf, "not in the future") is the deployment's local date. */
export const TIMEZONE = process.env.PLATFORM_TIMEZONE || "Asia/Shanghai";

/** Thresholds of the coverage rules; DOMAIN.md's defaults, changeable per deployment. */
export interface RuleThresholds {
  /** A village is weak when its collective income (万元) is strictly below this. */
  weakCollectiveIncome: number;
  /** NO_RECENT_RECRUITMENT looks this many years back from asOf. */
  recruitmentYears: number;
  /** COUNCIL_INACTIVE when the latest meeting is strictly more than this many days old. */
  councilInactiveDays: number;
  /** Formal members from which an organization should form its own Party organization. */
  ownOrgMinMembers: number;
  /** Village layout planning: a strong village's collective income (万元) at least … */
  strongCollectiveIncome: number;
  /** … the largest distance (km) between two villages of a new village before a warning … */
  mergeMaxSpreadKm: number;
  /** … and the fewest households of a viable new village. */
  mergeMinHouseholds: number;
}

export interface LocalNeo4jConfig {
  home: string;
  boltPort: number;
  heap: string;
  pageCacheMb: number;
  /** The server stops any transaction running longer (db.transaction.timeout). */
  transactionTimeoutMs: number;
  /** Extra JVM options of the launcher (NEO4J_JAVA_OPTS, split at spaces). */
  javaOptions?: string[];
}

export interface AuthConfig {
  /** HS256 secret of locally minted tokens (AUTH_JWT_SECRET); see resolveJwtSecret for the default. */
  jwtSecret?: string;
  /** JWKS of an external issuer (AUTH_JWKS_URL); when set, only its tokens are accepted. */
  jwksUrl?: string;
}

/** What one request may cost; each limit is refused with a clear error, not a slow answer. */
export interface RequestLimits {
  /** Deepest selection nesting of a GraphQL operation. */
  maxDepth: number;
  /** Weighted field count: a field inside a list counts once per element it may return. */
  maxComplexity: number;
  /** Largest request body, as an express size ("1mb"). */
  maxBody: string;
}

/**
 * SCRATCH_MAX_VILLAGES by default. The API (256 MB of heap) ran out of memory computing Shandong's
 * province report for a past asOf from scratch (77,299 units, 5.6 million nodes; the process
 * died); every city of Shandong has fewer than 10,000 (青岛 6,720), and so fits.
 */
export const DEFAULT_SCRATCH_MAX_VILLAGES = 10_000;

export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** Set when NEO4J_URI is given: the platform uses that server and starts nothing. */
  neo4jUri?: string;
  neo4jUser: string;
  neo4jPassword: string;
  local: LocalNeo4jConfig;
  seedIfEmpty: boolean;
  /** Versioned migrations (NNN_name.cypher) applied at start; see src/database/versioned-migrations.ts. */
  migrationsDir: string;
  rules: RuleThresholds;
  /** A pairing network with more nodes than this comes back cut, with truncated: true. */
  networkMaxNodes: number;
  /**
   * The most village-level units a report or gap list computed from scratch (a past asOf, or
   * ANALYTICS=scratch) may cover: such an answer holds all the region's subjects in memory.
   */
  scratchMaxVillages: number;
  /** How much the remembered answers may weigh (regions in reports, gaps in lists, nodes and edges in networks); 0 remembers nothing. */
  answerCacheSize: number;
  auth: AuthConfig;
  limits: RequestLimits;
  /** "auto": keep the analytics current when Neo4j has the change feed; "scratch": always compute from scratch. */
  analytics: "auto" | "scratch";
  /** Origins of front ends on other sites that may call the API (CORS_ORIGINS); "*" for any; none: same origin only. */
  corsOrigins: string[];
}

/** CORS_ORIGINS: comma-separated origins (scheme://host[:port], as a browser sends them) or "*". */
function originsFrom(raw: string | undefined): string[] {
  const origins = (raw ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === "*") continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin)
      throw new Error(
        `CORS_ORIGINS: "${origin}" is not an origin such as https://front.example.org or http://127.0.0.1:5173`,
      );
  }
  return origins;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** NEO4J_JAVA_OPTS as launcher options: the test run's throwaway instances set it (vitest.config.ts). */
export function localJavaOptions(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.NEO4J_JAVA_OPTS ?? "").split(/\s+/).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, "PORT", 4000),
    host: env.HOST ?? "127.0.0.1",
    production: env.NODE_ENV === "production",
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER ?? "neo4j",
    neo4jPassword: env.NEO4J_PASSWORD ?? "neo4j",
    local: {
      home: path.resolve(PROJECT_ROOT, env.NEO4J_HOME ?? ".neo4j/run"),
      boltPort: intFrom(env, "NEO4J_BOLT_PORT", 7687),
      heap: env.NEO4J_HEAP ?? "1g",
      pageCacheMb: intFrom(env, "NEO4J_PAGECACHE_MB", 512),
      transactionTimeoutMs: intFrom(env, "LIMIT_TRANSACTION_TIMEOUT_MS", 30000),
      javaOptions: localJavaOptions(env),
    },
    seedIfEmpty: env.SEED_IF_EMPTY !== "false",
    migrationsDir: path.resolve(PROJECT_ROOT, env.MIGRATIONS_DIR ?? "cypher/migrations"),
    networkMaxNodes: intFrom(env, "NETWORK_MAX_NODES", 2000),
    scratchMaxVillages: intFrom(env, "SCRATCH_MAX_VILLAGES", DEFAULT_SCRATCH_MAX_VILLAGES),
    answerCacheSize: intFrom(env, "ANSWER_CACHE_SIZE", 50000),
    analytics: env.ANALYTICS === "scratch" ? "scratch" : "auto",
    corsOrigins: originsFrom(env.CORS_ORIGINS),
    auth: { jwtSecret: env.AUTH_JWT_SECRET || undefined, jwksUrl: env.AUTH_JWKS_URL || undefined },
    limits: {
      maxDepth: intFrom(env, "LIMIT_QUERY_DEPTH", 10),
      maxComplexity: intFrom(env, "LIMIT_QUERY_COMPLEXITY", 50000),
      maxBody: env.LIMIT_BODY_SIZE ?? "1mb",
    },
    rules: {
      weakCollectiveIncome: intFrom(env, "RULE_WEAK_COLLECTIVE_INCOME", 10),
      recruitmentYears: intFrom(env, "RULE_RECRUITMENT_YEARS", 2),
      councilInactiveDays: intFrom(env, "RULE_COUNCIL_INACTIVE_DAYS", 90),
      ownOrgMinMembers: intFrom(env, "RULE_OWN_ORG_MIN_MEMBERS", 3),
      strongCollectiveIncome: intFrom(env, "RULE_STRONG_COLLECTIVE_INCOME", 100),
      mergeMaxSpreadKm: intFrom(env, "RULE_MERGE_MAX_SPREAD_KM", 5),
      mergeMinHouseholds: intFrom(env, "RULE_MERGE_MIN_HOUSEHOLDS", 300),
    },
  };
}
