import { describe, expect, it } from 'vitest';
import { inRange, isAffected, type OsvAffected } from '../../src/analysis/cyber/osv.ts';
import { versionOrderOf } from '../../src/analysis/cyber/versions/ecosystemOrder.ts';
import { OsvIndex } from '../../src/analysis/cyber/osvIndex.ts';
import { parsePurl, osvPackageOf, PurlError } from '../../src/analysis/cyber/purl.ts';
import { applyVex, vexStatusOfCycloneDx } from '../../src/analysis/cyber/vex.ts';

const affected = (
  ecosystem: string,
  events: OsvAffected['ranges'][number]['events'],
  type = 'ECOSYSTEM',
  versions: string[] = [],
): OsvAffected => ({
  ecosystem,
  name: 'pkg',
  ranges: [{ type, events }],
  versions,
});

describe('OSV range evaluation (OSV schema, "Evaluation")', () => {
  it('introduced/fixed: [introduced, fixed)', () => {
    const a = affected('npm', [{ introduced: '0' }, { fixed: '4.17.12' }]);
    expect(isAffected(a, '2.4.2')).toEqual({ affected: true, how: 'range', fixedIn: ['4.17.12'] });
    expect(isAffected(a, '4.17.12').affected).toBe(false);
    expect(isAffected(a, '4.17.12-beta.1').affected).toBe(true); // a pre-release of the fix is below it (§11.3)
  });
  it('last_affected is inclusive; several introduced/fixed pairs make disjoint intervals', () => {
    const a = affected('PyPI', [{ introduced: '1.0' }, { last_affected: '1.2' }]);
    expect(isAffected(a, '1.2').affected).toBe(true);
    expect(isAffected(a, '1.2.post1').affected).toBe(false);
    expect(isAffected(a, '1.0rc1').affected).toBe(false); // PEP 440: 1.0rc1 < 1.0
    const two = affected('Maven', [
      { introduced: '2.0' },
      { fixed: '2.3.1' },
      { introduced: '2.4' },
      { fixed: '2.17.0' },
    ]);
    expect(isAffected(two, '2.3.1').affected).toBe(false);
    expect(isAffected(two, '2.10.0')).toMatchObject({ affected: true, fixedIn: ['2.17.0'] }); // Maven: 2.10 > 2.4 numerically
    expect(isAffected(two, '2.0-rc1').affected).toBe(false);
    // Events listed out of order are sorted first.
    const shuffled = affected('Maven', [
      { fixed: '2.17.0' },
      { introduced: '2.4' },
      { fixed: '2.3.1' },
      { introduced: '2.0' },
    ]);
    expect(isAffected(shuffled, '2.5').affected).toBe(true);
    expect(isAffected(shuffled, '2.3.5').affected).toBe(false);
  });
  it('limit caps a range; "*" is no limit', () => {
    const order = versionOrderOf('npm')!;
    expect(
      inRange(order, { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit: '2.0.0' }] }, '1.5.0'),
    ).toBe(true);
    expect(
      inRange(order, { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit: '2.0.0' }] }, '2.0.0'),
    ).toBe(false);
    expect(
      inRange(order, { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { limit: '*' }] }, '9.0.0'),
    ).toBe(true);
  });
  it('Debian epochs and ~ decide membership', () => {
    const a = affected('Debian:11', [{ introduced: '0' }, { fixed: '1:2.3-1' }]);
    expect(isAffected(a, '2.9-1').affected).toBe(true); // epoch 0 < epoch 1
    expect(isAffected(a, '1:2.3~rc1-1').affected).toBe(true);
    expect(isAffected(a, '1:2.3-1').affected).toBe(false);
  });
  it('SEMVER ranges compare as SemVer whatever the ecosystem; Go versions carry v, records do not', () => {
    const a = affected('Go', [{ introduced: '0' }, { fixed: '1.6.0' }], 'SEMVER');
    expect(isAffected(a, 'v1.4.0')).toEqual({ affected: true, how: 'range', fixedIn: ['1.6.0'] });
    expect(isAffected(a, 'v0.0.0-20191016112426-3962a5ea8da1').affected).toBe(true);
    expect(isAffected(a, 'v1.6.0').affected).toBe(false);
  });
  it('explicit versions match; GIT ranges and unknown orders are reported, never guessed', () => {
    const gem = affected('RubyGems', [{ introduced: '0' }, { fixed: '5.2.1' }], 'ECOSYSTEM', ['5.0.0']);
    expect(isAffected(gem, '5.0.0').affected).toBe(true);
    expect(isAffected(gem, '5.1.0')).toEqual({
      affected: false,
      unevaluated: 'no version order for ecosystem RubyGems',
    });
    const git = affected('npm', [{ introduced: 'abc123' }], 'GIT');
    expect(isAffected(git, '1.0.0')).toEqual({
      affected: false,
      unevaluated: 'GIT range (commits) not evaluated',
    });
    const odd = affected('npm', [{ introduced: '0' }, { fixed: '1.0.0' }]);
    expect(isAffected(odd, 'latest').affected).toBe(false);
    expect((isAffected(odd, 'latest') as { unevaluated: string }).unevaluated).toMatch(/not a SemVer/);
  });
});

