import type { ApiResponse } from '../../api/schema.ts';

/** One session event as this viewer may see it (the frames of the WebSocket and GET …/events share the shape). */
export type EventView = ApiResponse<'GET /api/exercise-sessions/{id}/events'>['items'][number];
export type Inject = ApiResponse<'GET /api/exercises/{id}'>['injects'][number];
export type Decision = Extract<EventView, { kind: 'decision' }>['decision'];
export type SessionState = ApiResponse<'GET /api/exercise-sessions/{id}'>['state'];
type Bilingual = { ja: string; en: string };

/** The `welcome` frame: the session as it stood when the socket opened, and the viewer's part. */
export interface Welcome {
  session: { id: string; state: SessionState; simTime: number; lastSeq: number };
  exercise: {
    id: string;
    title: Bilingual;
    timeUnit: 'month' | 'hour';
    teams: { id: string; name: Bilingual; organisation: string }[];
  };
  you: { userId: string; role: 'facilitator' | 'player' | 'observer' | 'evaluator'; team: string | null };
}

export type ServerFrame =
  | ({ type: 'welcome' } & Welcome)
  | { type: 'event'; event: EventView }
  | { type: 'synced'; lastSeq: number }
  | { type: 'ack'; requestId?: string; [key: string]: unknown }
  | { type: 'error'; requestId?: string; error: { code: string; message: string; place?: unknown } }
  | { type: 'pong'; requestId?: string };

/**
 * What the page shows of a live session, rebuilt from the frames alone: a reload or reconnect replays the events
 * after the last seq seen (after=0 on a fresh page), so the same frames always give the same state.
 */
export interface LiveState {
  welcome: Welcome | null;
  state: SessionState | null;
  simTime: number;
  /** Events by seq, each once (a replay after a reconnect may repeat the tail). */
  events: EventView[];
  /** The highest seq this client has accounted for: the `after` of the next connection. */
  lastSeq: number;
  /** The replay has ended: what follows is live. */
  synced: boolean;
}

export const initialLiveState: LiveState = {
  welcome: null,
  state: null,
  simTime: 0,
  events: [],
  lastSeq: 0,
  synced: false,
};

export function applyFrame(s: LiveState, frame: ServerFrame): LiveState {
  switch (frame.type) {
    case 'welcome':
      return {
        ...s,
        welcome: { session: frame.session, exercise: frame.exercise, you: frame.you },
        // A reconnect keeps what it had; a first connection starts from the session as it stands.
        state: s.welcome ? s.state : frame.session.state,
        simTime: s.welcome ? s.simTime : frame.session.simTime,
        synced: false,
      };
    case 'event': {
      const e = frame.event;
      if (s.events.some((x) => x.seq === e.seq)) return s;
      const events = [...s.events, e].sort((a, b) => a.seq - b.seq);
      const newest = e.seq >= s.lastSeq;
      return {
        ...s,
        events,
        lastSeq: Math.max(s.lastSeq, e.seq),
        simTime: newest ? e.simTime : s.simTime,
        state: e.kind === 'state' && newest ? e.state : s.state,
      };
    }
    case 'synced':
      // Events withheld from this viewer entirely leave gaps in seq: the synced frame says where the log stands.
      return { ...s, synced: true, lastSeq: Math.max(s.lastSeq, frame.lastSeq) };
    default:
      return s;
  }
}

/** The injects delivered to the viewer (content or withheld notice), in the order they fired. */
export const deliveries = (s: LiveState) =>
  s.events.filter((e) => e.kind === 'inject' || e.kind === 'withheld');

export const decisionsOn = (s: LiveState, injectId: string): Decision[] =>
  s.events.flatMap((e) => (e.kind === 'decision' && e.decision.injectId === injectId ? [e.decision] : []));
