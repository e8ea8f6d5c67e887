import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "../src/database/driver.js";
import { daysBetween } from "../src/domain/dates.js";
import { loadSeed, readSeedFile } from "../src/seed/loader.js";
import { asLoadedOn } from "../src/seed/seed-file.js";
import { fingerprint, startTestPlatform, tokenFor, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { GOUDONG, LAIXI, TOWN } from "./fixtures/sample.js";

let driver: Driver;
let platform: TestPlatform;
beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

describe("the sample region is the real Laixi of 2019", () => {
  it("finds 沟东新村 by name: its real code, in the real 日庄镇, its source telling official from generated", async () => {
    const analyst = await tokenFor("ANALYST", [LAIXI]);
    const { data, errors } = await platform.gql(
      `{ regions(where: { name: { contains: "沟东新" } }) { code name officialName level isNewVillage source
           parent { code name } } }`,
      {},
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data!.regions).toHaveLength(1);
    const [goudong] = data!.regions;
    expect(goudong).toMatchObject({
      code: "370285105294",
      name: "沟东新村",
      officialName: "沟东新村村民委员会",
      level: "VILLAGE",
      isNewVillage: true,
      parent: [{ code: "370285105000", name: "日庄镇" }],
    });
    expect(goudong.source).toMatch(/^official: code, officialName.*2023年统计用区划代码.*; generated: /);
    const { data: formed } = await platform.gql(
      `query ($code: String!) { regions(where: { mergedInto: { some: { code: { eq: $code } } } }, sort: [{ code: ASC }]) {
          code name officialName level formerLevel source } }`,
      { code: GOUDONG.code },
      analyst,
    );
    expect(formed!.regions.map((r: { code: string }) => r.code)).toEqual(GOUDONG.absorbed);
    for (const village of formed!.regions) {
      expect(village).toMatchObject({ level: "GRID", formerLevel: "VILLAGE" });
      expect(village.officialName).toMatch(/村委会$/);
      expect(village.code.startsWith("370285105")).toBe(true);
      expect(village.source).toMatch(/^official: .*2019年统计用区划代码.*; generated: /);
    }
  });

  it("has Laixi's 12 town-level units and 896 village-level units (861 村, 35 居) under their real codes", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (t:Region {level: 'TOWN'})-[:PART_OF]->(:Region {code: $laixi})
       WITH collect(t.code) AS towns
       MATCH (u:Region) WHERE u.divisionVintage = 2019 AND u.code STARTS WITH '370285' AND size(u.code) = 12
         AND NOT u.code ENDS WITH '000'
       RETURN towns, coalesce(u.formerLevel, u.level) AS level, count(*) AS units`,
      { laixi: LAIXI },
    );
    expect(records[0]!.get("towns").sort()).toEqual(Object.values(TOWN).sort());
    const units = Object.fromEntries(records.map((r) => [r.get("level"), r.get("units").toNumber()]));
    expect(units).toEqual({ VILLAGE: 861, RESIDENTIAL: 35 });
    // Beside them, the three new villages of the sample's history: 沟东新村 under its real code, two generated.
    const { data } = await platform.gql(
      `{ regions(where: { isNewVillage: { eq: true }, code: { startsWith: "370285" }, validFrom: { lt: "${inject("sampleAsOf")}" } }, sort: [{ code: ASC }]) {
          code name divisionVintage source } }`,
    );
    expect(data!.regions.map((r: { name: string }) => r.name)).toEqual(["夏格庄新村", "沟东新村", "河头店新村"]);
    for (const r of data!.regions) expect(r.divisionVintage).toBeNull();
    expect(data!.regions.filter((r: { source: string }) => r.source.startsWith("generated: "))).toHaveLength(2);
  });
});

describe("the sample region seed", () => {
  it("holds what its file says, and loading it again (on the day it was loaded) changes nothing", async () => {
    const seed = readSeedFile();
    const before = await fingerprint(driver);
    const summary = await loadSeed(driver, seed, { day: inject("sampleAsOf") });
    expect(summary.nodes).toBe(Object.values(seed.nodes).reduce((a, rows) => a + rows.length, 0));
    expect(await fingerprint(driver)).toEqual(before);
  }, 300_000); // 70,000 merges in one transaction: seconds on a quiet machine, minutes on a crowded one

  it("is calibrated on DOMAIN.md's figures, and has a new village formed from five and every Party organization category", async () => {
    const seed = readSeedFile();
    const villages = seed.nodes.Region!.filter((r) => r.level === "VILLAGE" && !r.isNewVillage);
    const share = (test: (r: Record<string, unknown>) => boolean) => villages.filter(test).length / villages.length;
    const mean = villages.reduce((a, r) => a + Number(r.population), 0) / villages.length;
    expect(Math.abs(mean - 868)).toBeLessThan(30); // mean village population 868
    expect(Math.abs(share((r) => Number(r.population) > 1000) - 0.29)).toBeLessThan(0.03);
    expect(Math.abs(share((r) => Number(r.households) < 200) - 0.47)).toBeLessThan(0.03);
    const goudong = seed.relationships.find((g) => g.type === "MERGED_INTO")!.rows.filter((r) => r.to === GOUDONG.code);
    expect(goudong).toHaveLength(5);
    const categories = new Set(seed.nodes.PartyOrganization!.map((o) => o.category));
    expect([...categories].sort()).toEqual([
      "AGRI_PARK",
      "ASSOCIATION",
      "COMMUNITY",
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
    expect(moved.nodes.Region!.find((r) => r.code === GOUDONG.code)!.validFrom).toBe("2020-08-02");
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
