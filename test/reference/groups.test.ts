import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInGroups, exampleLabel, expandReporter } from '../../src/data/reference/groups.ts';
import { countryByIso3 } from '../../src/data/reference/countries.ts';
import { findGroup, listGroups, setGroup } from '../../src/data/reference/groupStore.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';

describe('built-in country groups', () => {
  it('have the treaty memberships: EU27 without the UK, G7, OECD 38, ASEAN 11', () => {
    const eu = builtInGroups.find((g) => g.id === 'EU27')!;
    expect(eu.members).toHaveLength(27);
    expect(eu.members).not.toContain('GBR');
    expect(eu.members).toContain('HRV');
    expect(builtInGroups.find((g) => g.id === 'G7')!.members.sort()).toEqual([
      'CAN',
      'DEU',
      'FRA',
      'GBR',
      'ITA',
      'JPN',
      'USA',
    ]);
    expect(builtInGroups.find((g) => g.id === 'OECD')!.members).toHaveLength(38);
    expect(builtInGroups.find((g) => g.id === 'ASEAN')!.members).toHaveLength(11);
  });

  it('use only known ISO3 codes, each once', () => {
    for (const g of builtInGroups) {
      expect(new Set(g.members).size, g.id).toBe(g.members.length);
      for (const m of g.members) expect(countryByIso3(m), `${g.id} ${m}`).toBeDefined();
    }
  });

  it('label the policy groups as examples', () => {
    const examples = builtInGroups.filter((g) => g.example).map((g) => g.id);
    expect(examples.sort()).toEqual(['CONCERN', 'GLOBAL_SOUTH', 'LIKE_MINDED']);
    expect(exampleLabel).toEqual({ en: 'example — edit to your policy', ja: expect.stringContaining('例') });
  });
});

describe('expandReporter', () => {
  it('expands a group id, case-insensitively', () => {
    const r = expandReporter('eu27');
    expect(r.isGroup).toBe(true);
    expect(r.members).toHaveLength(27);
    expect(expandReporter('five eyes').members.sort()).toEqual(['AUS', 'CAN', 'GBR', 'NZL', 'USA']);
    expect(expandReporter('EU').group?.id).toBe('EU27');
    expect(expandReporter('countries of concern').group?.id).toBe('CONCERN');
  });
  it('passes a country through as one ISO3', () => {
    expect(expandReporter('Japan')).toEqual({ members: ['JPN'], isGroup: false });
    expect(expandReporter('490')).toEqual({ members: ['TWN'], isGroup: false });
  });
  it('names the known groups when nothing matches', () => {
    expect(() => expandReporter('Narnia')).toThrow(/neither a country nor a group \(groups: EU27, G7/);
  });
});

describe.each(stateBackends)('country_groups in the state store (%s)', (backend) => {
  let db: StateDb;
  beforeAll(async () => {
    db = await openTestState(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('is seeded from the built-ins once, and edits stick', async () => {
    const groups = await listGroups(db);
    expect(groups.map((g) => g.id)).toEqual(expect.arrayContaining(builtInGroups.map((g) => g.id)));
    expect(groups.find((g) => g.id === 'EU27')!.members).toHaveLength(27);

    const edited = await setGroup(db, { id: 'concern', members: ['China', 'RUS', 'prk'] }, 'tester');
    expect(edited.members).toEqual(['CHN', 'RUS', 'PRK']);
    expect(edited.example).toBe(false);
    expect(edited.ja).toContain('懸念国');
    expect(edited.updatedBy).toBe('tester');

    // Listing again does not re-seed over the edit.
    expect((await findGroup(db, 'CONCERN'))!.members).toEqual(['CHN', 'RUS', 'PRK']);
    const mine = await setGroup(db, {
      id: 'MY_SUPPLIERS',
      en: 'My suppliers',
      ja: '自社の調達先',
      members: ['AUS', 'CHL'],
    });
    expect(mine.builtIn).toBe(false);
    expect(mine.marking).toEqual({ level: 0, compartments: [], releasableTo: null });
    expect((await listGroups(db)).length).toBe(builtInGroups.length + 1);
  });

  it('rejects unknown members, naming the place, and changes nothing', async () => {
    await expect(setGroup(db, { id: 'G7', members: ['JPN', 'Atlantis'] })).rejects.toMatchObject({
      code: 'unknown_code',
      place: { field: 'members[1]' },
    });
    expect((await findGroup(db, 'G7'))!.members).toHaveLength(7);
  });
});
