import { compareSemver, parseSemver } from './semver.ts';
import { comparePep440, parsePep440 } from './pep440.ts';
import { compareMaven, parseMaven } from './maven.ts';
import { compareDebian, parseDebian } from './debian.ts';

/**
 * The version order of each OSV ecosystem (OSV schema, "Affected ranges" and the ecosystem list): a parser that
 * says whether a string is a version of that ecosystem, and a comparison. Ecosystems whose order is not
 * implemented (RubyGems, Packagist, Alpine, …) have none: their records match only through explicit `versions`
 * lists, and the matcher says so.
 */
export interface VersionOrder {
  /** The ordering's name and where it is specified, shown with results. */
  name: string;
  /** A comparable form, or undefined when the text is not a version of this ecosystem. */
  parse(text: string): unknown;
  compare(a: unknown, b: unknown): number;
}

const semverOrder: VersionOrder = {
  name: 'SemVer 2.0.0 §11',
  parse: (t) => parseSemver(t),
  compare: (a, b) => compareSemver(a as never, b as never),
};

const orders: Record<string, VersionOrder> = {
  // npm: node-semver, which is SemVer 2.0.0 precedence (OSV: "npm: SemVer 2.0 ordering").
  npm: semverOrder,
  // Go: module versions are semantic versions with a `v` prefix; pseudo-versions (v0.0.0-20191016112426-abcdef)
  // are SemVer pre-releases and order as such (Go Modules Reference, "Pseudo-versions"); OSV writes them
  // without the `v`, which the loose parser drops.
  Go: semverOrder,
  'crates.io': semverOrder,
  PyPI: {
    name: 'PEP 440',
    parse: (t) => parsePep440(t),
    compare: (a, b) => comparePep440(a as never, b as never),
  },
  Maven: {
    name: 'Maven ComparableVersion (POM reference, Version Order Specification)',
    parse: (t) => (t.trim() === '' ? undefined : parseMaven(t)),
    compare: (a, b) => compareMaven(a as never, b as never),
  },
  Debian: {
    name: 'dpkg (Debian Policy §5.6.12)',
    parse: (t) => parseDebian(t),
    compare: (a, b) => compareDebian(a as never, b as never),
  },
};
orders.Ubuntu = orders.Debian;

/**
 * The order of an OSV ecosystem name; `Debian:11`, `Ubuntu:22.04:LTS` use their base ecosystem (OSV: the part
 * after `:` names a release).
 */
export function versionOrderOf(ecosystem: string): VersionOrder | undefined {
  return orders[ecosystem.split(':')[0]];
}

/** The order OSV ranges of `type` use for an ecosystem: SEMVER ranges always compare as SemVer 2.0.0. */
export function rangeOrder(type: string, ecosystem: string): VersionOrder | undefined {
  if (type === 'SEMVER') return semverOrder;
  if (type === 'ECOSYSTEM') return versionOrderOf(ecosystem);
  return undefined;
}
