import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import {
  importOwnership,
  loadOwnership,
  ownersReport,
  readOwnershipInputs,
  type OwnershipFormat,
} from '../../src/data/ownership/index.ts';
import { ChokepointError } from '../../src/errors.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

const mirror = path.join(sharedData, 'ownership');
const concern = new Set(['CHN', 'RUS', 'PRK', 'IRN']);

function imported(relative: string, format: OwnershipFormat, datasetId = 'ownership') {
  const dataDir = new DataDir(tempDir('chokepoint-ownership-')).ensure();
  importOwnership({ dataDir, format, inputs: readOwnershipInputs(path.join(mirror, relative)), datasetId });
  const catalog = new Catalog(dataDir);
  return { dataDir, catalog, loaded: loadOwnership(catalog, datasetId) };
}

function thrown(fn: () => unknown): ChokepointError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ChokepointError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('ownership import of the real samples (../shared/data/ownership)', () => {
  it('Aimia (UK PSC register, BODS 0.1): AIMIA INC. (Canada) holds at least 75 % of each UK holding', () => {
    const { loaded } = imported('oo-register-bods/aimia_uk_psc_bods_0.1.json', 'bods');
    expect(loaded.doc.entities.map((e) => `${e.name} ${e.country}`).sort()).toEqual([
      'AIMIA HOLDINGS UK II LIMITED GBR',
      'AIMIA HOLDINGS UK LIMITED GBR',
      'AIMIA INC. CAN',
    ]);
    // Looked up by its Companies House number; the PSC range "75 to 100 percent" enters as 0.75, upper bound kept.
    const report = ownersReport(loaded, '06436883', { concern });
    expect(report.entity.name).toBe('AIMIA HOLDINGS UK LIMITED');
    expect(report.owners).toEqual([
      expect.objectContaining({
        name: 'AIMIA INC.',
        country: 'CAN',
        effectiveShare: 0.75,
        viaControl: false,
      }),
    ]);
    expect(loaded.doc.links.every((l) => l.share === 0.75 && l.shareMax === 1)).toBe(true);
    // AIMIA INC.'s own owner is published as "unspecified: unknown": left out, and said so.
    expect(loaded.doc.warnings).toContain(
      'aimia_uk_psc_bods_0.1.json /5: interested party unspecified (unknown), left out',
    );
  });

  it('Gasgrid Finland (BODS 0.4 state-owned example): the Republic of Finland controls it whole', () => {
    const { loaded } = imported('bods-examples/bods-package-fi-soe.json', 'bods');
    const report = ownersReport(loaded, '19f1c5afe9d7', { concern });
    // Ministry of Finance: 76.5 % through Suomen Kaasuverkko (held 100 %) + 23.5 % directly = 100 %; the state
    // controls the ministry (no share): known share 0, attributed 1 · (0.765 · 1 + 0.235) = 1.
    expect(report.owners).toHaveLength(1);
    expect(report.owners[0]).toMatchObject({
      name: 'Suomen tasavalta',
      kind: 'state',
      effectiveShare: 0,
      viaControl: true,
    });
    expect(report.owners[0].attributedShare).toBeCloseTo(1, 12);
    expect(report.owners[0].paths.map((p) => p.shares)).toEqual([
      [0.765, 1, null],
      [0.235, null],
    ]);
    expect(report.entity.flags).toMatchObject({
      state: false,
      stateControlled: true,
      countryOfConcern: false,
    });
    expect(report.chain.find((e) => e.name === 'Valtiovarainministerio')!.flags.state).toBe(true);
    // The indirect 100 % statement summarises the chain above, which is in the file: not counted twice.
    expect(loaded.doc.links).toHaveLength(4);
  });

  it('a nomination (BODS 0.4): the nominator is the owner, the nominee is left out', () => {
    const { loaded } = imported('bods-examples/nomination.json', 'bods');
    const report = ownersReport(loaded, '104AB1984C', { concern });
    expect(report.owners.map((o) => [o.name, o.viaControl, o.attributedShare])).toEqual([
      ['Silvia Teixeira Perez', true, 1],
    ]);
    expect(loaded.doc.warnings.some((w) => w.includes('102AB1984E is a nominee'))).toBe(true);
  });

  it('Tecido (BODS 0.4 updates): the last statement of each record counts, closed records drop out', () => {
    const { loaded } = imported('bods-examples/tecido.json', 'bods');
    // 2023-03-03: Maria Esteves' interest closed, Shear Trust updated to 80 %.
    expect(
      ownersReport(loaded, '01B68D7633', { concern }).owners.map((o) => [o.name, o.effectiveShare]),
    ).toEqual([['Shear Trust', 0.8]]);
  });

  it('GLEIF API responses: parents chained direct → ultimate, counts as in the files', () => {
    const { loaded } = imported('gleif-api', 'gleif');
    // Independent reading of the files: distinct ACTIVE direct-consolidation pairs.
    const direct = new Set<string>();
    const dir = path.join(mirror, 'gleif-api', 'relationships');
    for (const f of fs.readdirSync(dir)) {
      const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { data: unknown };
      const list = (Array.isArray(doc.data) ? doc.data : [doc.data]) as {
        attributes: {
          relationship: { startNode: { id: string }; endNode: { id: string }; type: string; status: string };
        };
      }[];
      for (const r of list) {
        const rel = r.attributes.relationship;
        if (rel.type === 'IS_DIRECTLY_CONSOLIDATED_BY' && rel.status === 'ACTIVE')
          direct.add(`${rel.endNode.id}>${rel.startNode.id}`);
      }
    }
    const directLinks = loaded.doc.links.filter((l) => l.interest === 'IS_DIRECTLY_CONSOLIDATED_BY');
    expect(new Set(directLinks.map((l) => `${l.ownerId}>${l.ownedId}`))).toEqual(direct);
    expect(direct.size).toBe(59);
    // Bloomberg Finance L.P. → Bloomberg L.P. (direct) → Bloomberg Inc. (ultimate, placed above the direct parent).
    const bloomberg = ownersReport(loaded, '5493001KJTIIGC8Y1R12', { concern });
    expect(bloomberg.entity.name).toBe('Bloomberg Finance L.P.');
    expect(bloomberg.owners.map((o) => o.id)).toEqual(['549300RMUDWPHCUQNE66']);
    expect(bloomberg.owners[0].paths.map((p) => p.ids)).toEqual([
      ['5493001KJTIIGC8Y1R12', '549300B56MD0ZC402L06', '549300RMUDWPHCUQNE66'],
    ]);
    // APPLE ENERGY LLC → Apple Inc. (direct = ultimate: one link, not two).
    const apple = ownersReport(loaded, 'LEI:549300YX4S1LLSMK2627', { concern });
    expect(apple.owners.map((o) => [o.name, o.country, o.viaControl])).toEqual([['Apple Inc.', 'USA', true]]);
    expect(apple.links).toHaveLength(1);
  });
});

