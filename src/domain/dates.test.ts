import { describe, expect, it } from "vitest";
import { daysBetween, neo4jDate, yearsBefore } from "./dates.js";

describe("calendar dates", () => {
  it("goes back whole years, 29 February falling back to 28 February as in Cypher", () => {
    expect(yearsBefore("2026-06-30", 2)).toBe("2024-06-30");
    expect(yearsBefore("2028-02-29", 2)).toBe("2026-02-28");
  });

  it("counts days across months and leap years", () => {
    expect(daysBetween("2026-04-01", "2026-06-30")).toBe(90);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-06-30", "2026-04-01")).toBe(-90);
  });

  it("makes Neo4j Date parameters and refuses what is not an ISO date", () => {
    expect(neo4jDate("2026-11-15").toString()).toBe("2026-11-15");
    expect(() => neo4jDate("15/11/2026")).toThrow(/ISO date/);
  });
});
