/**
 * Mints a bearer token for the local platform, signed with its secret (AUTH_JWT_SECRET, or the
 * embedded default kept in .neo4j/jwt-secret):
 *
 *   npm run token -- --role ANALYST --region 370285105000 [--region …] [--subject name] [--expires 8h]
 *
 * ADMIN needs no region. Prints the token alone on stdout, so `TOKEN=$(npm run -s token -- …)` works.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { ROLES, type Role } from "../src/domain/principal.js";
import { resolveJwtSecret } from "../src/auth/secret.js";
import { mintToken } from "../src/auth/tokens.js";
import { loadConfig } from "../src/config.js";
import { regionCodeProblem } from "../src/domain/region-code.js";

const { values } = parseArgs({
  options: {
    role: { type: "string", default: "ADMIN" },
    region: { type: "string", multiple: true, default: [] },
    subject: { type: "string", default: os.userInfo().username },
    expires: { type: "string", default: "8h" },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const role = values.role!.toUpperCase() as Role;
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(", ")}`);
const regions = values.region!;
for (const code of regions) {
  const problem = regionCodeProblem(code);
  if (problem || code.includes("-"))
    fail(`--region: ${problem ?? `${code} is a grid; name a village or a larger region`}`);
}
if (role !== "ADMIN" && regions.length === 0)
  fail(`a ${role} token needs at least one --region (e.g. --region 370285000000 for 莱西市)`);
const secret = resolveJwtSecret(loadConfig());
if (!secret) fail("AUTH_JWKS_URL is set: tokens come from that issuer, not from this command");
console.log(await mintToken(secret, { subject: values.subject!, role, regions, expiresIn: values.expires! }));
