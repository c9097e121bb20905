import { useMemo } from 'react';
import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

/**
 * World choropleth (d3-geo + world-atlas, no tile server). `values` is keyed by ISO 3166 numeric code as
 * world-atlas uses it ("392" = Japan); colours run from pale to dark by value / max.
 */
export interface MapLine {
  id: string;
  coordinates: [number, number][][];
  color?: string;
  width?: number;
  label?: string;
}

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  label: string;
  color?: string;
}

interface Props {
  values?: Record<string, number>;
  highlight?: string[];
  lines?: MapLine[];
  points?: MapPoint[];
  width?: number;
  height?: number;
  title: string;
  format?: (v: number) => string;
  names?: Record<string, string>;
}

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries);

function colour(t: number): string {
  // Sequential blues, readable on white; t in [0, 1].
  const light = [222, 235, 247];
  const dark = [8, 48, 107];
  const mix = light.map((l, i) => Math.round(l + (dark[i] - l) * Math.sqrt(t)));
  return `rgb(${mix.join(',')})`;
}

export function WorldMap({ values = {}, highlight = [], lines = [], points = [], width = 900, height = 460, title, format, names }: Props) {
  const projection = useMemo(() => geoEqualEarth().fitSize([width, height], countries as GeoPermissibleObjects), [width, height]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const max = Math.max(0, ...Object.values(values));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="world-map" data-testid="world-map">
      <title>{title}</title>
      <path d={path({ type: 'Sphere' }) ?? ''} fill="#f0f6fc" stroke="#d0d7de" />
      {countries.features.map((f) => {
        const id = String(f.id);
        const v = values[id];
        const fill = highlight.includes(id) ? '#cf222e' : v !== undefined && max > 0 ? colour(v / max) : '#e6e8eb';
        return (
          <path key={id} d={path(f) ?? ''} fill={fill} stroke="#fff" strokeWidth={0.5}>
            <title>
              {names?.[id] ?? f.properties.name}
              {v !== undefined ? `: ${format ? format(v) : v}` : ''}
            </title>
          </path>
        );
      })}
      {lines.map((l) => (
        <path
          key={l.id}
          d={path({ type: 'MultiLineString', coordinates: l.coordinates }) ?? ''}
          fill="none"
          stroke={l.color ?? '#0969da'}
          strokeWidth={l.width ?? 1.5}
        >
          {l.label && <title>{l.label}</title>}
        </path>
      ))}
      {points.map((p) => {
        const xy = projection([p.lon, p.lat]);
        if (!xy) return null;
        return (
          <g key={p.id} transform={`translate(${xy[0]},${xy[1]})`}>
            <circle r={4} fill={p.color ?? '#bf3989'} stroke="#fff" />
            <title>{p.label}</title>
          </g>
        );
      })}
    </svg>
  );
}
