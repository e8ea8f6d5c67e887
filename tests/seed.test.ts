import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { loadSeed, readSeedFile } from "../src/seed/loader.js";
import { fingerprint } from "./helpers.js";

let driver: Driver;
beforeAll(async () => {
  driver = await connect({ uri: inject("neo4jUri"), user: "neo4j", password: "neo4j" });
});
afterAll(() => driver?.close());

describe("the sample region seed", () => {
  it("holds what its file says, and loading it again changes nothing", async () => {
    const seed = readSeedFile();
    const before = await fingerprint(driver);
    const summary = await loadSeed(driver, seed);
    expect(summary.nodes).toBe(Object.values(seed.nodes).reduce((a, rows) => a + rows.length, 0));
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("is modelled on Laixi: 80 to 150 villages, a new village formed from five, every Party organization category", async () => {
    const seed = readSeedFile();
    const villages = seed.nodes.Region!.filter((r) => r.level === "VILLAGE");
    expect(villages.length).toBeGreaterThanOrEqual(80);
    expect(villages.length).toBeLessThanOrEqual(150);
    const goudong = seed.relationships.find((g) => g.type === "MERGED_INTO")!.rows.filter((r) => r.to === "370285104250");
    expect(goudong).toHaveLength(5);
    const categories = new Set(seed.nodes.PartyOrganization!.map((o) => o.category));
    expect([...categories].sort()).toEqual(
      ["AGRI_PARK", "ASSOCIATION", "COOPERATIVE", "FUNCTIONAL", "GRID", "INDUSTRY_CHAIN", "INSTITUTION", "TOWN", "TWO_NEW", "TWO_NEW_COMPREHENSIVE", "VILLAGE"],
    );
    const pairingKinds = new Set(seed.nodes.Pairing!.map((p) => p.kind));
    expect(pairingKinds.size).toBe(5);
  });
});
