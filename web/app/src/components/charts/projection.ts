/**
 * Longitude and latitude onto a drawing, offline (no tiles, no boundaries): equirectangular,
 * longitudes shortened by the cosine of the middle latitude so that kilometres look the same both
 * ways, the points' extent centred and filling one dimension of the drawing.
 */
export interface LatLon {
  latitude: number;
  longitude: number;
}

export interface Projection {
  project(point: LatLon): { x: number; y: number };
  /** Pixels per kilometre, for a scale bar. */
  pixelsPerKm: number;
}

const KM_PER_DEGREE = 111.32;

export function fitProjection(points: LatLon[], width: number, height: number, pad: number): Projection {
  const lats = points.map((point) => point.latitude);
  const lons = points.map((point) => point.longitude);
  const squeeze = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180));
  const [minLon, minLat] = [Math.min(...lons), Math.min(...lats)];
  const spanX = (Math.max(...lons) - minLon) * squeeze || 1e-3;
  const spanY = Math.max(...lats) - minLat || 1e-3;
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const [offsetX, offsetY] = [(width - spanX * scale) / 2, (height - spanY * scale) / 2];
  return {
    project: ({ latitude, longitude }) => ({
      x: offsetX + (longitude - minLon) * squeeze * scale,
      y: height - offsetY - (latitude - minLat) * scale,
    }),
    pixelsPerKm: scale / KM_PER_DEGREE,
  };
}
