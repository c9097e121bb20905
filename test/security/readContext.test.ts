import { describe, expect, it } from 'vitest';
import type { Marking } from '../../src/analysis/marking.ts';
import {
  captureReads,
  markingOfReads,
  mayReadDataset,
  newReadContext,
  recordDatasetRead,
  recordObjectRead,
  replayReads,
  runWithReadContext,
} from '../../src/data/security/readContext.ts';
import { effectiveDatasetMarkings } from '../../src/data/security/datasetMarkings.ts';
import { ReadAudit } from '../../src/server/security/readAudit.ts';
import type { AuditInput } from '../../src/data/security/auditLog.ts';

const m = (level: 0 | 1 | 2 | 3, compartments: string[] = [], releasableTo: string[] | null = null): Marking => ({
  level,
  compartments,
  releasableTo,
});
const analyst = { clearance: { level: 2 as const, compartments: ['minerals'], organisationId: 'meti' } };

describe('effective dataset markings', () => {
  it('a derived dataset carries the join of its own marking and its sources’, through chains', () => {
    const own = new Map([
      ['maritime', m(3, ['ports'])],
      ['sea-network', m(1, [], ['meti', 'jbic'])],
      ['world-exports-hs4', m(2)],
    ]);
    const entries = [
      { id: 'maritime' },
      { id: 'sea-network', derivedFrom: ['maritime'] },
      { id: 'routes-cache', derivedFrom: ['sea-network'] },
      { id: 'exports', derivedFrom: ['world-exports-hs4'] },
      { id: 'hs' },
    ];
    const effective = effectiveDatasetMarkings(own, entries);
    // sea-network: max(1, 3) = 3, compartments ∪ = [ports], releasable ∩ (null = everyone) = [meti, jbic]
    expect(effective.get('sea-network')).toEqual(m(3, ['ports'], ['jbic', 'meti']));
    expect(effective.get('routes-cache')).toEqual(m(3, ['ports'], ['jbic', 'meti']));
    expect(effective.get('exports')).toEqual(m(2));
    expect(effective.has('hs')).toBe(false); // public: not in the map
  });

  it('a cycle in a hand-edited catalog ends instead of recursing forever', () => {
    const effective = effectiveDatasetMarkings(new Map([['a', m(2)]]), [
      { id: 'a', derivedFrom: ['b'] },
      { id: 'b', derivedFrom: ['a'] },
    ]);
    expect(effective.get('a')).toEqual(m(2));
    expect(effective.get('b')).toEqual(m(2));
  });
});

describe('read context', () => {
  it('marks work with the join of what it read, and hides datasets the reader may not read', async () => {
    const context = newReadContext(analyst, new Map([['baci', m(1)], ['secret', m(3)], ['usgs', m(2, ['minerals'])]]));
    await runWithReadContext(context, async () => {
      expect(mayReadDataset('baci')).toBe(true);
      expect(mayReadDataset('secret')).toBe(false);
      expect(mayReadDataset('hs')).toBe(true); // unmarked = public
      recordDatasetRead('baci');
      await Promise.resolve();
      recordDatasetRead('usgs');
      recordObjectRead('group', 'CONCERN', m(2, [], ['meti']));
    });
    expect(markingOfReads(context)).toEqual(m(2, ['minerals'], ['meti']));
    expect(context.sources.size).toBe(3);
  });

  it('outside any context (the CLI) everything is readable and nothing is recorded', () => {
    expect(mayReadDataset('secret')).toBe(true);
    recordDatasetRead('secret');
  });

  it('a cached value replays the reads it was computed from into the reader’s context', async () => {
    const first = newReadContext(analyst, new Map([['baci', m(1)]]));
    const { reads } = await runWithReadContext(first, () =>
      captureReads(async () => {
        recordDatasetRead('baci');
        return 42;
      }),
    );
    expect(markingOfReads(first)).toEqual(m(1));
    const second = newReadContext(analyst, new Map([['baci', m(1)]]));
    runWithReadContext(second, () => replayReads(reads));
    expect(markingOfReads(second)).toEqual(m(1));
  });
});

describe('audit of marked reads', () => {
  it('writes the first read per user, object and hour at once and the repeats as one counted entry', async () => {
    const written: AuditInput[] = [];
    let now = new Date('2026-12-07T10:15:00Z');
    const audit = new ReadAudit(async (input) => void written.push(input), 60_000, () => now);
    const alice = { actorId: 'u1', actor: 'alice' };
    const key = { objectType: 'GET /api/screens', objectId: 'dataset:baci', marking: m(1) };
    for (let i = 0; i < 500; i++) await audit.read(alice, key);
    await audit.read({ actorId: 'u2', actor: 'bob' }, key);
    expect(written.map((w) => [w.actor, w.action])).toEqual([
      ['alice', 'read'],
      ['bob', 'read'],
    ]);
    await audit.flush();
    expect(written[2]).toMatchObject({ actor: 'alice', action: 'read.repeat', details: { count: 499 } });
    now = new Date('2026-12-07T11:01:00Z'); // a new hour: the next read is a first read again
    await audit.flush();
    await audit.read(alice, key);
    expect(written.at(-1)).toMatchObject({ action: 'read', details: { hour: '2026-12-07T11:00Z' } });
    expect(written).toHaveLength(4);
  });
});