describe('GLEIF golden-copy XML (LEI-CDF, RR-CDF, reporting exceptions)', () => {
  it('reads the records, counts them as the files do, and chains child → direct → ultimate parent', () => {
    const dir = path.join(mirror, 'gleif-golden-copy-excerpts');
    const dataDir = new DataDir(tempDir('chokepoint-ownership-xml-')).ensure();
    const inputs = ['lei-data.xml', 'rr-data.xml', 'repex-data.xml'].flatMap((f) =>
      readOwnershipInputs(path.join(dir, f)),
    );
    importOwnership({ dataDir, format: 'gleif', inputs });
    const loaded = loadOwnership(new Catalog(dataDir));
    // Independent counts from the XML text.
    const count = (file: string, pattern: RegExp) =>
      (fs.readFileSync(path.join(dir, file), 'utf8').match(pattern) ?? []).length;
    const described = loaded.doc.entities.filter((e) => e.kind === 'company');
    expect(described).toHaveLength(count('lei-data.xml', /<lei:LEIRecord[\s>]/g));
    expect(described).toHaveLength(13);
    expect(described[0]).toMatchObject({
      id: '001GPB6A9XPE8XJICC14',
      name: 'Fidelity Advisor Leveraged Company Stock Fund',
      country: 'USA',
    });
    expect(count('rr-data.xml', /<rr:RelationshipRecord[\s>]/g)).toBe(10);
    expect(loaded.doc.links).toHaveLength(10);
    expect(loaded.doc.warnings).toContain(
      `${count('repex-data.xml', /<repex:Exception[\s>]/g)} reporting exception(s) (no parent reported) read, not links`,
    );
    const report = ownersReport(loaded, '010CMKZ3VON21WF2ZD45', { concern });
    expect(report.owners.map((o) => o.paths.map((p) => p.ids))).toEqual([
      [['010CMKZ3VON21WF2ZD45', 'ZZG38T0MDR3QY1ETUA76', '3C7474T6CDKPR9K6YT90']],
    ]);
  });

  it('a malformed XML file names its line', () => {
    const dataDir = new DataDir(tempDir('chokepoint-ownership-xml-bad-')).ensure();
    const text =
      '<?xml version="1.0"?>\n<rr:RelationshipData>\n<rr:RelationshipRecords>\n</rr:RelationshipData>';
    expect(() => importOwnership({ dataDir, format: 'gleif', inputs: [{ name: 'rr.xml', text }] })).toThrow(
      expect.objectContaining({ code: 'bad_file', place: { file: 'rr.xml', line: 4 } }),
    );
  });
});

