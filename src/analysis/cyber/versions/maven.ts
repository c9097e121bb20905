/**
 * Maven version ordering, OSV's order for the Maven ecosystem, after the "Version Order Specification" of the
 * Maven POM reference (maven.apache.org/pom.html#Version_Order_Specification), which describes Maven 3's
 * ComparableVersion:
 * - the version is split into tokens at `.`, `-` and at each transition between digits and letters (a transition
 *   counts as `-`); an empty token is `0`; a string qualifier after `.` is treated as after `-` (ComparableVersion:
 *   "treat .X as -X for any string qualifier X", so 1.foo = 1-foo);
 * - `a`, `b`, `m` directly followed by a number mean alpha, beta, milestone (1-a1 = 1-alpha-1);
 * - trailing "null" tokens (0, "", final, ga, release) are trimmed from the end, and again before each remaining
 *   hyphen from end to start (1.0 = 1 = 1-ga = 1-0; 1-ga-1 = 1-1);
 * - tokens compare by kind first: `-qualifier` < `-number` < `.number`; same kind: numbers numerically, qualifiers
 *   alpha < beta < milestone < rc = cr < snapshot < "" = final = ga = release < sp < any other qualifier
 *   (case-insensitive, others lexically);
 * - a shorter version is padded with null tokens of the other's kind (1 < 1.1, 1-snapshot < 1 < 1-sp).
 */
export interface MavenToken {
  sep: '.' | '-';
  value: bigint | string;
}

const qualifierRank: Record<string, number> = {
  alpha: 0,
  beta: 1,
  milestone: 2,
  rc: 3,
  cr: 3,
  snapshot: 4,
  '': 5,
  final: 5,
  ga: 5,
  release: 5,
  sp: 6,
};
const aliases: Record<string, string> = { a: 'alpha', b: 'beta', m: 'milestone' };

const isNull = (t: MavenToken) =>
  typeof t.value === 'bigint' ? t.value === 0n : qualifierRank[t.value] === 5;

export function parseMaven(text: string): MavenToken[] {
  const s = text.trim().toLowerCase();
  const raw: { sep: '.' | '-'; text: string; transition: boolean }[] = [];
  let sep: '.' | '-' = '.';
  let current = '';
  let transition = false;
  const push = () => {
    raw.push({ sep, text: current, transition });
    current = '';
    transition = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '.' || c === '-') {
      push();
      sep = c;
      continue;
    }
    const digit = c >= '0' && c <= '9';
    if (
      current !== '' &&
      digit !== (current[current.length - 1] >= '0' && current[current.length - 1] <= '9')
    ) {
      push();
      sep = '-';
      transition = true;
    }
    current += c;
  }
  push();
  const tokens: MavenToken[] = raw.map((r, i) => {
    if (r.text === '') return { sep: r.sep, value: 0n };
    if (/^\d+$/.test(r.text)) return { sep: r.sep, value: BigInt(r.text) };
    const next = raw[i + 1];
    const word = next?.transition && aliases[r.text] ? aliases[r.text] : r.text;
    return { sep: '-', value: word };
  });
  if (tokens.length) tokens[0] = { ...tokens[0], sep: '.' };
  // Trim null tokens at the end of each hyphen-led group, from the last group to the first.
  const groups: MavenToken[][] = [];
  for (const t of tokens) {
    if (t.sep === '-' || groups.length === 0) groups.push([t]);
    else groups[groups.length - 1].push(t);
  }
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g];
    while (group.length && isNull(group[group.length - 1])) group.pop();
  }
  return groups.flat();
}

/** Kind rank: -qualifier < -number < .number (a qualifier is always led by '-', see above). */
const kind = (t: MavenToken) => (typeof t.value === 'string' ? 0 : t.sep === '-' ? 1 : 2);

function compareQualifiers(a: string, b: string): number {
  const ra = qualifierRank[a] ?? 7;
  const rb = qualifierRank[b] ?? 7;
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (ra === 7 && a !== b) return a < b ? -1 : 1;
  return 0;
}

function compareTokens(a: MavenToken, b: MavenToken): number {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (typeof a.value === 'bigint' && typeof b.value === 'bigint')
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return compareQualifiers(a.value as string, b.value as string);
}

/** The null token standing in for a missing one, of the same kind as `other`. */
const padFor = (other: MavenToken): MavenToken => ({
  sep: other.sep,
  value: typeof other.value === 'bigint' ? 0n : '',
});

export function compareMaven(a: MavenToken[], b: MavenToken[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? padFor(b[i]);
    const y = b[i] ?? padFor(a[i]);
    const d = compareTokens(x, y);
    if (d) return d;
  }
  return 0;
}
