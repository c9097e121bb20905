import type { PassageMark } from './network.ts';

/**
 * The passages a sea route can cross. Two kinds:
 * - `tag`: edges of the marnet network carry `passage` = this id (searoute-py's tagging of Eurostat marnet);
 * - `geofence`: straits with no tag in the network (PRODUCT.md §3.3); a route passes one when a segment of it
 *   comes within `radiusKm` of the IMF PortWatch chokepoint coordinate. Radii are ours, set to about half the
 *   strait's navigable width plus the spread of the network's lanes there (checked against the network: every
 *   geofence is crossed by at least one edge and by no lane of a neighbouring strait).
 * - `gate`, added to a tag: edges crossing a meridian segment also carry the passage, because the network's tags
 *   leave a lane around them (south of Africa and of Cape Horn a route could otherwise bypass a closed passage).
 *   The gates are the IHO ocean boundaries (IHO S-23, Limits of Oceans and Seas, 1953): Atlantic/Indian Ocean
 *   along the meridian of Cape Agulhas (20°E), Atlantic/Pacific along the meridian of Cape Horn (67°16'W).
 * Names: English as in IMF PortWatch; Japanese as commonly written (外務省・海上保安庁の表記に倣う).
 */
export type PassageKind = 'tag' | 'geofence';

export interface PassageDefinition {
  id: string;
  kind: PassageKind;
  en: string;
  ja: string;
  /** PortWatch chokepoint id (chokepoints_portwatch.csv) when the passage is one of its 28. */
  portwatchId?: string;
  radiusKm?: number;
  gate?: { lon: number; latMin: number; latMax: number };
}

export const passageDefinitions: readonly PassageDefinition[] = Object.freeze([
  { id: 'suez', kind: 'tag', en: 'Suez Canal', ja: 'スエズ運河', portwatchId: 'chokepoint1' },
  { id: 'panama', kind: 'tag', en: 'Panama Canal', ja: 'パナマ運河', portwatchId: 'chokepoint2' },
  { id: 'bosporus', kind: 'tag', en: 'Bosporus Strait', ja: 'ボスポラス海峡', portwatchId: 'chokepoint3' },
  {
    id: 'babalmandab',
    kind: 'tag',
    en: 'Bab el-Mandeb Strait',
    ja: 'バブ・エル・マンデブ海峡',
    portwatchId: 'chokepoint4',
  },
  { id: 'malacca', kind: 'tag', en: 'Malacca Strait', ja: 'マラッカ海峡', portwatchId: 'chokepoint5' },
  { id: 'ormuz', kind: 'tag', en: 'Strait of Hormuz', ja: 'ホルムズ海峡', portwatchId: 'chokepoint6' },
  {
    id: 'south_africa',
    kind: 'tag',
    en: 'Cape of Good Hope',
    ja: '喜望峰',
    portwatchId: 'chokepoint7',
    gate: { lon: 20, latMin: -80, latMax: -34.83 },
  },
  {
    id: 'gibraltar',
    kind: 'tag',
    en: 'Gibraltar Strait',
    ja: 'ジブラルタル海峡',
    portwatchId: 'chokepoint8',
  },
  { id: 'sunda', kind: 'tag', en: 'Sunda Strait', ja: 'スンダ海峡', portwatchId: 'chokepoint19' },
  {
    id: 'chili',
    kind: 'tag',
    en: 'Magellan Strait and Cape Horn',
    ja: 'マゼラン海峡・ホーン岬',
    portwatchId: 'chokepoint21',
    gate: { lon: -67.27, latMin: -80, latMax: -55.98 },
  },
  { id: 'bering', kind: 'tag', en: 'Bering Strait', ja: 'ベーリング海峡', portwatchId: 'chokepoint26' },
  { id: 'dardanelles', kind: 'tag', en: 'Dardanelles Strait', ja: 'ダーダネルス海峡' },
  { id: 'northwest', kind: 'tag', en: 'Northwest Passage', ja: '北西航路' },
  {
    id: 'dover',
    kind: 'geofence',
    en: 'Dover Strait',
    ja: 'ドーバー海峡',
    portwatchId: 'chokepoint9',
    radiusKm: 40,
  },
  {
    id: 'taiwan',
    kind: 'geofence',
    en: 'Taiwan Strait',
    ja: '台湾海峡',
    portwatchId: 'chokepoint11',
    radiusKm: 120,
  },
  {
    id: 'korea',
    kind: 'geofence',
    en: 'Korea Strait',
    ja: '対馬海峡（朝鮮海峡）',
    portwatchId: 'chokepoint12',
    radiusKm: 100,
  },
  {
    id: 'tsugaru',
    kind: 'geofence',
    en: 'Tsugaru Strait',
    ja: '津軽海峡',
    portwatchId: 'chokepoint13',
    radiusKm: 40,
  },
  {
    id: 'luzon',
    kind: 'geofence',
    en: 'Luzon Strait',
    ja: 'ルソン海峡',
    portwatchId: 'chokepoint14',
    radiusKm: 180,
  },
  {
    id: 'lombok',
    kind: 'geofence',
    en: 'Lombok Strait',
    ja: 'ロンボク海峡',
    portwatchId: 'chokepoint15',
    radiusKm: 40,
  },
  {
    id: 'makassar',
    kind: 'geofence',
    en: 'Makassar Strait',
    ja: 'マカッサル海峡',
    portwatchId: 'chokepoint20',
    radiusKm: 120,
  },
]);

/** Passages closed unless the user opens them: the Northwest Passage is ice-bound most of the year. */
export const defaultClosed: readonly string[] = Object.freeze(['northwest']);

/** Bit of each passage in an edge's mask (there are fewer than 32 passages). */
export function passageBit(id: string): number {
  const index = passageDefinitions.findIndex((p) => p.id === id);
  return index < 0 ? 0 : 1 << index;
}

export function passageById(id: string): PassageDefinition | undefined {
  return passageDefinitions.find((p) => p.id === id);
}

/** The mask for a set of passage ids; `all` closes every passage. Unknown ids are the caller's to reject. */
export function closureMask(ids: readonly string[]): number {
  let mask = 0;
  for (const id of ids) {
    if (id === 'all') return passageDefinitions.reduce((m, _p, i) => m | (1 << i), 0);
    mask |= passageBit(id);
  }
  return mask >>> 0;
}

/** Passage ids in a mask, in the catalogue's order. */
export function passagesInMask(mask: number): string[] {
  const ids: string[] = [];
  passageDefinitions.forEach((p, i) => {
    if (mask & (1 << i)) ids.push(p.id);
  });
  return ids;
}

export interface PortwatchChokepoint {
  portwatchId: string;
  name: string;
  lon: number;
  lat: number;
  passage?: string;
}

/**
 * Geofences (around the PortWatch coordinates) and gates that mark network edges with passages. A geofenced
 * passage whose PortWatch coordinate is missing from the list is an error the caller reports.
 */
export function passageMarks(portwatch: readonly PortwatchChokepoint[]): {
  marks: PassageMark[];
  missing: string[];
} {
  const marks: PassageMark[] = [];
  const missing: string[] = [];
  for (const p of passageDefinitions) {
    if (p.kind === 'geofence') {
      const point = portwatch.find((c) => c.portwatchId === p.portwatchId);
      if (!point) missing.push(p.id);
      else
        marks.push({
          id: p.id,
          kind: 'geofence',
          lon: point.lon,
          lat: point.lat,
          radiusKm: p.radiusKm ?? 50,
        });
    }
    if (p.gate) marks.push({ id: p.id, kind: 'gate', ...p.gate });
  }
  return { marks, missing };
}
