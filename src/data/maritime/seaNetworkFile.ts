import fs from 'node:fs';
import type { SeaNetwork } from '../../analysis/maritime/network.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * The routable graph on disk: one little-endian binary file of typed arrays in a fixed order, each padded to
 * 8 bytes, after a 16-byte header "CPSEANET" + uint32 node count + uint32 adjacency-slot count. Loading maps the
 * arrays straight onto the file's buffer (no parsing), so a route can start a few milliseconds after start-up.
 */
const magic = 'CPSEANET';

const layout = [
  ['lon', Float64Array, 'nodes'],
  ['lat', Float64Array, 'nodes'],
  ['offsets', Int32Array, 'nodes+1'],
  ['component', Int32Array, 'nodes'],
  ['targets', Int32Array, 'slots'],
  ['lengthKm', Float64Array, 'slots'],
  ['mask', Uint32Array, 'slots'],
] as const;

type Counts = { nodes: number; 'nodes+1': number; slots: number };

export function encodeSeaNetwork(network: SeaNetwork): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(16);
  header.write(magic, 0, 'ascii');
  header.writeUInt32LE(network.lon.length, 8);
  header.writeUInt32LE(network.targets.length, 12);
  parts.push(header);
  for (const [name] of layout) {
    const array = network[name];
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    parts.push(bytes);
    const pad = (8 - (bytes.length % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  return Buffer.concat(parts);
}

export function readSeaNetwork(file: string): SeaNetwork {
  const buffer = fs.readFileSync(file);
  // Copy into a fresh ArrayBuffer so every view is aligned.
  const data = new Uint8Array(buffer.length);
  data.set(buffer);
  const view = new DataView(data.buffer);
  if (buffer.length < 16 || buffer.toString('ascii', 0, 8) !== magic) {
    throw new ChokepointError('bad_file', 'not a chokepoint sea-network graph file', { file });
  }
  const counts: Counts = {
    nodes: view.getUint32(8, true),
    'nodes+1': view.getUint32(8, true) + 1,
    slots: view.getUint32(12, true),
  };
  let offset = 16;
  const out: Record<string, unknown> = {};
  for (const [name, Kind, count] of layout) {
    const length = counts[count];
    const bytes = length * Kind.BYTES_PER_ELEMENT;
    if (offset + bytes > data.length)
      throw new ChokepointError('bad_file', `graph file truncated at ${name}`, { file });
    out[name] = new Kind(data.buffer, offset, length);
    offset += bytes + ((8 - (bytes % 8)) % 8);
  }
  return out as unknown as SeaNetwork;
}