describe('purl (purl-spec)', () => {
  it('parses the components from the right, percent-decoding each', () => {
    expect(parsePurl('pkg:npm/%40angular/animation@12.3.1')).toEqual({
      type: 'npm',
      namespace: '@angular',
      name: 'animation',
      version: '12.3.1',
      qualifiers: {},
      subpath: null,
    });
    expect(
      parsePurl(
        'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?repository_url=repo.spring.io%2Frelease&classifier=sources',
      ),
    ).toMatchObject({
      namespace: 'org.apache.xmlgraphics',
      name: 'batik-anim',
      qualifiers: { repository_url: 'repo.spring.io/release', classifier: 'sources' },
    });
    expect(parsePurl('pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie')).toMatchObject({
      namespace: 'debian',
      version: '7.50.3-1',
    });
    expect(parsePurl('pkg:golang/google.golang.org/genproto#googleapis/api/annotations')).toMatchObject({
      namespace: 'google.golang.org',
      name: 'genproto',
      version: null,
      subpath: 'googleapis/api/annotations',
    });
    expect(parsePurl('pkg:PyPI/Django_Rest@1.0')).toMatchObject({ type: 'pypi', name: 'django-rest' });
  });
  it('refuses what is not a purl, saying why', () => {
    expect(() => parsePurl('npm/lodash@1')).toThrow(PurlError);
    expect(() => parsePurl('pkg:npm')).toThrow(/type and a name/);
    expect(() => parsePurl('pkg:npm/a%zz@1')).toThrow(/percent-encoding/);
  });
  it('maps to OSV ecosystems and package names', () => {
    expect(osvPackageOf(parsePurl('pkg:npm/%40types/node@20'))).toEqual({
      ecosystem: 'npm',
      name: '@types/node',
    });
    expect(osvPackageOf(parsePurl('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'))).toEqual({
      ecosystem: 'Maven',
      name: 'org.apache.logging.log4j:log4j-core',
    });
    expect(osvPackageOf(parsePurl('pkg:golang/github.com/labstack/echo/v4@v4.1.11'))).toEqual({
      ecosystem: 'Go',
      name: 'github.com/labstack/echo/v4',
    });
    expect(osvPackageOf(parsePurl('pkg:pypi/Zope.Interface@5'))).toEqual({
      ecosystem: 'PyPI',
      name: 'zope-interface',
    });
    expect(osvPackageOf(parsePurl('pkg:generic/openssl@3'))).toBeUndefined();
  });
});

describe('matching and VEX', () => {
  const record = (
    id: string,
    ecosystem: string,
    name: string,
    events: OsvAffected['ranges'][number]['events'],
    extra: Partial<{ withdrawn: string; aliases: string[] }> = {},
  ) => ({
    id,
    aliases: extra.aliases ?? [],
    summary: id,
    modified: '2024-01-01T00:00:00Z',
    withdrawn: extra.withdrawn ?? null,
    severity: null,
    affected: [{ ecosystem, name, ranges: [{ type: 'ECOSYSTEM', events }], versions: [] }],
  });
  const index = new OsvIndex([
    record('GHSA-lodash', 'npm', 'lodash', [{ introduced: '0' }, { fixed: '4.17.21' }], {
      aliases: ['CVE-2021-23337'],
    }),
    record('PYSEC-1', 'PyPI', 'Zope.Interface', [{ introduced: '5.0' }, { fixed: '5.4' }]),
    record('GO-W', 'Go', 'go.etcd.io/bbolt', [{ introduced: '0' }], { withdrawn: '2026-04-08T13:33:56Z' }),
  ]);
  const components = [
    { ref: 'a', name: 'lodash', version: '2.4.2', purl: 'pkg:npm/lodash@2.4.2' },
    { ref: 'b', name: 'zope', version: '5.1', purl: 'pkg:pypi/zope_interface@5.1' },
    { ref: 'c', name: 'bbolt', version: 'v1.3.5', purl: 'pkg:golang/go.etcd.io/bbolt@v1.3.5' },
    { ref: 'd', name: 'no purl', version: '1', purl: null },
    { ref: 'e', name: 'generic', version: '1', purl: 'pkg:generic/x@1' },
  ];
  it('finds the records of each component, keeps withdrawn ones apart and says what it could not check', () => {
    const r = index.match(components);
    expect(r.matches.map((m) => [m.ref, m.vulnId])).toEqual([
      ['a', 'GHSA-lodash'],
      ['b', 'PYSEC-1'],
    ]);
    expect(r.withdrawn.map((m) => m.vulnId)).toEqual(['GO-W']);
    expect(r.unchecked).toEqual([
      { ref: 'd', component: 'no purl', reason: 'no purl' },
      { ref: 'e', component: 'generic', reason: 'no OSV ecosystem for pkg:generic' },
    ]);
    expect(r.componentsChecked).toBe(3);
  });
  it('VEX not_affected (by alias, by purl) suppresses; in_triage only annotates', () => {
    const r = index.match(components);
    const applied = applyVex(r.matches, [
      {
        vulnId: 'CVE-2021-23337',
        ref: null,
        purl: 'pkg:npm/lodash@2.4.2?foo=bar',
        status: 'not_affected',
        justification: 'code_not_reachable',
        detail: null,
      },
      {
        vulnId: 'PYSEC-1',
        ref: 'b',
        purl: null,
        status: vexStatusOfCycloneDx('in_triage')!,
        justification: null,
        detail: null,
      },
    ]);
    expect(applied.map((m) => [m.vulnId, m.suppressed, m.vex?.status])).toEqual([
      ['GHSA-lodash', true, 'not_affected'],
      ['PYSEC-1', false, 'under_investigation'],
    ]);
    expect(vexStatusOfCycloneDx('resolved_with_pedigree')).toBe('fixed');
    expect(vexStatusOfCycloneDx('nonsense')).toBeUndefined();
  });
});
