import { describe, expect, it } from 'vitest';
import { compareSemver, parseSemver } from '../../src/analysis/cyber/versions/semver.ts';
import { comparePep440, parsePep440 } from '../../src/analysis/cyber/versions/pep440.ts';
import { compareMaven, parseMaven } from '../../src/analysis/cyber/versions/maven.ts';
import { compareDebian, parseDebian } from '../../src/analysis/cyber/versions/debian.ts';
import { versionOrderOf } from '../../src/analysis/cyber/versions/ecosystemOrder.ts';

/** Each list is in strictly increasing order; every pair is checked both ways. */
function expectIncreasing(ecosystem: string, versions: string[]) {
  const order = versionOrderOf(ecosystem)!;
  const parsed = versions.map((v) => {
    const p = order.parse(v);
    expect(p, `${ecosystem} ${v} parses`).toBeDefined();
    return p;
  });
  for (let i = 0; i < parsed.length; i++)
    for (let j = 0; j < parsed.length; j++)
      expect(Math.sign(order.compare(parsed[i], parsed[j])), `${versions[i]} vs ${versions[j]}`).toBe(
        Math.sign(i - j),
      );
}
function expectEqual(ecosystem: string, a: string, b: string) {
  const order = versionOrderOf(ecosystem)!;
  expect(order.compare(order.parse(a), order.parse(b)), `${a} = ${b}`).toBe(0);
}

describe('SemVer 2.0.0 (npm, Go, crates.io)', () => {
  it('orders the example of §11.4 exactly', () => {
    expectIncreasing('npm', [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ]);
  });
  it('compares numbers numerically and ignores build metadata (§10, §11.2)', () => {
    expectIncreasing('npm', ['1.9.0', '1.10.0', '1.11.0', '2.0.0']);
    expectEqual('npm', '1.0.0+build.1', '1.0.0+build.2');
    expect(parseSemver('1.0')).toBeUndefined();
    expect(parseSemver('01.0.0')).toBeUndefined(); // §2: no leading zeros
  });
  it('reads Go module versions: v prefix, pseudo-versions as pre-releases, +incompatible as build metadata', () => {
    expectIncreasing('Go', [
      'v0.0.0-20191016112426-3962a5ea8da1',
      'v0.0.0-20200101000000-aaaaaaaaaaaa',
      'v0.1.0',
      // A pseudo-version based on v1.2.3 (v1.2.4-0.…) sorts after v1.2.3 and before v1.2.4.
      'v1.2.3',
      'v1.2.4-0.20191109021931-daa7c04131f5',
      'v1.2.4',
    ]);
    expectEqual('Go', 'v3.2.0+incompatible', '3.2.0');
  });
});

describe('PEP 440 (PyPI)', () => {
  it("orders the suffixes as the PEP's summary does", () => {
    // PEP 440, "Summary of permitted suffixes and relative ordering".
    expectIncreasing('PyPI', [
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1',
    ]);
  });
  it('puts the epoch first and normalises spellings', () => {
    expectIncreasing('PyPI', ['2025.1', '1!1.0', '1!2.0', '2!0.1']);
    expectEqual('PyPI', '1.0', '1.0.0');
    expectEqual('PyPI', '1.0-alpha.1', '1.0a1');
    expectEqual('PyPI', '1.0c1', '1.0rc1');
    expectEqual('PyPI', '1.0-1', '1.0.post1');
    expectEqual('PyPI', 'v1.0', '1.0');
    expect(parsePep440('1.0-foo')).toBeUndefined();
    expect(comparePep440(parsePep440('1.0.dev0')!, parsePep440('1.0a0')!)).toBe(-1);
  });
});

describe('Maven (POM reference, Version Order Specification)', () => {
  it('gives the examples of the specification', () => {
    expectIncreasing('Maven', ['1', '1.1']);
    expectIncreasing('Maven', ['1-snapshot', '1', '1-sp']);
    expectIncreasing('Maven', ['1-foo2', '1-foo10']);
    expectIncreasing('Maven', ['1.foo', '1-1', '1.1']);
    expectEqual('Maven', '1.foo', '1-foo');
    for (const v of ['1.ga', '1-ga', '1-0', '1.0']) expectEqual('Maven', v, '1');
    expectIncreasing('Maven', ['1-ga', '1-sp']);
    expectIncreasing('Maven', ['1-ga.1', '1-sp.1']);
    expectIncreasing('Maven', ['1-sp-1', '1-ga-1']);
    expectEqual('Maven', '1-ga-1', '1-1');
    expectEqual('Maven', '1-a1', '1-alpha-1');
  });
  it('orders the usual qualifiers of releases', () => {
    expectIncreasing('Maven', [
      '2.0-alpha-1',
      '2.0-beta-1',
      '2.0-m1',
      '2.0-rc1',
      '2.0-SNAPSHOT',
      '2.0',
      '2.0.1',
      '2.1',
      '10.0',
    ]);
    expectEqual('Maven', '2.0-RC1', '2.0-cr1');
    expect(compareMaven(parseMaven('2.17.0'), parseMaven('2.3.1'))).toBe(1);
  });
});

describe('Debian (dpkg, Policy §5.6.12)', () => {
  it('sorts ~ before everything, letters before other characters, digits numerically', () => {
    expectIncreasing('Debian', ['1.0~rc1', '1.0', '1.0a', '1.0+b1', '1.0.1', '1.2', '1.10']);
    expectIncreasing('Debian', ['1.0~~', '1.0~~a', '1.0~', '1.0']); // the Policy's own example of ~
  });
  it('compares the epoch, then upstream, then the revision (after the last hyphen)', () => {
    expectIncreasing('Debian', ['2.30-1', '2.30-1+deb11u1', '2.30-2', '2.31-1', '1:0.1-1']);
    const v = parseDebian('1:2.3-4-5')!;
    expect(v).toEqual({ epoch: 1, upstream: '2.3-4', revision: '5' });
    expectEqual('Debian', '0:1.0-1', '1.0-1');
    expectEqual('Debian', '1.01', '1.1');
    expect(parseDebian('a:1.0')).toBeUndefined();
    expect(compareDebian(parseDebian('7.4.052-1ubuntu3')!, parseDebian('7.4.052-1ubuntu3.1')!)).toBe(-1);
    expect(versionOrderOf('Debian:11')).toBe(versionOrderOf('Debian'));
    expect(versionOrderOf('Ubuntu:22.04:LTS')).toBe(versionOrderOf('Debian'));
  });
});

describe('ecosystems without an implemented order', () => {
  it('have none, so that ranges are reported unevaluated rather than guessed', () => {
    expect(versionOrderOf('RubyGems')).toBeUndefined();
    expect(versionOrderOf('Packagist')).toBeUndefined();
    expect(compareSemver(parseSemver('1.0.0')!, parseSemver('v1.0.0')!)).toBe(0);
  });
});
