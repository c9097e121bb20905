import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { newStateCopy } from '../../src/data/state/db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** File holding a new, migrated embedded database (newStateCopy) that test databases start from. */
    stateCopyFile: string;
  }
}

/**
 * Before any test file runs: one new embedded database with every migration applied, written to a file that
 * each test's in-memory database starts from (stateDbs.ts), instead of each creating its own (~1 s each, dozens
 * of them). Removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-state-copy-')), 'state.tar');
  fs.writeFileSync(file, Buffer.from(await (await newStateCopy()).arrayBuffer()));
  project.provide('stateCopyFile', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
