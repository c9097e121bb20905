import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importOsvDatabase, loadOsvIndex } from '../../src/data/cyber/osvDatabase.ts';
import { importKev, loadKev } from '../../src/data/cyber/kevCatalog.ts';
import { readSbomFile, parseSbomText } from '../../src/data/cyber/sbomFile.ts';
import { parseCsv } from '../../src/data/importers/csvRecords.ts';
import type { OsvIndex } from '../../src/analysis/cyber/osvIndex.ts';
import { ChokepointError } from '../../src/errors.ts';

const cyber = path.join(sharedData, 'cyber');

describe('the real SBOMs of the mirror', () => {
  it('reads every CycloneDX 1.2–1.6 and SPDX 2.2/2.3/3.0 file, counting what the README says', () => {
    const juice = readSbomFile(path.join(cyber, 'cyclonedx/juice-shop-14.1.1_flat.cdx-1.6.json'));
    expect(juice).toMatchObject({ format: 'CycloneDX', specVersion: '1.6' });
    expect(juice.components).toHaveLength(1101);
    expect(juice.components.every((c) => c.purl?.startsWith('pkg:npm/'))).toBe(true);
    expect(juice.dependencies).toHaveLength(1102);
    expect(juice.components.find((c) => c.name === 'express-jwt')).toMatchObject({ version: '0.1.3' });
    const laravel = readSbomFile(path.join(cyber, 'cyclonedx/laravel-7.12.0.cdx-1.4.json'));
    expect([laravel.components.length, laravel.dependencies.length]).toEqual([62, 63]);
    const proton = readSbomFile(path.join(cyber, 'cyclonedx/proton-bridge-v1.8.0.cdx-1.2.json'));
    expect([proton.specVersion, proton.components.length, proton.dependencies.length]).toEqual([
      '1.2',
      201,
      202,
    ]);
    const hbom = readSbomFile(path.join(cyber, 'cyclonedx/hbom-pcie-sata-adapter-board.cdx-1.4.json'));
    expect(hbom.components).toHaveLength(6);
    // Hardware has no purls: each is named with its JSON pointer, the import goes on.
    expect(hbom.warnings.filter((w) => /no purl/.test(w.message)).map((w) => w.pointer)).toContain(
      '/components/0',
    );
    for (const f of fs.readdirSync(path.join(cyber, 'spdx'))) {
      const doc = readSbomFile(path.join(cyber, 'spdx', f));
      expect(doc.format, f).toBe('SPDX');
      expect(doc.components.length, f).toBeGreaterThan(0);
    }
    const maven3 = readSbomFile(
      path.join(cyber, 'spdx/example14_spdx3.0_examplemaven-0.0.1-enriched.spdx3.json'),
    );
    expect(maven3.specVersion).toBe('3.0');
    expect(maven3.components).toHaveLength(6);
    const dep = readSbomFile(path.join(cyber, 'spdx/oss-na-2023_03-SBOMwDependency.json'));
    expect(dep.dependencies).toEqual([{ ref: 'SPDXRef-Package', dependsOn: ['SPDXRef-xlsx'] }]);
  });

  it('reads the VEX statements of the CISA use cases', () => {
    const vex = readSbomFile(path.join(cyber, 'cyclonedx/vex-cisa-use-cases/Case-1_vex-not_affected.json'));
    expect(vex.vex).toEqual([
      expect.objectContaining({
        vulnId: 'CVE-2021-44228',
        ref: 'product-ABC',
        status: 'not_affected',
        justification: 'code_not_present',
      }),
    ]);
  });

  it('refuses malformed SBOMs with the place', () => {
    const expectBad = (text: string, message: RegExp, place: Record<string, unknown>) => {
      try {
        parseSbomText(text, 'bad.json');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ChokepointError);
        expect((error as ChokepointError).message).toMatch(message);
        expect((error as ChokepointError).place).toMatchObject({ file: 'bad.json', ...place });
      }
    };
    expectBad('{"bomFormat": "CycloneDX",\n "specVersion": "1.6",,}', /not valid JSON/, { line: 2 });
    expectBad(
      '{"bomFormat": "CycloneDX", "specVersion": "1.1"}',
      /specVersion "1.1" is not one of 1.2, 1.3, 1.4, 1.5, 1.6/,
      { field: '/specVersion' },
    );
    expectBad(
      '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "library"}]}',
      /needs a name/,
      { field: '/components/0/name' },
    );
    expectBad('{"spdxVersion": "SPDX-2.1", "packages": []}', /not SPDX-2.2 or SPDX-2.3/, {
      field: '/spdxVersion',
    });
    expectBad('{"hello": 1}', /neither a CycloneDX BOM/, { field: '/' });
    expectBad(
      '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components></bom>',
      /not well-formed XML/,
      {},
    );
    const noPurl = parseSbomText(
      '{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": "a", "version": "1"}, {"name": "b", "purl": "npm/b@1"}]}',
      'x.json',
    );
    expect(noPurl.warnings).toEqual([
      {
        pointer: '/components/0',
        message: 'component "a" has no purl: its vulnerabilities cannot be looked up',
      },
      {
        pointer: '/components/1/purl',
        message:
          'bad purl "npm/b@1": a purl starts with the scheme "pkg:"; its vulnerabilities cannot be looked up',
      },
    ]);
  });

  it('reads CycloneDX XML into the same inventory as JSON', () => {
    const xml = `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.4" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata><component type="application" bom-ref="app"><name>app</name><version>1.0</version></component></metadata>
  <components>
    <component type="library" bom-ref="pkg:npm/lodash@2.4.2">
      <name>lodash</name><version>2.4.2</version>
      <licenses><license><id>MIT</id></license></licenses>
      <purl>pkg:npm/lodash@2.4.2</purl>
    </component>
  </components>
  <dependencies><dependency ref="app"><dependency ref="pkg:npm/lodash@2.4.2"/></dependency></dependencies>
</bom>`;
    const doc = parseSbomText(xml, 'bom.xml');
    expect(doc).toMatchObject({
      format: 'CycloneDX',
      specVersion: '1.4',
      encoding: 'xml',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    });
    expect(doc.components).toEqual([
      expect.objectContaining({
        ref: 'pkg:npm/lodash@2.4.2',
        name: 'lodash',
        version: '2.4.2',
        purl: 'pkg:npm/lodash@2.4.2',
        licences: ['MIT'],
      }),
    ]);
    expect(doc.dependencies).toEqual([{ ref: 'app', dependsOn: ['pkg:npm/lodash@2.4.2'] }]);
    expect(doc.warnings).toEqual([]);
  });
});

