/**
 * The pure parts of the kept analytics: how a tree's facts split into cells, where each kept
 * region and gap sits, and on which day an answer can change by date alone.
 */
import { describe, expect, it } from "vitest";
import { computeCell, partition, pathOf, treeCodes } from "./cells.js";
import { loadConfig } from "../../config.js";
import type { Facts } from "../coverage.facts.js";
import { councilChangesOn, villageChangesOn } from "../coverage.rules.js";
import { council, village } from "../../../tests/fixtures/coverage-facts.js";

const rules = loadConfig({}).rules;

const none = (): Facts => ({ twoNew: [], villages: [], grids: [], towns: [], councils: [], orgLife: [] });

describe("partition", () => {
  const regions = [
    { code: "C", level: "CITY" },
    { code: "T", level: "TOWN" },
    { code: "V", level: "VILLAGE" },
    { code: "G", level: "GRID" },
    { code: "G2", level: "GRID" },
    { code: "X", level: "GRID" },
  ];
  it("puts a village with every grid below it in one cell, and anything else in its own region's cell", () => {
    const facts = none();
    facts.villages.push(village(["V", "T", "C"]));
    facts.grids.push({
      scope: ["G2", "G", "V", "T", "C"],
      code: "G2",
      name: "G2",
      hasGridOrg: true,
      hasCentralHousehold: true,
    });
    facts.grids.push({ scope: ["X", "T", "C"], code: "X", name: "X", hasGridOrg: true, hasCentralHousehold: true });
    facts.twoNew.push({
      scope: ["T", "C"],
      id: "o",
      name: "o",
      formalMembers: 0,
      coverModes: [],
      workCovered: true,
      instructed: false,
    });
    const cells = Object.fromEntries(partition(facts, treeCodes(regions)).map((c) => [c.cell, c]));
    expect(Object.keys(cells).sort()).toEqual(["T", "V", "X"]);
    expect(cells.V).toMatchObject({ tree: true, chainAbove: ["T", "C"] });
    expect(cells.V!.facts.grids[0]!.scope).toEqual(["G2", "G", "V"]);
    expect(cells.T).toMatchObject({ tree: false, chainAbove: ["C"] });
    expect(cells.X).toMatchObject({ tree: true, chainAbove: ["T", "C"] });
  });
});

describe("computeCell", () => {
  it("keeps a total for every region of a village cell, zeros included, with its path from the top", () => {
    const facts = none();
    facts.villages.push(village(["V", "T", "C"].slice(0, 1)));
    facts.grids.push({ scope: ["G", "V"], code: "G", name: "G", hasGridOrg: true, hasCentralHousehold: true });
    const { regions, gaps } = computeCell(
      { cell: "V", tree: true, chainAbove: ["T", "C"], facts },
      "2026-12-03",
      rules,
    );
    expect(regions.map((r) => [r.code, r.path]).sort()).toEqual([
      ["G", "/C/T/V/G/"],
      ["V", "/C/T/V/"],
    ]);
    expect(regions.find((r) => r.code === "G")!.total!.every((n) => n === 0)).toBe(true);
    expect(gaps).toEqual([]);
  });

  it("keeps only its own figures for a region that is not a village", () => {
    const facts = none();
    facts.twoNew.push({
      scope: ["T"],
      id: "o",
      name: "o",
      formalMembers: 0,
      coverModes: [],
      workCovered: false,
      instructed: false,
    });
    const { regions, gaps } = computeCell({ cell: "T", tree: false, chainAbove: ["C"], facts }, "2026-12-03", rules);
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatchObject({ code: "T", path: "/C/T/", total: null });
    expect(gaps.map((g) => [g.key, g.path])).toEqual([["NO_WORK_COVERAGE:o", "/C/T/"]]);
  });

  it("writes paths top-down", () => expect(pathOf(["V", "T", "C"])).toBe("/C/T/V/"));
});

describe("the day an answer can change with no write", () => {
  it("is the day after a recruit leaves the two-year window, or the day a join recorded ahead enters it", () => {
    expect(villageChangesOn(village(["V"], { latestRecruitOn: "2025-03-01" }), "2026-12-03", rules)).toBe("2027-03-02");
    expect(
      villageChangesOn(
        village(["V"], { latestRecruitOn: "2025-03-01", upcomingRecruitOn: "2026-12-10" }),
        "2026-12-03",
        rules,
      ),
    ).toBe("2026-12-10");
    expect(villageChangesOn(village(["V"], { latestRecruitOn: null }), "2026-12-03", rules)).toBeNull();
  });

  it("is the 91st day after a council's latest meeting, and every day while its reason counts idle days", () => {
    expect(councilChangesOn(council("2026-11-01"), "2026-12-03", rules)).toBe("2027-01-31");
    expect(councilChangesOn(council("2026-01-01"), "2026-12-03", rules)).toBe("2026-12-04");
    expect(councilChangesOn(council(null), "2026-12-03", rules)).toBe("2026-12-04");
  });
});
