import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/**
 * A fingerprint of the embedded state database's files (PGlite in the data directory): every file and folder
 * under it with its size and modification time in nanoseconds. PostgreSQL writes its WAL at every commit and a
 * checkpoint at shutdown, so a database that anyone changed — or even opened — has another fingerprint. Used to
 * know, without the second it takes to open the database, that nothing in it changed since something was read
 * from it (see rememberedGroups.ts). Undefined when there is no database yet, or when the file system keeps
 * times only to the second (a change in the same second would go unseen).
 */
export function embeddedStateFingerprint(stateDir: string): string | undefined {
  if (!fs.existsSync(stateDir)) return undefined;
  const hash = createHash('sha256');
  let subSecond = false;
  const visit = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file, { bigint: true });
      if (stat.mtimeNs % 1_000_000_000n !== 0n) subSecond = true;
      hash.update(`${path.relative(stateDir, file)}\0${stat.size}\0${stat.mtimeNs}\n`);
      if (stat.isDirectory()) visit(file);
    }
  };
  // The folder itself too: removing a file changes its folder's time, not any remaining file's.
  hash.update(`.\0${fs.statSync(stateDir, { bigint: true }).mtimeNs}\n`);
  visit(stateDir);
  return subSecond ? hash.digest('hex') : undefined;
}
