/**
 * PEP 440 version ordering (Python packaging, https://peps.python.org/pep-0440/), OSV's order for the PyPI
 * ecosystem. A public version is `[N!]N(.N)*[{a|b|rc}N][.postN][.devN]` with a local label `+…`.
 *
 * Ordering rules applied here (PEP 440 § "Summary of permitted suffixes and relative ordering", "Version epochs",
 * "Local version identifiers", and "Normalization"):
 * - the epoch compares first (2!1.0 > 2025.1);
 * - release segments compare numerically, trailing zeros ignored (1.0 == 1.0.0);
 * - within one release: X.devN < X.aN.devM < X.aN < X.aN.postM < X.bN < X.rcN < X < X.postN.devM < X.postN;
 * - a local version sorts after the same public version; local segments compare numeric > alphanumeric,
 *   numbers numerically, strings case-insensitively, a longer local label higher when all earlier are equal;
 * - normalisation: case-insensitive, `alpha`/`beta`/`c`/`pre`/`preview` spell a/b/rc/rc/rc, `rev`/`r` spell post,
 *   `-`, `_`, `.` separators are optional, an implicit number is 0, `1.0-1` is a post-release, a leading `v` is
 *   allowed.
 */
export interface Pep440 {
  epoch: number;
  release: number[];
  pre?: { kind: 'a' | 'b' | 'rc'; n: number };
  post?: number;
  dev?: number;
  local: (string | number)[];
}

// The regular expression given in PEP 440 Appendix B ("VERSION_PATTERN"), unchanged apart from named groups.
const pattern = new RegExp(
  '^\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[-_\\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\\.]?(?<pre_n>[0-9]+)?)?' +
    '(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\\.]?(?<post_l>post|rev|r)[-_\\.]?(?<post_n2>[0-9]+)?))?' +
    '(?<dev>[-_\\.]?(?<dev_l>dev)[-_\\.]?(?<dev_n>[0-9]+)?)?)(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?\\s*$',
  'i',
);

const preKind = (label: string): 'a' | 'b' | 'rc' => {
  const l = label.toLowerCase();
  if (l === 'a' || l === 'alpha') return 'a';
  if (l === 'b' || l === 'beta') return 'b';
  return 'rc';
};

export function parsePep440(text: string): Pep440 | undefined {
  const m = pattern.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const release = g.release.split('.').map(Number);
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  return {
    epoch: g.epoch ? Number(g.epoch) : 0,
    release,
    pre: g.pre_l ? { kind: preKind(g.pre_l), n: Number(g.pre_n ?? 0) } : undefined,
    post: g.post ? Number(g.post_n1 ?? g.post_n2 ?? 0) : undefined,
    dev: g.dev ? Number(g.dev_n ?? 0) : undefined,
    local: g.local
      ? g.local
          .toLowerCase()
          .split(/[-_.]/)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
      : [],
  };
}

const cmp = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
const preRank = { a: 0, b: 1, rc: 2 } as const;

/**
 * A sort key for the pre/post/dev part, after packaging's `_cmpkey`: a dev release with neither pre nor post
 * sorts before any pre-release of that release; no pre-release sorts after every pre-release; no post before
 * any post; no dev after any dev.
 */
function suffixKey(v: Pep440): number[] {
  const pre =
    v.pre === undefined && v.post === undefined && v.dev !== undefined
      ? [-1, 0]
      : v.pre === undefined
        ? [3, 0]
        : [preRank[v.pre.kind], v.pre.n];
  const post = v.post === undefined ? [-1] : [v.post];
  const dev = v.dev === undefined ? [Number.POSITIVE_INFINITY] : [v.dev];
  return [...pre, ...post, ...dev];
}

export function comparePep440(a: Pep440, b: Pep440): number {
  const epoch = cmp(a.epoch, b.epoch);
  if (epoch) return epoch;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const d = cmp(a.release[i] ?? 0, b.release[i] ?? 0);
    if (d) return d;
  }
  const ka = suffixKey(a);
  const kb = suffixKey(b);
  for (let i = 0; i < ka.length; i++) {
    const d = cmp(ka[i], kb[i]);
    if (d) return d;
  }
  const m = Math.min(a.local.length, b.local.length);
  for (let i = 0; i < m; i++) {
    const x = a.local[i];
    const y = b.local[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return cmp(x, y);
    } else if (typeof x === 'number')
      return 1; // numeric segments sort after alphanumeric ones
    else if (typeof y === 'number') return -1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return cmp(a.local.length, b.local.length);
}
