import { describe, expect, it } from 'vitest';
import {
  applyFrame,
  deliveries,
  initialLiveState,
  type ServerFrame,
  type Welcome,
} from '../../web/src/features/exercises/liveState.ts';

const at = '2026-12-07T19:00:00.000Z';
const welcome = (state: Welcome['session']['state'], simTime: number, lastSeq: number): ServerFrame => ({
  type: 'welcome',
  session: { id: 's1', state, simTime, lastSeq },
  exercise: { id: 'e1', title: { ja: '演習', en: 'Exercise' }, timeUnit: 'month', teams: [] },
  you: { userId: 'u1', role: 'player', team: 'gov' },
});
const stateEvent = (seq: number, state: 'running' | 'paused', simTime: number): ServerFrame => ({
  type: 'event',
  event: { seq, kind: 'state', state, simTime, createdAt: at },
});
const withheld = (seq: number): ServerFrame => ({
  type: 'event',
  event: { seq, kind: 'withheld', simTime: 1, createdAt: at, injectId: 'intel', at: 1, team: 'gov' },
});
const fold = (frames: ServerFrame[], from = initialLiveState) => frames.reduce(applyFrame, from);

describe('the live session page state, rebuilt from frames', () => {
  it('a first connection starts from the welcome, then the replayed events set state and time', () => {
    const s = fold([
      welcome('running', 1, 3),
      stateEvent(1, 'running', 0),
      stateEvent(2, 'running', 1),
      withheld(3),
    ]);
    expect(s.state).toBe('running');
    expect(s.simTime).toBe(1);
    expect(s.synced).toBe(false);
    expect(deliveries(s).map((e) => e.seq)).toEqual([3]);
  });

  it('takes the synced seq as the next `after`: events withheld from the viewer entirely leave gaps', () => {
    // Seq 4 and 5 (another team's decisions) are never sent to this viewer.
    const s = fold([
      welcome('running', 1, 5),
      stateEvent(1, 'running', 0),
      withheld(3),
      { type: 'synced', lastSeq: 5 },
    ]);
    expect(s.synced).toBe(true);
    expect(s.lastSeq).toBe(5);
  });

  it('a reconnect replays the tail again without doubling it, and keeps what it had', () => {
    const first = fold([
      welcome('running', 0, 2),
      stateEvent(1, 'running', 0),
      stateEvent(2, 'running', 1),
      { type: 'synced', lastSeq: 2 },
    ]);
    // The reconnect's replay repeats seq 2 (a race at the server's queue) and brings 3 and a pause at 4.
    const again = fold(
      [
        welcome('paused', 1, 4),
        stateEvent(2, 'running', 1),
        withheld(3),
        stateEvent(4, 'paused', 1),
        { type: 'synced', lastSeq: 4 },
      ],
      first,
    );
    expect(again.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(again.state).toBe('paused');
    expect(again.lastSeq).toBe(4);
  });

  it('an event older than the newest seen does not move the clock back', () => {
    const s = fold([welcome('running', 2, 0), stateEvent(5, 'running', 2), stateEvent(4, 'paused', 1)]);
    expect(s.events.map((e) => e.seq)).toEqual([4, 5]);
    expect(s.simTime).toBe(2);
    expect(s.state).toBe('running');
  });
});
