/**
 * Semantic Versioning 2.0.0 ordering (https://semver.org, §11), the order OSV's SEMVER ranges use (OSV schema,
 * "Evaluation": SEMVER versions compare by SemVer 2.0.0 precedence) and the one npm (node-semver `compare`),
 * crates.io and NuGet follow for their ECOSYSTEM ranges.
 *
 * §11: compare MAJOR, MINOR, PATCH numerically; a version with a pre-release is lower than the same version without
 * one (1.0.0-alpha < 1.0.0); pre-release identifiers compare left to right, numeric ones numerically, alphanumeric
 * ones in ASCII order, numeric lower than alphanumeric, and a shorter list lower when all earlier ones are equal
 * (1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1).
 * §10: build metadata (+…) is ignored for precedence.
 */
export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  prerelease: (string | bigint)[];
}

const pattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * Parses a SemVer 2.0.0 string; undefined when it is not one. `loose` accepts what npm and Go tooling write
 * around it: a leading `v` or `=` (node-semver's loose mode; Go module versions always start with `v`) and
 * surrounding blanks.
 */
export function parseSemver(text: string, loose = true): SemVer | undefined {
  let s = text;
  if (loose) s = s.trim().replace(/^[=v]+/, '');
  const m = pattern.exec(s);
  if (!m) return undefined;
  return {
    major: BigInt(m[1]),
    minor: BigInt(m[2]),
    patch: BigInt(m[3]),
    prerelease: m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) ? BigInt(id) : id)) : [],
  };
}

const cmp = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/** −1, 0 or 1 by SemVer 2.0.0 precedence (§11). */
export function compareSemver(a: SemVer, b: SemVer): number {
  const core = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (core) return core;
  // §11.3: a pre-release version has lower precedence than the normal version.
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return cmp(b.prerelease.length === 0 ? 0 : 1, a.prerelease.length === 0 ? 0 : 1);
  const n = Math.min(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < n; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      if (x !== y) return cmp(x, y);
    } else if (typeof x === 'bigint')
      return -1; // §11.4.3: numeric identifiers sort below alphanumeric ones
    else if (typeof y === 'bigint') return 1;
    else if (x !== y) return x < y ? -1 : 1; // §11.4.2: ASCII order
  }
  return cmp(a.prerelease.length, b.prerelease.length); // §11.4.4: the larger set of fields is higher
}
