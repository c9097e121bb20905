import { haversineKm, wrapLon } from './geo.ts';
import type { SeaNetwork } from './network.ts';

/**
 * Nearest network node to a point (a port), by a 1° grid index searched in growing rings. Only nodes of the
 * main connected component are indexed, so a port never snaps onto an isolated fragment of the network.
 * The ring search stops once the ring's inner edge is farther than the best distance found.
 */
export class NodeIndex {
  private readonly cells = new Map<number, number[]>();

  constructor(private readonly network: SeaNetwork) {
    for (let n = 0; n < network.lon.length; n++) {
      if (network.component[n] !== 0) continue;
      const key = cellKey(Math.floor(network.lon[n]), Math.floor(network.lat[n]));
      const list = this.cells.get(key);
      if (list) list.push(n);
      else this.cells.set(key, [n]);
    }
  }

  nearest(lonRaw: number, lat: number): { node: number; distanceKm: number } {
    const lon = wrapLon(lonRaw);
    const cx = Math.floor(lon);
    const cy = Math.floor(lat);
    let best = -1;
    let bestKm = Infinity;
    for (let ring = 0; ring <= 180; ring++) {
      // Nothing in this ring is nearer than ring - 1 cells, each at least 111.19·cos φ km wide at the ring's
      // most poleward latitude.
      const narrowest = Math.cos((Math.min(89, Math.abs(lat) + ring) * Math.PI) / 180);
      if (best >= 0 && (ring - 1) * 111.19 * narrowest > bestKm) break;
      for (let dy = -ring; dy <= ring; dy++) {
        const y = cy + dy;
        if (y < -90 || y > 89) continue;
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.abs(dx) !== ring && Math.abs(dy) !== ring) continue;
          const x = ((((cx + dx + 180) % 360) + 360) % 360) - 180;
          for (const n of this.cells.get(cellKey(x, y)) ?? []) {
            const d = haversineKm(lon, lat, this.network.lon[n], this.network.lat[n]);
            if (d < bestKm) {
              bestKm = d;
              best = n;
            }
          }
        }
      }
    }
    return { node: best, distanceKm: bestKm };
  }
}

function cellKey(x: number, y: number): number {
  return (y + 90) * 360 + (x + 180);
}
