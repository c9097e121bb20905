import type { DatasetManifest } from './types.ts';

/** Shipping-lane network, ports and chokepoints. Checksums, sizes and row counts computed from the files as published in the mirror. */
export const maritime: DatasetManifest = {
  id: 'maritime',
  title: 'Shipping-lane network, ports and chokepoints',
  titleJa: '航路網・港湾・チョークポイント',
  publisher: 'searoute-py (network from Eurostat MARNET); IMF PortWatch (chokepoints)',
  url: 'https://github.com/genthalili/searoute-py',
  origin: [{ repo: 'genthalili/searoute-py', commit: '4446009a', path: 'searoute/data' }],
  version: 'searoute-py 4446009a',
  licence: 'Apache-2.0 (network from Eurostat MARNET, EUPL-1.2)',
  kind: 'maritime',
  importer: 'files',
  derive: { importer: 'sea-network' },
  description:
    'Global shipping lanes (4,109 lines, strait passages tagged), 3,962 ports with UN/LOCODE, and the 28 IMF PortWatch chokepoints with coordinates.',
  notes:
    "chokepoints_portwatch.csv is an unverified copy of IMF PortWatch's list (https://portwatch.imf.org/).",
  files: [
    {
      name: 'marnet_searoute.geojson',
      mirrorPath: 'maritime/marnet_searoute.geojson',
      url: 'https://github.com/genthalili/searoute-py/raw/4446009a/searoute/data/marnet_searoute.geojson',
      sha256: '111a82d949bb949c396a69a08828781314d3afe779c07e9754c3b2834dfca415',
      bytes: 746451,
      rows: 4109,
    },
    {
      name: 'ports.geojson',
      mirrorPath: 'maritime/ports.geojson',
      url: 'https://github.com/genthalili/searoute-py/raw/4446009a/searoute/data/ports.geojson',
      sha256: '8398cb9554a19cf37f53f932f3842f58fbd94fce4c8e2704c3f5a4205ea5977e',
      bytes: 738656,
      rows: 3962,
    },
    {
      name: 'segment.geojson',
      mirrorPath: 'maritime/segment.geojson',
      url: 'https://github.com/genthalili/searoute-py/raw/4446009a/searoute/data/segment.geojson',
      sha256: '56052b2ddd35de483ec00a29a7f0ffc37e162b0ee0249a9a435c8a8b2d8ffe0f',
      bytes: 1258,
      rows: 3,
    },
    {
      name: 'chokepoints_portwatch.csv',
      mirrorPath: 'maritime/chokepoints_portwatch.csv',
      sha256: '9339970672f2534e8289e39deefabf618c78611e2d6b489264636e403d4d23e6',
      bytes: 1407,
      rows: 28,
    },
  ],
};
