/**
 * Spherical geometry for sea routing. Distances are great-circle (haversine) on a sphere of the mean Earth
 * radius R = 6,371.0088 km (IUGG mean radius), the usual choice for route lengths; error vs the ellipsoid ≤ 0.5 %.
 */
export const earthRadiusKm = 6371.0088;
const rad = Math.PI / 180;

/** Haversine: d = 2R·asin(√(sin²(Δφ/2) + cosφ1·cosφ2·sin²(Δλ/2))). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Longitude wrapped into [-180, 180): the network has vertices up to 190.85° east (Bering) and lines ending on
 * +180 and on -180; both sides must meet in one node, so +180 becomes -180.
 */
export function wrapLon(lon: number): number {
  let x = ((((lon + 180) % 360) + 360) % 360) - 180;
  if (x === 180) x = -180;
  return x;
}

/** Nautical mile = 1.852 km exactly (BIPM); a ship at v knots covers 24·1.852·v km a day. */
export function sailingDays(distanceKm: number, speedKnots: number): number {
  return distanceKm / (speedKnots * 1.852 * 24);
}

/**
 * Shortest distance (km) from a point to the segment a–b, in a local equirectangular projection centred on the
 * point (x = Δλ·cos φ0, y = Δφ, scaled by R). Accurate to well under 1 % for segments of a few hundred km, which
 * is what the geofences need (radii 30–200 km); longitudes are unwrapped relative to the point.
 */
export function pointSegmentDistanceKm(
  lon: number,
  lat: number,
  aLon: number,
  aLat: number,
  bLon: number,
  bLat: number,
): number {
  const k = Math.cos(lat * rad) * rad * earthRadiusKm;
  const ky = rad * earthRadiusKm;
  const ax = wrapDelta(aLon - lon) * k;
  const ay = (aLat - lat) * ky;
  // b relative to a, so a segment never jumps across the antimeridian of the point.
  const bx = ax + wrapDelta(bLon - aLon) * k;
  const by = (bLat - lat) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const px = ax + t * dx;
  const py = ay + t * dy;
  return Math.sqrt(px * px + py * py);
}

function wrapDelta(d: number): number {
  if (d > 180) return d - 360;
  if (d < -180) return d + 360;
  return d;
}

/**
 * Splits a path of [lon, lat] points wherever a step crosses the antimeridian (|Δλ| > 180°), interpolating the
 * crossing latitude, so maps draw a Pacific crossing as two pieces instead of a line across the whole world.
 * Returns the pieces (one when nothing crosses), for a GeoJSON MultiLineString.
 */
export function splitAtAntimeridian(points: [number, number][]): [number, number][][] {
  const pieces: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (i > 0) {
      const q = points[i - 1];
      if (Math.abs(p[0] - q[0]) > 180) {
        // Step from q to p the short way round: crossing at ±180.
        const east = q[0] > 0; // q on the east side (positive lon) going across to negative
        const qx = q[0];
        const px = east ? p[0] + 360 : p[0] - 360;
        const edge = east ? 180 : -180;
        const t = (edge - qx) / (px - qx);
        const lat = q[1] + t * (p[1] - q[1]);
        current.push([edge, lat]);
        pieces.push(current);
        current = [[-edge, lat]];
      }
    }
    current.push(p);
  }
  if (current.length) pieces.push(current);
  return pieces.filter((piece) => piece.length >= 2 || pieces.length === 1);
}
