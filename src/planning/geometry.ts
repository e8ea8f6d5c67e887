/** Distances between villages for layout planning: pure functions over WGS84 positions. */

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Something that may have a position (a village without one is left out of distances). */
export interface Placed {
  location: LatLon | null;
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const locations = (places: Placed[]): LatLon[] => places.map((p) => p.location).filter((l): l is LatLon => !!l);

/** The largest distance between two located places, km (0 with fewer than two). */
export function spreadKm(places: Placed[]): number {
  const located = locations(places);
  let spread = 0;
  for (let i = 0; i < located.length; i += 1)
    for (let j = i + 1; j < located.length; j += 1) spread = Math.max(spread, distanceKm(located[i]!, located[j]!));
  return spread;
}

/** The mean position of the located places, or null when none is located. */
export function centroidOf(places: Placed[]): LatLon | null {
  const located = locations(places);
  if (located.length === 0) return null;
  return {
    latitude: located.reduce((s, l) => s + l.latitude, 0) / located.length,
    longitude: located.reduce((s, l) => s + l.longitude, 0) / located.length,
  };
}
