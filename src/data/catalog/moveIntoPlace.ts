import fs from 'node:fs';
import { randomUUID } from 'node:crypto';

/**
 * Moves a finished file (written beside its target) into place. A rename over an existing file makes ext4
 * (auto_da_alloc) start writing the new file to disk and drop the old file's pages inside the rename call: ~0.2 s
 * for a 300 MB screen CSV, measured on this project's machine. Moving the old file aside first — a rename to a
 * fresh name does neither — and deleting it afterwards costs a fifth of that when its pages are already on disk.
 * A reader sees the old file, for a moment no file, then the new one; never a half-written file.
 */
export async function moveIntoPlace(finished: string, target: string): Promise<void> {
  const aside = `${target}.${process.pid}.${randomUUID()}.old`;
  // Only a file is moved aside: a directory in the way fails the rename below, as a plain rename would.
  const existing = await fs.promises.lstat(target).catch(() => undefined);
  const movedAside = existing !== undefined && !existing.isDirectory();
  if (movedAside) await fs.promises.rename(target, aside);
  try {
    await fs.promises.rename(finished, target);
  } catch (error) {
    if (movedAside) await fs.promises.rename(aside, target).catch(() => undefined);
    throw error;
  }
  if (movedAside) await fs.promises.rm(aside, { force: true });
}
