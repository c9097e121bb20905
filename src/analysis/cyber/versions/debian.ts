/**
 * Debian version ordering (Debian Policy Manual §5.6.12 "Version"; dpkg's `verrevcmp` in lib/dpkg/version.c),
 * OSV's order for the Debian and Ubuntu ecosystems. A version is `[epoch:]upstream_version[-debian_revision]`:
 * - the epoch (default 0) compares numerically first, then the upstream version, then the revision (default "");
 * - the revision is what follows the last hyphen; the upstream version is what lies between the first colon and
 *   the last hyphen;
 * - each part is compared as alternating non-digit and digit runs: non-digit runs character by character where
 *   `~` sorts before anything, even the end of the run, letters sort before non-letters, and otherwise ASCII;
 *   digit runs numerically (an absent run is 0). So 1.0~rc1 < 1.0 < 1.0a < 1.0+b1.
 */
export interface DebianVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

export function parseDebian(text: string): DebianVersion | undefined {
  const s = text.trim();
  if (s === '' || /\s/.test(s)) return undefined;
  const colon = s.indexOf(':');
  const epochText = colon >= 0 ? s.slice(0, colon) : '0';
  if (!/^\d+$/.test(epochText)) return undefined;
  const rest = colon >= 0 ? s.slice(colon + 1) : s;
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  // Policy: the upstream version should start with a digit; dpkg only warns, so any non-empty part is accepted.
  if (upstream === '' || !/^[A-Za-z0-9.+~:-]+$/.test(upstream) || !/^[A-Za-z0-9.+~]*$/.test(revision))
    return undefined;
  return { epoch: Number(epochText), upstream, revision };
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** dpkg's order(): digits and the end of the string 0, `~` −1, letters their code, other characters code + 256. */
function order(c: string): number {
  if (c === '' || isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** dpkg's verrevcmp, transcribed. */
export function compareDebianPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i] ?? '');
      const bc = order(b[j] ?? '');
      if (ac !== bc) return ac < bc ? -1 : 1;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && j < b.length && isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a[i])) return 1;
    if (j < b.length && isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff < 0 ? -1 : 1;
  }
  return 0;
}

export function compareDebian(a: DebianVersion, b: DebianVersion): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return compareDebianPart(a.upstream, b.upstream) || compareDebianPart(a.revision, b.revision);
}
