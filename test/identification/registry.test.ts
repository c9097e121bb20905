import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateDb } from '../../src/data/state/db.ts';
import { listRegistry, registryHistory } from '../../src/data/reference/registryStore.ts';
import { criticalGoodsDefaults } from '../../src/data/reference/criticalGoods.ts';
import { technologies } from '../../src/data/reference/technologies.ts';
import { identifiedItems } from '../../src/data/reference/identifiedItems.ts';
import { criticalHsCodes } from '../../src/data/reference/criticalGoodsRegistry.ts';
import { addEntry, changeEntry, resetEntry, setEntryStatus } from '../../src/data/identification/registryService.ts';
import { ensureCriticalGoodsList } from '../../src/data/ews/criticalGoodsList.ts';
import { listItems } from '../../src/data/ews/ewsState.ts';
import { listAudit } from '../../src/data/security/auditLog.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';

const actor = { id: null, name: 'test' };

describe.each(stateBackends)('registry of critical goods and technologies (%s)', (backend) => {
  let state: StateDb;
  let listId: string;
  const codesInList = async () => (await listItems(state, { listId })).map((i) => i.hs);
  beforeAll(async () => {
    state = await openTestState(backend);
    listId = await ensureCriticalGoodsList(state, new Date());
  });
  afterAll(async () => state.close());

  it('ships the twelve specified goods and seven technologies in force, the items the seed names proposed', async () => {
    const entries = await listRegistry(state);
    const active = entries.filter((e) => e.status === 'active').map((e) => e.id);
    expect(criticalGoodsDefaults).toHaveLength(12);
    expect(active).toEqual([...criticalGoodsDefaults.map((g) => g.id), ...technologies.map((t) => t.id)]);
    const proposed = entries.filter((e) => e.status === 'proposed');
    expect(proposed.map((e) => e.id)).toEqual(identifiedItems.map((i) => i.id));
    // Every proposed item cites its codes and sits in one of the four domains.
    for (const e of proposed) {
      expect(e.domains.length, e.id).toBeGreaterThan(0);
      for (const c of e.hs) expect(c.source, `${e.id} ${c.hs6}`).toMatch(/^HS 2017 subheading \d{4}\.\d{2}$/);
    }
    // The early-warning list holds exactly the codes of the entries in force, once each.
    const inForce = new Set(entries.filter((e) => e.status === 'active').flatMap((e) => e.hs.map((c) => c.hs6)));
    expect((await codesInList()).sort()).toEqual([...inForce].sort());
  });

  it('adopt, change, retire, restore and reset: each a version with history and audit; the lists follow', async () => {
    const perovskite = identifiedItems.find((i) => i.id === 'perovskite-solar-cells')!;
    const codes = perovskite.hs.map((c) => c.hs6);
    expect((await criticalHsCodes(state)).has('280120')).toBe(false);
    const adopted = await setEntryStatus(state, perovskite.id, 'active', actor, 'adopted by the committee');
    expect(adopted.entry).toMatchObject({ status: 'active', version: 2 });
    for (const c of codes) expect(await codesInList()).toContain(c);
    expect((await criticalHsCodes(state)).get('280120')).toContain(perovskite.id);
    await changeEntry(state, perovskite.id, { hs: [perovskite.hs[0]] }, actor, { reason: 'iodine kept as an input only' });
    expect(await codesInList()).not.toContain('280120');
    await expect(setEntryStatus(state, perovskite.id, 'retired', actor, '')).rejects.toMatchObject({ place: { field: 'reason' } });
    await setEntryStatus(state, perovskite.id, 'retired', actor, 'superseded by a new list');
    // The list is again exactly the codes of the entries in force.
    const inForce = (await listRegistry(state, { status: ['active'] })).flatMap((e) => e.hs.map((c) => c.hs6));
    expect((await codesInList()).sort()).toEqual([...new Set(inForce)].sort());
    expect(await codesInList()).not.toContain('282760');
    expect((await criticalHsCodes(state)).get(codes[0]) ?? []).not.toContain(perovskite.id);
    await setEntryStatus(state, perovskite.id, 'proposed', actor, 'back to proposals');
    const reset = await resetEntry(state, perovskite.id, actor, 'as shipped');
    expect(reset.entry).toMatchObject({ status: 'proposed', hs: perovskite.hs, version: 6 });
    const history = await registryHistory(state, perovskite.id);
    expect(history.map((h) => [h.version, h.action])).toEqual([
      [1, 'seed'],
      [2, 'adopt'],
      [3, 'update'],
      [4, 'retire'],
      [5, 'restore'],
      [6, 'reset'],
    ]);
    expect(history[3].reason).toBe('superseded by a new list');
    const audit = await listAudit(state, { action: 'registry.retire' });
    expect(audit.items.find((a) => a.objectId === perovskite.id)?.details).toMatchObject({ reason: 'superseded by a new list' });
  });

  it('refuses a second add of the same id, a status it already has, and a reset of an entry not shipped', async () => {
    await addEntry(state, { id: 'drones', kind: 'technology', ja: 'ドローン', en: 'drones', domains: ['defence-space'] }, actor);
    await expect(
      addEntry(state, { id: 'drones', kind: 'technology', ja: 'ドローン', en: 'drones' }, actor),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(setEntryStatus(state, 'drones', 'active', actor, '')).rejects.toMatchObject({ code: 'conflict' });
    await expect(resetEntry(state, 'drones', actor)).rejects.toMatchObject({ code: 'not_found' });
  });
});
