import fs from 'node:fs';
import path from 'node:path';
import { ChokepointError } from '../../errors.ts';

/**
 * Creates a folder and its missing parents, like `fs.mkdirSync(dir, { recursive: true })`, but cannot hang: Node
 * 20's recursive mkdir retries forever when the file system answers ENOENT for a folder whose parent exists (e.g.
 * `--data-dir /proc/x/y`). The missing folders are created one at a time from the nearest existing one; a folder
 * that cannot be made is named in the error, with the reason.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (missing.length === 0 && !fs.statSync(at).isDirectory()) throw notAFolder(at, 'a file is in the way');
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && fs.statSync(folder).isDirectory()) continue; // made meanwhile by another process
      throw notAFolder(folder, (code && reasons[code]) ?? code ?? String(error));
    }
  }
}

const reasons: Record<string, string> = {
  ENOTDIR: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'this file system does not allow folders here',
  ENOSPC: 'no space left on the device',
};

function notAFolder(folder: string, reason: string): ChokepointError {
  return new ChokepointError('bad_input', `cannot create this folder: ${reason}`, { file: folder });
}
