import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { daysBetween } from "../src/domain/dates.js";
import { loadSeed, readSeedFile } from "../src/seed/loader.js";
import { asLoadedOn } from "../src/seed/seed-file.js";
import { fingerprint } from "./helpers.js";

let driver: Driver;
beforeAll(async () => {
  driver = await connect({ uri: inject("neo4jUri"), user: "neo4j", password: "neo4j" });
});
afterAll(() => driver?.close());

describe("the sample region seed", () => {
  it("holds what its file says, and loading it again (on the day it was loaded) changes nothing", async () => {
    const seed = readSeedFile();
    const before = await fingerprint(driver);
    const summary = await loadSeed(driver, seed, { day: inject("sampleAsOf") });
    expect(summary.nodes).toBe(Object.values(seed.nodes).reduce((a, rows) => a + rows.length, 0));
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("is modelled on Laixi: 80 to 150 villages, a new village formed from five, every Party organization category", async () => {
    const seed = readSeedFile();
    const villages = seed.nodes.Region!.filter((r) => r.level === "VILLAGE");
    expect(villages.length).toBeGreaterThanOrEqual(80);
    expect(villages.length).toBeLessThanOrEqual(150);
    const goudong = seed.relationships
      .find((g) => g.type === "MERGED_INTO")!
      .rows.filter((r) => r.to === "370285104250");
    expect(goudong).toHaveLength(5);
    const categories = new Set(seed.nodes.PartyOrganization!.map((o) => o.category));
    expect([...categories].sort()).toEqual([
      "AGRI_PARK",
      "ASSOCIATION",
      "COOPERATIVE",
      "FUNCTIONAL",
      "GRID",
      "INDUSTRY_CHAIN",
      "INSTITUTION",
      "TOWN",
      "TWO_NEW",
      "TWO_NEW_COMPREHENSIVE",
      "VILLAGE",
    ]);
    const pairingKinds = new Set(seed.nodes.Pairing!.map((p) => p.kind));
    expect(pairingKinds.size).toBe(5);
  });

  it("moves every date by the days from its reference date to the day it is loaded, keeping every interval", () => {
    const seed = readSeedFile();
    expect(seed).toMatchObject({ referenceDate: "2026-11-15", shiftToLoadDay: true });
    const moved = asLoadedOn(seed, "2027-03-01"); // 106 days later
    expect(moved.referenceDate).toBe("2027-03-01");
    const events = (file: typeof seed) => file.nodes.OrgLifeEvent!.map((e) => e.heldOn as string);
    expect(events(moved).map((d, i) => daysBetween(events(seed)[i]!, d))).toEqual(events(seed).map(() => 106));
    const terms = (file: typeof seed) =>
      file.relationships.find((g) => g.type === "FIRST_SECRETARY_OF")!.rows.map((r) => r.props);
    expect(terms(moved)).toContainEqual({ since: "2024-06-15", until: "2027-03-01" }); // until = the reference date
    expect(moved.nodes.Region!.find((r) => r.code === "370285104250")!.validFrom).toBe("2020-08-02");
    expect(moved.nodes.Person![0]!.birthYear).toBe(seed.nodes.Person![0]!.birthYear);
    // Fixtures without the flag load as written.
    const { shiftToLoadDay: _flag, ...fixed } = seed;
    expect(asLoadedOn(fixed, "2027-03-01")).toBe(fixed);
  });

  it("was loaded with its reference date on the day of loading: the latest theme days are recent", async () => {
    const { records } = await driver.executeQuery(
      "MATCH (e:OrgLifeEvent {kind: 'THEME_DAY'}) RETURN toString(max(e.heldOn)) AS latest, toString(date($day) + duration({days: 1})) AS tomorrow",
      { day: inject("sampleAsOf") },
    );
    // One theme day was entered ahead, dated the day after the reference date (DEFECTS: EVENT_AFTER_AS_OF).
    expect(records[0]!.get("latest")).toBe(records[0]!.get("tomorrow"));
  });
});
