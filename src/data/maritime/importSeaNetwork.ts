import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Catalog, CatalogEntry, SourceFile } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { ChokepointError } from '../../errors.ts';
import { buildSeaNetwork, type BuildStats } from '../../analysis/maritime/network.ts';
import { NodeIndex } from '../../analysis/maritime/nodeIndex.ts';
import { passageMarks } from '../../analysis/maritime/passages.ts';
import {
  maritimeInputsIn,
  readChokepoints,
  readNetworkLines,
  readPorts,
  type MaritimeInputs,
  type PortRecord,
} from './maritimeFiles.ts';
import { encodeSeaNetwork } from './seaNetworkFile.ts';

/**
 * `chokepoint data import maritime <dir>`: validates the shipping-lane network, the ports and the PortWatch
 * chokepoint list, builds the routable graph (src/analysis/maritime/network.ts) and publishes it as the dataset
 * `sea-network` (kind 'maritime'): graph.bin (typed arrays), ports.json (each port with its network node),
 * chokepoints.json and network.json (counts, build statistics). The version key is a hash of the three source
 * files and the builder version, so routes cached under it are never stale.
 */
export const seaNetworkId = 'sea-network';
/** Bump when the graph construction changes, so caches keyed by the version are rebuilt. */
const builderVersion = 'b1';

export interface SnappedPort extends PortRecord {
  node: number;
  /** Great-circle km from the port to its network node. */
  accessKm: number;
}

export interface SeaNetworkImportOptions {
  catalog: Catalog;
  dataDir: DataDir;
  /** The three files (explicit paths) … */
  inputs?: MaritimeInputs;
  /** … or a folder holding them … */
  dir?: string;
  /** … or a fetched maritime dataset whose store folder holds them (`data fetch maritime`). */
  source?: CatalogEntry;
  id?: string;
  /** How the files were obtained, for provenance (default 'import'; 'mirror'/'download' when from `source`). */
  sourceKind?: CatalogEntry['source'];
}

function sha256(file: string): SourceFile {
  const content = fs.readFileSync(file);
  return {
    name: path.basename(file),
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: content.length,
  };
}

export function importSeaNetwork(options: SeaNetworkImportOptions): CatalogEntry {
  const inputs =
    options.inputs ??
    (options.dir
      ? maritimeInputsIn(options.dir)
      : options.source
        ? maritimeInputsIn(options.dataDir.datasetDir(options.source))
        : undefined);
  if (!inputs)
    throw new ChokepointError(
      'bad_input',
      'give the maritime folder, the three files, or a fetched maritime dataset',
    );
  const files = [sha256(inputs.network), sha256(inputs.ports), sha256(inputs.chokepoints)];

  const lines = readNetworkLines(inputs.network);
  const { ports, duplicates, rejected } = readPorts(inputs.ports);
  const chokepoints = readChokepoints(inputs.chokepoints);
  const { marks, missing } = passageMarks(chokepoints);
  if (missing.length) {
    throw new ChokepointError(
      'bad_file',
      `no PortWatch coordinates for the geofenced straits ${missing.join(', ')}`,
      {
        file: path.basename(inputs.chokepoints),
      },
    );
  }
  const { network, stats } = buildSeaNetwork(lines, marks);
  const unmarked = Object.entries(stats.markedEdges).filter(([, n]) => n === 0);
  if (unmarked.length) {
    throw new ChokepointError(
      'bad_file',
      `no lane of the network passes ${unmarked.map(([id]) => id).join(', ')}: the strait would never be detected`,
      { file: path.basename(inputs.network) },
    );
  }
  const index = new NodeIndex(network);
  const snapped: SnappedPort[] = ports.map((p) => {
    const { node, distanceKm } = index.nearest(p.lon, p.lat);
    return { ...p, node, accessKm: Math.round(distanceKm * 1000) / 1000 };
  });

  const hash = createHash('sha256');
  for (const f of files) hash.update(f.sha256);
  hash.update(builderVersion);
  const versionKey = hash.digest('hex').slice(0, 16);
  const scratch = options.dataDir.scratch('sea-network');
  try {
    fs.writeFileSync(path.join(scratch, 'graph.bin'), encodeSeaNetwork(network));
    fs.writeFileSync(path.join(scratch, 'ports.json'), JSON.stringify(snapped));
    fs.writeFileSync(path.join(scratch, 'chokepoints.json'), JSON.stringify(chokepoints, null, 1));
    fs.writeFileSync(
      path.join(scratch, 'network.json'),
      JSON.stringify({ versionKey, builderVersion, stats }, null, 1),
    );
  } catch (error) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const now = new Date().toISOString();
  const source = options.source;
  return options.catalog.publish(
    {
      id: options.id ?? seaNetworkId,
      kind: 'maritime',
      derivedFrom: source ? [source.id] : undefined,
      title:
        'Sea-route network: Eurostat marnet lanes with passage tags, ports (UN/LOCODE), IMF PortWatch chokepoints',
      publisher: 'searoute-py (G. Halili) from Eurostat marnet; chokepoints from IMF PortWatch',
      url: source?.url ?? 'https://github.com/genthalili/searoute-py',
      version: source?.version ?? `sha256:${versionKey}`,
      licence: source?.licence ?? 'Apache-2.0 (searoute-py); network EUPL-1.2 (Eurostat marnet)',
      source: options.sourceKind ?? (source ? source.source : 'import'),
      retrievedAt: source?.retrievedAt ?? now,
      importedAt: now,
      synthetic: false,
      files,
      rows: stats.edges,
      rejectedRows: rejected.length,
      notes:
        `${stats.nodes} nodes, ${stats.edges} edges, ${stats.components} connected component(s); ` +
        `${snapped.length} ports` +
        (duplicates.length ? `; ${duplicates.length} repeated port codes kept once (first feature)` : '') +
        (rejected.length
          ? `; ${rejected.length} port feature(s) rejected: ${rejected.map((r) => `#${r.index} ${r.reason}`).join('; ')}`
          : ''),
      extra: {
        stats: stats satisfies BuildStats,
        ports: snapped.length,
        duplicatePorts: duplicates,
        rejectedPorts: rejected,
        builtFrom: source ? { dataset: source.id, version: source.version } : undefined,
        versionKey,
      },
    },
    scratch,
    versionKey,
  );
}
