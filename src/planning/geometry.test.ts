/** Great-circle geometry of village layout planning; no database. */
import { describe, expect, it } from "vitest";
import { at } from "../../tests/fixtures/planning-villages.js";
import { centroidOf, distanceKm, spreadKm } from "./geometry.js";

describe("geometry", () => {
  it("measures great-circle distances: one degree of latitude is about 111.2 km", () => {
    expect(distanceKm({ latitude: 36, longitude: 120 }, { latitude: 37, longitude: 120 })).toBeCloseTo(111.195, 2);
    expect(distanceKm(at(0), at(0))).toBe(0);
  });

  it("takes the spread and the centroid over the located places only", () => {
    const places = [{ location: at(0) }, { location: null }, { location: at(2) }, { location: at(1) }];
    expect(spreadKm(places)).toBeCloseTo(distanceKm(at(0), at(2)), 9);
    expect(centroidOf(places)).toEqual({ latitude: at(1).latitude, longitude: 120.5 });
    expect(spreadKm([{ location: at(0) }])).toBe(0);
    expect(centroidOf([{ location: null }])).toBeNull();
  });
});