describe('ownership datasets fetched from the mirror', () => {
  it('fetch all four ownership manifests (checksums verified) and import the fetched BODS file', async () => {
    const dataDir = new DataDir(tempDir('chokepoint-ownership-fetch-')).ensure();
    const catalog = new Catalog(dataDir);
    for (const id of [
      'ownership-gleif-api',
      'ownership-gleif-golden-copy',
      'ownership-oo-register-aimia',
      'ownership-bods-examples',
    ])
      await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
    expect(catalog.get('ownership-gleif-api').files).toHaveLength(104);
    const fetched = path.join(
      dataDir.datasetDir(catalog.get('ownership-bods-examples')),
      'bods-examples',
      'bods-package-fi-soe.json',
    );
    importOwnership({ dataDir, format: 'bods', inputs: readOwnershipInputs(fetched), source: 'mirror' });
    expect(ownersReport(loadOwnership(catalog), '19f1c5afe9d7', { concern }).owners[0].name).toBe(
      'Suomen tasavalta',
    );
  }, 60_000);
});

describe('malformed ownership files: the place is named, nothing is half-imported', () => {
  let dataDir: DataDir;
  let catalog: Catalog;
  const csv = (rows: string[]) =>
    ['owner_id,owner_name,owner_country,owned_id,owned_name,owned_country,share', ...rows].join('\n');
  beforeAll(() => {
    dataDir = new DataDir(tempDir('chokepoint-ownership-bad-')).ensure();
    catalog = new Catalog(dataDir);
    importOwnership({
      dataDir,
      format: 'csv',
      inputs: [{ name: 'good.csv', text: csv(['P,Parent,JP,T,Target,JP,0.6']) }],
    });
  });

  const attempt = (format: OwnershipFormat, name: string, text: string) =>
    thrown(() => importOwnership({ dataDir, format, inputs: [{ name, text }] }));

  it('a share above 1 names the file, line and column; the version in place stays', () => {
    const before = catalog.get('ownership');
    const error = attempt(
      'csv',
      'bad.csv',
      csv(['P,Parent,JP,T,Target,JP,0.6', 'Q,Other,CN,T,Target,JP,1.5']),
    );
    expect(error.code).toBe('bad_file');
    expect(error.place).toEqual({ file: 'bad.csv', line: 3, column: 'share' });
    expect(catalog.get('ownership')).toEqual(before);
    expect(ownersReport(loadOwnership(catalog), 'T', { concern }).owners.map((o) => o.id)).toEqual(['P']);
  });

  it('an unknown country, a missing column and an entity written two ways are errors with their place', () => {
    expect(attempt('csv', 'c.csv', csv(['P,Parent,Atlantis,T,Target,JP,0.6'])).place).toEqual({
      file: 'c.csv',
      line: 2,
      column: 'owner_country',
    });
    expect(attempt('csv', 'h.csv', 'owner_id,owned_id,share\nP,T,0.5').message).toMatch(
      /missing: owner_name, owner_country/,
    );
    const twice = attempt(
      'csv',
      't.csv',
      csv(['P,Parent,JP,T,Target,JP,0.6', 'P,Parent Co,JP,U,Other,JP,0.2']),
    );
    expect(twice.message).toMatch(/written as "Parent Co" \(JPN\) here but as "Parent" \(JPN\) on line 2/);
    expect(twice.place).toMatchObject({ line: 3 });
  });

  it('BODS: broken JSON names its line; a statement without recordDetails names its pointer', () => {
    expect(
      attempt('bods', 'b.json', '[\n{"recordId": "a",\n "recordType": "entity" "x": 1}\n]').place,
    ).toEqual({
      file: 'b.json',
      line: 3,
    });
    const e = attempt('bods', 'c.json', JSON.stringify([{ recordId: 'a', recordType: 'entity' }]));
    expect(e.place).toEqual({ file: 'c.json', field: '/0/recordDetails' });
  });

  it('GLEIF: a relationship record without its end node names the pointer', () => {
    const text = JSON.stringify({
      data: [
        { type: 'relationship-records', attributes: { relationship: { startNode: { id: 'A' }, type: 'X' } } },
      ],
    });
    expect(attempt('gleif', 'g.json', text).place).toEqual({
      file: 'g.json',
      field: '/data/0/attributes/relationship/endNode/id',
    });
  });
});