describe('ProtonMail Bridge v1.8.0 against the Go vulnerability database records of the mirror', () => {
  let index: OsvIndex;
  let dataDir: DataDir;
  beforeAll(async () => {
    dataDir = new DataDir(tempDir()).ensure();
    const { entry, records, withdrawn } = await importOsvDatabase({
      dataDir,
      source: path.join(cyber, 'osv'),
    });
    expect([records, withdrawn]).toEqual([22, 1]);
    index = await loadOsvIndex(dataDir, entry);
  });

  it('finds the README fixture’s 22 module matches: 21 vulnerabilities and the withdrawn GO-2026-4923 apart', () => {
    const sbom = readSbomFile(path.join(cyber, 'cyclonedx/proton-bridge-v1.8.0.cdx-1.2.json'));
    const result = index.match(sbom.components);
    const expected = parseCsv(
      fs.readFileSync(path.join(cyber, 'osv/proton-bridge-v1.8.0_module_matches.csv'), 'utf8'),
      'csv',
    )
      .slice(1)
      .map((r) => ({
        id: r.fields[0],
        module: r.fields[1],
        version: r.fields[2],
        withdrawn: r.fields[4] !== '',
      }));
    const found = [...result.matches, ...result.withdrawn].map((m) => ({
      id: m.vulnId,
      module: m.purl.slice('pkg:golang/'.length, m.purl.lastIndexOf('@')),
      version: m.version,
      withdrawn: m.withdrawn !== null,
    }));
    const key = (x: { id: string; module: string }) => `${x.id} ${x.module}`;
    expect(found.map(key).sort()).toEqual(expected.map(key).sort());
    expect(found.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(result.withdrawn.map((m) => m.vulnId)).toEqual(['GO-2026-4923']);
    expect(result.matches).toHaveLength(21);
    expect(result.unchecked).toEqual([]);
    // gin 1.4.0 is affected by GO-2020-0001 (fixed 1.6.0): the fix is reported.
    expect(result.matches.find((m) => m.vulnId === 'GO-2020-0001')).toMatchObject({
      version: 'v1.4.0',
      fixedIn: ['1.6.0'],
    });
  });

  it('flags known-exploited vulnerabilities through the CVE aliases (KEV 2025-08-25)', () => {
    const { entry } = importKev({
      dataDir,
      file: path.join(cyber, 'kev/known_exploited_vulnerabilities.json'),
    });
    expect(entry).toMatchObject({ id: 'kev', rows: 1404, version: '2025.08.25' });
    const kev = loadKev(dataDir, entry);
    const fromCsv = importKev({
      dataDir,
      file: path.join(cyber, 'kev/known_exploited_vulnerabilities.csv'),
      datasetId: 'kev-csv',
    });
    expect(fromCsv.catalog.vulnerabilities.map((v) => v.cveID)).toEqual([...kev.keys()]);
    const sbom = readSbomFile(path.join(cyber, 'cyclonedx/proton-bridge-v1.8.0.cdx-1.2.json'));
    const kevHits = index.match(sbom.components).matches.filter((m) => m.aliases.some((a) => kev.has(a)));
    // None of the Go library CVEs behind these 21 matches is in the catalogue (KEV lists exploited products).
    expect(kevHits).toEqual([]);
  });
});
