import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StateDb } from '../../src/data/state/db.ts';
import { appendAudit, verifyAudit, type AuditEntry } from '../../src/data/security/auditLog.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';

/**
 * Tampering with the audit log is detected: edits, deletions (middle and end), reordering. The attacker here
 * has database-owner rights (disables the append-only trigger), as a rogue administrator would.
 */
describe.each(stateBackends)('audit chain (%s)', (backend) => {
  let db: StateDb;
  let entries: AuditEntry[] = [];

  beforeAll(async () => {
    db = await openTestState(backend);
  });
  afterAll(async () => db.close());

  const asOwner = async (sql: string, params: unknown[] = []) => {
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      await db.query(sql, params);
    } finally {
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
  };

  beforeEach(async () => {
    await asOwner('DELETE FROM audit_log');
    await db.query('DELETE FROM audit_head');
    entries = [];
    for (let i = 1; i <= 12; i++) {
      entries.push(
        await appendAudit(db, {
          actorId: `user-${i % 3}`,
          actor: `user${i % 3}`,
          action: i % 2 ? 'read' : 'export',
          objectType: 'dataset',
          objectId: `ds-${i}`,
          marking: {
            level: (i % 4) as 0 | 1 | 2 | 3,
            compartments: i % 2 ? ['semiconductors'] : [],
            releasableTo: null,
          },
          details: { n: i, note: `entry ${i}`, nested: { z: 1, a: [i, 'x'] } },
        }),
      );
    }
  });

  it('an intact chain verifies; each hash is SHA-256 over the sorted-key JSON including the previous hash', async () => {
    const result = await verifyAudit(db);
    expect(result).toMatchObject({ ok: true, entries: 12, problems: [] });
    expect(result.head).toEqual({ seq: 12, hash: entries[11].hash });
    // Independent recomputation of entry 1 (keys written in sorted order by hand).
    const e = entries[0];
    const json =
      `{"action":"read","actor":"user1","actorId":"user-1","at":${JSON.stringify(e.at)},` +
      `"details":{"n":1,"nested":{"a":[1,"x"],"z":1},"note":"entry 1"},` +
      `"marking":{"compartments":["semiconductors"],"level":1,"releasableTo":null},` +
      `"objectId":"ds-1","objectType":"dataset","prevHash":"${'0'.repeat(64)}","seq":1}`;
    expect(e.hash).toBe(createHash('sha256').update(json).digest('hex'));
    expect(entries[1].prevHash).toBe(e.hash);
  });

  it('the table refuses UPDATE and DELETE', async () => {
    await expect(db.query("UPDATE audit_log SET actor = 'x' WHERE seq = 3")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(/append-only/);
  });

  it('detects an edited field', async () => {
    await asOwner(
      `UPDATE audit_log SET details = jsonb_set(details, '{note}', '"nothing happened"') WHERE seq = 7`,
    );
    const result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ seq: 7, problem: expect.stringMatching(/edited/) }]);
  });

  it('detects an edit whose hash was recomputed by the attacker (the next link breaks)', async () => {
    await asOwner("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5");
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM audit_log WHERE seq = 5');
    const { entryHash } = await import('../../src/data/security/auditLog.ts');
    const forged = entryHash({ ...entries[4], actor: 'someone-else' });
    expect(row.actor).toBe('someone-else');
    await asOwner('UPDATE audit_log SET hash = $1 WHERE seq = 5', [forged]);
    const result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toEqual([6]);
  });

  it('detects a deleted entry in the middle', async () => {
    await asOwner('DELETE FROM audit_log WHERE seq = 4');
    const result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.entries).toBe(11);
    expect(result.problems.some((p) => p.seq === 5 && /missing/.test(p.problem))).toBe(true);
  });

  it('detects deleted newest entries by the recorded head, and by an external head when that was rewritten too', async () => {
    await asOwner('DELETE FROM audit_log WHERE seq >= 11');
    let result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problems[0].problem).toMatch(/newest entries removed/);
    await db.query('UPDATE audit_head SET seq = 10, hash = $1', [entries[9].hash]);
    expect((await verifyAudit(db)).ok).toBe(true); // the rewritten head hides it …
    result = await verifyAudit(db, { seq: 12, hash: entries[11].hash }); // … unless a head was recorded outside
    expect(result.ok).toBe(false);
    expect(result.problems[0].problem).toMatch(/expected head entry is missing/);
  });

  it('detects reordered entries', async () => {
    await asOwner('UPDATE audit_log SET seq = -3 WHERE seq = 3');
    await asOwner('UPDATE audit_log SET seq = 3 WHERE seq = 8');
    await asOwner('UPDATE audit_log SET seq = 8 WHERE seq = -3');
    const result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([3, 4, 8, 9]));
  });

  it('concurrent appends still form one chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(db, {
          actorId: null,
          actor: 'system',
          action: 'concurrent',
          objectType: 'test',
          details: { i },
        }),
      ),
    );
    const result = await verifyAudit(db);
    expect(result).toMatchObject({ ok: true, entries: 32 });
  });
});
