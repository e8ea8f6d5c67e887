/**
 * The typed client example (examples/typed-client): graphql-codegen checks its operations against
 * the committed schema and types them, TypeScript checks the module against those types, and the
 * module then reads the sample through a running platform, getting what the API answers.
 */
import { generate } from "@graphql-codegen/cli";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config from "../examples/typed-client/codegen.js";
import { PROJECT_ROOT } from "../src/config.js";
import { startTestPlatform, tokenFor, type TestPlatform } from "./helpers.js";

const require = createRequire(import.meta.url);
const LAIXI = "370285000000";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe("a typed client built on the committed schema", () => {
  it("generates its types, type-checks, and reads the sample's coverage and network as the API answers them", async () => {
    await generate(config, true);
    const tsc = spawnSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "examples/typed-client/tsconfig.json"],
      { cwd: PROJECT_ROOT },
    );
    expect(tsc.status, tsc.stdout.toString()).toBe(0);

    // Loaded by path: its types exist only once codegen has run, so the project's own tsc must not follow it.
    const client = await import(path.join(PROJECT_ROOT, "examples/typed-client/src/client.ts"));
    const url = `${platform.url}/graphql`;
    const token = await tokenFor("ANALYST", [LAIXI], "typed-client");
    const { coverageReport } = await client.request(url, token, client.RegionCoverage, { code: LAIXI, depth: 2 });
    const direct = (
      await platform.ok(
        `query { coverageReport(regionCode: "${LAIXI}", depth: 2) { twoNew { total } villages { total chainComplete } children { region { code } } } }`,
      )
    ).coverageReport;
    expect(coverageReport.twoNew.total).toBe(direct.twoNew.total);
    expect(coverageReport.villages).toMatchObject(direct.villages);
    // The alias the example uses for the towns holds the API's children.
    expect(coverageReport.towns.map((t: { region: { code: string } }) => t.region.code)).toEqual(
      direct.children.map((c: { region: { code: string } }) => c.region.code),
    );

    const weakest = await client.weakestTown(url, token, LAIXI);
    const ratios = coverageReport.towns
      .map((t: { villages: { total: number; chainComplete: number } }) => t.villages)
      .filter((v: { total: number }) => v.total > 0)
      .map((v: { total: number; chainComplete: number }) => v.chainComplete / v.total);
    expect(weakest!.chainComplete / weakest!.total).toBe(Math.min(...ratios));

    const { pairingNetwork } = await client.request(url, token, client.Network, { code: LAIXI });
    expect(pairingNetwork.stats.pairings).toBeGreaterThan(0);
    expect(pairingNetwork.nodes.length).toBeGreaterThan(pairingNetwork.stats.pairings);

    // The API's errors reach the caller with their code and field.
    await expect(client.request(url, token, client.FirstGaps, { code: "37028", first: 5 })).rejects.toThrow(
      /BAD_USER_INPUT/,
    );
  });

  it("refuses an operation the schema does not have, before anything runs", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "typed-client-"));
    try {
      fs.writeFileSync(
        path.join(dir, "broken.ts"),
        'export const Broken = graphql(`query Broken { coverageReport(regionCode: "x") { villages { notAField } } }`);\n',
      );
      const broken = {
        ...config,
        documents: [path.join(dir, "broken.ts")],
        generates: { [path.join(dir, "gql/")]: Object.values(config.generates)[0]! },
      };
      await expect(generate(broken, true)).rejects.toThrow(/notAField/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
