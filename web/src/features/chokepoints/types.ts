import type { Marking } from '../../components/MarkingBadge.tsx';
import type { Provenance } from '../../components/ProvenanceFooter.tsx';

/** Shapes of the /api/maritime/* answers this feature reads (src/server/routes/maritime.ts). */
export type Lang = 'ja' | 'en';
export type Names = Record<string, { en: string; ja: string }>;
export type LineCoordinates = [number, number][][];

export interface LaneFeature {
  type: 'Feature';
  properties: { passages: string[] };
  geometry: { type: 'MultiLineString'; coordinates: LineCoordinates };
}

export interface NetworkResponse {
  type: 'FeatureCollection';
  features: LaneFeature[];
  marking: Marking;
  provenance: Provenance;
}

export interface StraitFeature {
  type: 'Feature';
  properties: {
    portwatchId?: string;
    name?: string;
    passage: string | null;
    en: string;
    ja: string | null;
    geofence?: boolean;
    radiusKm?: number;
  };
  geometry:
    { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: [number, number][][] };
}

export interface StraitsResponse {
  type: 'FeatureCollection';
  features: StraitFeature[];
  marking: Marking;
  provenance: Provenance;
}

export interface Passage {
  id: string;
  kind: string;
  en: string;
  ja: string;
  portwatchId?: string;
  lon?: number;
  lat?: number;
  defaultClosed: boolean;
}

export interface ChokepointsResponse {
  items: Passage[];
  marking: Marking;
  provenance: Provenance;
}

export type FreightRule = 'land' | 'air_product' | 'air_value' | 'no_port' | 'sea' | 'sea_quantity_unknown';

export interface FlowLine {
  partner: string;
  product: string;
  valueKusd: number;
  rule: FreightRule;
}

export interface PassageExposure {
  passage: string;
  valueKusd: number;
  shareOfImports: number;
  shareOfSeaImports: number;
  flows: number;
  topFlows: FlowLine[];
}

export interface CountryRoute {
  distanceKm: number;
  fromPort: string;
  toPort: string;
  passages: string[];
  days: number;
}

export interface PartnerExposure {
  partner: string;
  valueKusd: number;
  byRule: Partial<Record<FreightRule, number>>;
  route: CountryRoute | null;
  scenario?: {
    route: CountryRoute | null;
    affectedValueKusd: number;
    extraKm: number | null;
    extraDays: number | null;
    noRoute: boolean;
  };
}

export interface ExposureResponse {
  reporter: { code: string; en: string; ja: string };
  year: number;
  hs: string | null;
  closed: string[];
  speedKnots: number;
  totalValueKusd: number;
  seaValueKusd: number;
  passages: PassageExposure[];
  partners: PartnerExposure[];
  products: { product: string; valueKusd: number; seaValueKusd: number; byPassage: Record<string, number> }[];
  productCount: number;
  byRule: { rule: FreightRule; en: string; ja: string; valueKusd: number; flows: number }[];
  scenario?: {
    closed: string[];
    affectedValueKusd: number;
    noRouteValueKusd: number;
    meanExtraDays: number | null;
  };
  passageNames: Names;
  partnerNames: Names;
  reporterPorts: string[];
  method: string;
  provenance: { trade: Provenance; network: Provenance };
  synthetic: boolean;
  marking: Marking;
}

export interface PortSummary {
  code: string;
  name: string;
  country: string;
  lon: number;
  lat: number;
}

export interface RouteResponse {
  from: PortSummary;
  to: PortSummary;
  closed: string[];
  speedKnots: number;
  distanceKm: number | null;
  days: number | null;
  passages: string[];
  route: {
    distanceKm: number;
    days: number;
    passages: string[];
    geometry: { type: string; coordinates: LineCoordinates };
  } | null;
  message?: string;
  method: string;
  provenance: Provenance;
  marking: Marking;
}
