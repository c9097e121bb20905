/**
 * Port look-up for route forms: ports whose UN/LOCODE starts with the query, then ports whose name contains it
 * (case- and accent-insensitive), optionally within one country (ISO2, the first two letters of the LOCODE).
 * Cargo terminals come first within each group, then by code.
 */
export interface PortEntry {
  code: string;
  name: string;
  country: string;
  countryName: string;
  lon: number;
  lat: number;
  terminal: boolean;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function searchPorts(
  ports: readonly PortEntry[],
  query: { q?: string; country?: string; limit: number },
): { items: PortEntry[]; total: number } {
  const q = fold((query.q ?? '').trim());
  const codeQ = q.replace(/\s+/g, '').toUpperCase();
  const country = query.country?.trim().toUpperCase();
  const byCode: PortEntry[] = [];
  const byName: PortEntry[] = [];
  for (const p of ports) {
    if (country && p.country !== country) continue;
    if (!q || p.code.startsWith(codeQ)) byCode.push(p);
    else if (fold(p.name).includes(q)) byName.push(p);
  }
  const order = (a: PortEntry, b: PortEntry) =>
    Number(b.terminal) - Number(a.terminal) || a.code.localeCompare(b.code);
  const all = [...byCode.sort(order), ...byName.sort(order)];
  return { items: all.slice(0, query.limit), total: all.length };
}
