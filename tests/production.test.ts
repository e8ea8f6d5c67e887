/**
 * Production hardening: NODE_ENV=production refuses to start with a missing or default token
 * secret or Neo4j password (before it starts or connects to anything), and the compose deployment
 * (checked as a file: there is no Docker engine here) runs the API unprivileged with healthchecks,
 * resource limits, volumes for data and backups, and a scheduled backup service.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { productionProblems } from "../src/production.js";
import { startPlatform } from "../src/server.js";

const SECRET = "0f9a1c83be7d4e62a5b9c0d1e2f3a4b5c6d7e8f9";
const PASSWORD = "n30j-Pa55word-of-this-deployment";
const production = (env: Record<string, string>) =>
  loadConfig({ NODE_ENV: "production", NEO4J_URI: "bolt://127.0.0.1:1", ...env });

describe("NODE_ENV=production", () => {
  it("accepts a real secret (or a JWKS URL) and a real Neo4j password", () => {
    expect(productionProblems(production({ AUTH_JWT_SECRET: SECRET, NEO4J_PASSWORD: PASSWORD }))).toEqual([]);
    expect(
      productionProblems(production({ AUTH_JWKS_URL: "https://id.example.org/jwks", NEO4J_PASSWORD: PASSWORD })),
    ).toEqual([]);
    expect(productionProblems(loadConfig({}))).toEqual([]);
  });

  it.each([
    [{ NEO4J_PASSWORD: PASSWORD }, /AUTH_JWT_SECRET is missing/],
    [{ AUTH_JWT_SECRET: "short-secret", NEO4J_PASSWORD: PASSWORD }, /shorter than 32 characters/],
    [
      { AUTH_JWT_SECRET: "change-me-change-me-change-me-change-me", NEO4J_PASSWORD: PASSWORD },
      /placeholder or default/,
    ],
    [{ AUTH_JWT_SECRET: "x".repeat(40), NEO4J_PASSWORD: PASSWORD }, /placeholder or default/],
    [{ AUTH_JWT_SECRET: SECRET }, /NEO4J_PASSWORD is missing or a default/],
    [{ AUTH_JWT_SECRET: SECRET, NEO4J_PASSWORD: "neo4j" }, /NEO4J_PASSWORD is missing or a default/],
    [{ AUTH_JWT_SECRET: SECRET, NEO4J_PASSWORD: "password" }, /NEO4J_PASSWORD is missing or a default/],
    [{ AUTH_JWT_SECRET: SECRET, NEO4J_PASSWORD: "abc123" }, /NEO4J_PASSWORD is shorter than 8 characters/],
  ])("refuses %j", (env, reason) => {
    const problems = productionProblems(production(env));
    expect(problems.join("; ")).toMatch(reason);
  });

  it("refuses before starting or connecting to anything, naming every problem in one line", async () => {
    // NEO4J_URI points at a closed port: the refusal must come first, not a connection error.
    const refusal = startPlatform(production({}), () => {});
    await expect(refusal).rejects.toThrow(
      /^Refusing to start in production: AUTH_JWT_SECRET is missing .*; NEO4J_PASSWORD is missing or a default .*\.$/,
    );
  });

  it("the server process exits with that line", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEO4J_URI: "bolt://127.0.0.1:1",
        AUTH_JWT_SECRET: SECRET,
        NEO4J_PASSWORD: "",
        PORT: "0",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "Could not start: Refusing to start in production: NEO4J_PASSWORD is missing or a default (neo4j, password, …).",
    );
  });
});

describe("docker-compose.yml (parsed; not run: no Docker engine here)", () => {
  const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, "docker-compose.yml"), "utf8")) as {
    services: Record<string, Record<string, any>>;
    volumes: Record<string, unknown>;
  };
  const { neo4j, api, backup } = compose.services as Record<string, Record<string, any>>;
  const env = (service: Record<string, any>) => service.environment as Record<string, string>;
  const hasLimits = (service: Record<string, any>) => {
    const limits = service.deploy?.resources?.limits;
    expect(limits?.cpus, "cpus limit").toMatch(/^\d+(\.\d+)?$/);
    expect(limits?.memory, "memory limit").toMatch(/^\d+[mg]$/);
  };
  const hasHealthcheck = (service: Record<string, any>) => {
    expect(Array.isArray(service.healthcheck?.test)).toBe(true);
    expect(service.healthcheck.test[0]).toMatch(/^CMD(-SHELL)?$/);
    expect(service.healthcheck.interval).toBeTruthy();
  };

  it("runs the API as a non-root user, in production mode, with required credentials", () => {
    expect(api).toBeDefined();
    expect(String(api!.user)).not.toMatch(/^(root|0)(:|$)/);
    expect(api!.user).toBeTruthy();
    expect(api!.security_opt).toContain("no-new-privileges:true");
    expect(env(api!).NODE_ENV).toBe("production");
    expect(env(api!).NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
    expect(api!.depends_on.neo4j.condition).toBe("service_healthy");
    const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it("gives every service a healthcheck and resource limits", () => {
    for (const service of [neo4j!, api!, backup!]) {
      hasHealthcheck(service);
      hasLimits(service);
    }
    expect(api!.healthcheck.test.join(" ")).toContain("/health");
    // The API's heap is capped as npm start caps it (package.json config.apiHeapMb), so its memory stays bounded.
    const { config } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      config: { apiHeapMb: string };
    };
    expect(fs.readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8")).toContain(
      `CMD ["node", "--max-old-space-size=${config.apiHeapMb}", "dist/src/main.js"]`,
    );
  });

  it("keeps Neo4j's data and the backups in named volumes", () => {
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(["neo4j-data", "backups"]));
    expect(neo4j!.volumes).toContain("neo4j-data:/data");
    expect(backup!.volumes).toContain("backups:/backups");
    // A new named volume copies the image folder's owner: the unprivileged user can write it.
    expect(fs.readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8")).toMatch(
      /mkdir -p \/backups && chown node:node \/backups/,
    );
  });

  it("runs scheduled, encrypted backups with a retention count into the backups volume", () => {
    expect(backup!.image).toBe(api!.image);
    expect(String(backup!.user)).not.toMatch(/^(root|0)(:|$)/);
    expect(backup!.restart).toBe("unless-stopped");
    const command = (backup!.command as string[]).join(" ");
    expect(command).toMatch(/while true/);
    expect(command).toMatch(/node dist\/scripts\/backup\.js --out \/backups --keep/);
    expect(command).toMatch(/sleep "\$\$BACKUP_INTERVAL_SECONDS"/);
    expect(env(backup!).BACKUP_KEY).toMatch(/^\$\{BACKUP_KEY:\?/);
    expect(env(backup!).NEO4J_URI).toBe("bolt://neo4j:7687");
    expect(backup!.healthcheck.test.join(" ")).toMatch(/find \/backups .*-mmin/);
  });

  it("builds the commands the backup service runs", () => {
    const build = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "tsconfig.build.json"), "utf8")) as {
      include: string[];
    };
    expect(build.include).toContain("scripts");
    expect(fs.existsSync(path.join(PROJECT_ROOT, "scripts", "backup.ts"))).toBe(true);
    expect(fs.existsSync(path.join(PROJECT_ROOT, "scripts", "restore.ts"))).toBe(true);
  });
});
