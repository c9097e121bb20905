import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { ChokepointError } from '../../errors.ts';

export interface ExtractedMember {
  /** Name inside the zip, as stored. */
  name: string;
  /** Where it was written. */
  file: string;
  bytes: number;
}

/**
 * Streams the members of a zip archive that `wanted` accepts into `dir` (one file per member, never the
 * whole archive in memory). A truncated or corrupt archive, or a member of 0 bytes, fails with the archive
 * and member named.
 */
export async function extractZip(
  zipFile: string,
  label: string,
  dir: string,
  wanted: (name: string) => boolean,
  onBytes?: (bytes: number) => void,
): Promise<ExtractedMember[]> {
  fs.mkdirSync(dir, { recursive: true });
  const corrupt = (detail: string, member?: string) =>
    new ChokepointError(
      'bad_file',
      `zip archive is truncated or corrupt${member ? ` (member ${member})` : ''}: ${detail}`,
      { file: label },
    );
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) =>
      err ? reject(corrupt(err.message)) : resolve(z),
    ),
  );
  const members: ExtractedMember[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) => reject(corrupt(err.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.endsWith('/') || !wanted(name)) {
          zip.readEntry();
          return;
        }
        if (entry.uncompressedSize === 0) {
          reject(new ChokepointError('bad_file', `zip member ${name} is empty (0 bytes)`, { file: label }));
          return;
        }
        // Member names may hold folders or "..": keep only a safe base name, prefixed to stay unique.
        const file = path.join(dir, `${members.length}-${path.basename(name).replace(/[^\w.-]/g, '_')}`);
        zip.openReadStream(entry, (err, stream) => {
          if (err) {
            reject(corrupt(err.message, name));
            return;
          }
          let bytes = 0;
          const count = new Transform({
            transform(chunk: Buffer, _enc, done) {
              bytes += chunk.length;
              onBytes?.(chunk.length);
              done(null, chunk);
            },
          });
          pipeline(stream, count, fs.createWriteStream(file)).then(
            () => {
              members.push({ name, file, bytes });
              zip.readEntry();
            },
            (e: Error) => reject(corrupt(e.message, name)),
          );
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return members;
}
