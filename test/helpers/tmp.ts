import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder removed after the test file (call in a test or beforeAll). */
export function tempDir(prefix = 'chokepoint-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** ../shared/data, the read-only mirror of real public data beside the repository. */
export const sharedData = path.resolve(import.meta.dirname, '../../../shared/data');
