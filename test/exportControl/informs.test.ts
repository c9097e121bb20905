import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { npuInform } from './npuInform.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { parseItemReference } from '../../src/analysis/exportControl/controlList.ts';
import { informApplies, type Inform } from '../../src/analysis/exportControl/informs.ts';
import {
  getInform,
  listInforms,
  recordInform,
  setInformStatus,
} from '../../src/data/exportControl/informStore.ts';
import { checkExport } from '../../src/data/exportControl/exportCheckService.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

const officer = { id: null, name: 'compliance1' };

const notice: Inform = {
  id: 'i1',
  reference: '20260110貿局第7号',
  kind: 'wmd',
  issuedOn: '2026-01-10',
  validUntil: null,
  exporter: null,
  items: ['8542', '2(12)'],
  destinations: ['CHN'],
  endUser: 'Northwestern Polytechnical University',
  endUserCountry: 'CHN',
  status: 'active',
};
const tx = (item: string, rest: Partial<Parameters<typeof informApplies>[1]> = {}) => ({
  item: parseItemReference(item)!,
  destination: 'CHN',
  endUser: '西北工業大学 Northwestern Polytechnical Univ.',
  on: '2026-03-01',
  ...rest,
});

describe('which inform notices apply to a transaction', () => {
  it('covers HS codes under a named heading and sub-entries of a named 別表第一 entry, not the other kind', () => {
    expect(informApplies(notice, tx('8542.31'))?.why[0]).toEqual({
      ja: '貨物 8542 が対象',
      en: 'goods 8542 covered',
    });
    expect(informApplies(notice, tx('2(12)1'))).not.toBeNull();
    expect(informApplies(notice, tx('8541.10'))).toBeNull();
    expect(informApplies(notice, tx('2(11)'))).toBeNull();
    // An HS code cannot show an entry of 別表第一 (nor the reverse).
    expect(informApplies({ ...notice, items: ['2(12)'] }, tx('8542.31'))).toBeNull();
  });

  it('holds only for its destinations, days and end user (written differently), and never once withdrawn', () => {
    expect(informApplies(notice, tx('8542', { destination: 'HKG' }))).toBeNull();
    expect(informApplies(notice, tx('8542', { on: '2026-01-09' }))).toBeNull();
    expect(informApplies({ ...notice, validUntil: '2026-02-28' }, tx('8542'))).toBeNull();
    expect(informApplies({ ...notice, status: 'withdrawn' }, tx('8542'))).toBeNull();
    expect(informApplies(notice, tx('8542', { endUser: 'Harbin Institute of Technology' }))).toBeNull();
    const unnamed = informApplies(notice, tx('8542', { endUser: undefined }));
    expect(unnamed?.why.at(-1)?.en).toContain('cannot be ruled out');
    // A notice sent to another exporter does not bind this one.
    expect(
      informApplies(
        { ...notice, exporter: 'Tokyo Precision Co., Ltd.' },
        tx('8542', { exporter: 'Osaka Optics KK' }),
      ),
    ).toBeNull();
    expect(
      informApplies(
        { ...notice, exporter: 'Tokyo Precision Co., Ltd.' },
        tx('8542', { exporter: 'TOKYO PRECISION LIMITED' }),
      ),
    ).not.toBeNull();
    expect(
      informApplies({ ...notice, items: [], destinations: [], endUser: null }, tx('9027.50'))?.why,
    ).toEqual([
      { ja: '貨物の限定なし', en: 'any goods' },
      { ja: '仕向地の限定なし', en: 'any destination' },
    ]);
  });
});

describe.each(stateBackends)('inform notices in the state and the transaction check on %s', (backend) => {
  let db: StateDb;
  let catalog: Catalog;
  beforeAll(async () => {
    db = await openTestState(backend);
    const dataDir = new DataDir(tempDir());
    catalog = new Catalog(dataDir);
    for (const id of ['meti-end-user-list', 'jp-export-control-order'])
      await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
  }, 120_000);
  afterAll(async () => db?.close());

  it('records a notice marked level 1, refuses a public one without a reason, and audits both changes', async () => {
    const stored = await recordInform(db, npuInform, officer);
    expect(stored).toMatchObject({ destinations: ['CHN'], status: 'active', marking: { level: 1 } });
    await expect(
      recordInform(
        db,
        {
          reference: 'x',
          kind: 'wmd',
          issuedOn: '2026-01-10',
          marking: { level: 0, compartments: [], releasableTo: null },
        },
        officer,
      ),
    ).rejects.toThrow(/level 1/);
    await expect(
      recordInform(db, { reference: 'x', kind: 'wmd', issuedOn: '2026-01-10', items: ['zz'] }, officer),
    ).rejects.toThrow(/neither an HS code/);
    await expect(
      recordInform(db, { reference: 'x', kind: 'wmd', issuedOn: '10/01/2026' }, officer),
    ).rejects.toThrow(/YYYY-MM-DD/);

    // The check reads it: HS 8542.31 to China for a civil use by NPU needs a licence under the inform.
    const check = await checkExport(db, catalog, {
      item: '8542.31',
      destination: 'CHN',
      endUser: 'Northwestern Polytechnical University',
      endUse: 'civil',
      on: '2026-03-01',
    });
    expect(check.verdict).toBe('licence-required');
    const reason = check.reasons.find((r) => r.rule === 'R5-inform-wmd')!;
    expect(reason.citation).toBe('輸出貿易管理令 第4条第1項第三号ロ');
    expect(reason.ja).toContain('20260110貿局第7号');
    expect(check.informs.map((i) => [i.id, i.reference, i.marking.level])).toEqual([
      [stored.id, '20260110貿局第7号', 1],
    ]);
    // Before the notice, the same deal is an End User List catch-all check, with no inform.
    const before = await checkExport(db, catalog, {
      item: '8542.31',
      destination: 'CHN',
      endUser: 'Northwestern Polytechnical University',
      endUse: 'civil',
      on: '2026-01-09',
    });
    expect(before.verdict).toBe('catch-all-check');
    expect(before.informs).toEqual([]);

    await setInformStatus(db, stored.id, { status: 'withdrawn', reason: 'lifted by METI notice' }, officer);
    expect((await listInforms(db, { status: 'active' })).map((i) => i.id)).not.toContain(stored.id);
    const after = await checkExport(db, catalog, {
      item: '8542.31',
      destination: 'CHN',
      endUser: 'Northwestern Polytechnical University',
      endUse: 'civil',
      on: '2026-03-01',
    });
    expect(after.informs).toEqual([]);
    const audit = await db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE object_id = $1 ORDER BY seq',
      [stored.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'export_control.inform_recorded',
      'export_control.inform_status',
    ]);
  });

  it('hides a notice from a reader without the clearance, in lists and by id', async () => {
    const secret = await recordInform(
      db,
      {
        reference: 'secret-1',
        kind: 'conventional',
        issuedOn: '2026-02-01',
        marking: { level: 2, compartments: [], releasableTo: null },
      },
      officer,
    );
    const reader = { clearance: { level: 1 as const, compartments: [], organisationId: 'org' } };
    expect((await listInforms(db, { reader })).map((i) => i.id)).not.toContain(secret.id);
    await expect(getInform(db, secret.id, reader)).rejects.toThrow(/inform notice not found/);
    expect((await getInform(db, secret.id)).reference).toBe('secret-1');
  });
});
