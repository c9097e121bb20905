import type { MapLine, MapPoint } from '../../components/WorldMap.tsx';
import type { Lang, LaneFeature, LineCoordinates, StraitFeature } from './types.ts';

/**
 * What the chokepoint map draws, shaped from the API's GeoJSON: shipping lanes grouped into one SVG path per
 * passage tag (the network has ~13,000 lane chains; one path each would make the map slow to redraw), strait
 * markers named in the user's language, and route lines.
 */
export const mapColours = {
  lane: '#b6c0ca',
  passageLane: '#0969da',
  closedLane: '#cf222e',
  baseline: '#0550ae',
  reroute: '#e16f24',
  found: '#8250df',
  strait: '#bf3989',
} as const;

/**
 * Japanese names of the IMF PortWatch chokepoints the router does not use as passages (the API gives ja only
 * for routed ones), in the usual Japanese spelling (外務省・海上保安庁の地名表記に倣う).
 */
export const portwatchNamesJa: Record<string, string> = {
  chokepoint10: 'エーレスンド海峡',
  chokepoint16: 'オンバイ海峡',
  chokepoint17: '渤海海峡',
  chokepoint18: 'トレス海峡',
  chokepoint22: 'ユカタン海峡',
  chokepoint23: 'ウィンドワード海峡',
  chokepoint24: 'モナ海峡',
  chokepoint25: 'バラバク海峡',
  chokepoint27: 'ミンドロ海峡',
  chokepoint28: 'ケルチ海峡',
};

/** A strait's name in the user's language (Japanese from the API, else from the table above, else English). */
export function straitName(props: StraitFeature['properties'], lang: Lang): string {
  if (lang === 'ja')
    return props.ja ?? (props.portwatchId ? portwatchNamesJa[props.portwatchId] : undefined) ?? props.en;
  return props.en;
}

/**
 * Lanes as map lines: features with the same passage tags are joined into one multi-line; untagged lanes are thin
 * grey, lanes of a passage blue, lanes of a closed passage red and drawn last (on top).
 */
export function laneLines(features: readonly LaneFeature[], closed: readonly string[]): MapLine[] {
  const groups = new Map<string, { passages: string[]; coordinates: LineCoordinates }>();
  for (const f of features) {
    const key = f.properties.passages.join('+');
    const group = groups.get(key) ?? { passages: f.properties.passages, coordinates: [] };
    for (const line of f.geometry.coordinates) if (line.length >= 2) group.coordinates.push(line);
    groups.set(key, group);
  }
  const isClosed = (passages: string[]) => passages.some((p) => closed.includes(p));
  return [...groups.entries()]
    .map(([key, g]) => ({
      id: `lane:${key || 'plain'}`,
      coordinates: g.coordinates,
      color:
        g.passages.length === 0
          ? mapColours.lane
          : isClosed(g.passages)
            ? mapColours.closedLane
            : mapColours.passageLane,
      width: g.passages.length === 0 ? 0.5 : isClosed(g.passages) ? 2.4 : 1.6,
      label: g.passages.join(', ') || undefined,
    }))
    .sort((a, b) => rank(a.color) - rank(b.color));
}

function rank(colour: string): number {
  return colour === mapColours.lane ? 0 : colour === mapColours.passageLane ? 1 : 2;
}

/** Strait markers: every PortWatch chokepoint, labelled in the user's language (with a share when given). */
export function straitPoints(
  features: readonly StraitFeature[],
  lang: Lang,
  closed: readonly string[],
  describe?: (passage: string) => string | undefined,
): MapPoint[] {
  const points: MapPoint[] = [];
  for (const f of features) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const extra = p.passage ? describe?.(p.passage) : undefined;
    points.push({
      id: p.portwatchId ?? p.en,
      lon,
      lat,
      label: extra ? `${straitName(p, lang)}: ${extra}` : straitName(p, lang),
      color: p.passage && closed.includes(p.passage) ? mapColours.closedLane : mapColours.strait,
    });
  }
  return points;
}

/** A route geometry (GeoJSON LineString or MultiLineString) as one map line. */
export function routeLine(
  id: string,
  geometry: { type: string; coordinates: unknown },
  color: string,
  label: string,
  width = 2.5,
): MapLine {
  const coordinates =
    geometry.type === 'LineString'
      ? [geometry.coordinates as [number, number][]]
      : (geometry.coordinates as LineCoordinates);
  return { id, coordinates, color, width, label };
}
