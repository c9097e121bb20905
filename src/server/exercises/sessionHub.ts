import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  appendEvents,
  eventsAfter,
  getExercise,
  getSession,
  handledInjects,
  listDecisions,
  wasDelivered,
  recordDecision,
  type ExerciseRecord,
  type NewEvent,
} from '../../data/exercises/index.ts';
import { dueInjects } from '../../analysis/exercises/dueInjects.ts';
import {
  addressedTo,
  viewOfEvent,
  type SessionEvent,
  type SessionState,
  type Viewer,
} from '../../analysis/exercises/sessionEvents.ts';
import type { DecisionInput } from '../../analysis/exercises/decision.ts';
import type { Inject } from '../../analysis/exercises/exercise.ts';
import { canRead } from '../../analysis/marking.ts';
import type { Reader } from '../../data/security/index.ts';
import { ChokepointError, notFound } from '../../errors.ts';

/**
 * The live sessions of this server process (docs/exercises.md § Live session). Every change to a session — the
 * facilitator's clock, a decision — and every client joining runs in the session's queue, one at a time: the
 * change is written with its events in one transaction, then each connected client is sent the new events as its
 * viewer may see them (viewOfEvent, computed for that connection's role, team and clearance before any frame is
 * built). A client that joins gets every event after the last seq it saw, then the live ones, with nothing lost
 * or repeated between the two because the replay runs in the same queue.
 *
 * One process holds the connections: with several server processes on one PostgreSQL database, clients of one
 * would not hear about changes made through another (a LISTEN channel would carry them; not built).
 */
export interface LiveClient {
  viewer: Viewer;
  userId: string;
  /** The exercise the session belongs to (a change of its participants ends the user's connections). */
  exerciseId: string;
  send(frame: string): void;
  /** Ends the connection (the client reconnects and is let in, or not, as its part now allows). */
  close(code: number, reason: string): void;
}

export type FacilitatorAction =
  | { action: 'start' }
  | { action: 'pause' }
  | { action: 'end' }
  | { action: 'advance'; by?: number; to?: number };

interface Live {
  queue: Promise<unknown>;
  clients: Set<LiveClient>;
}

/** The frame of one event view: `{"type":"event","event":{…}}`. */
const eventFrame = (view: unknown) => JSON.stringify({ type: 'event', event: view });

export class SessionHub {
  private readonly live = new Map<string, Live>();

  constructor(private readonly app: FastifyInstance) {}

  private entry(sessionId: string): Live {
    let live = this.live.get(sessionId);
    if (!live) {
      live = { queue: Promise.resolve(), clients: new Set() };
      this.live.set(sessionId, live);
    }
    return live;
  }

  /** Runs `fn` after everything queued before it on the session (a failure does not stop the queue). */
  private inQueue<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const live = this.entry(sessionId);
    const next = live.queue.then(fn, fn);
    live.queue = next.catch(() => undefined);
    return next;
  }

  /** The exercise with every inject (no reader: broadcasts filter per connection) or those `reader` may read. */
  private async exercise(exerciseId: string, reader?: Reader): Promise<ExerciseRecord> {
    const exercise = await getExercise(this.app.services.state, exerciseId, reader);
    if (!exercise) throw notFound('exercise not found', { field: 'id' });
    return exercise;
  }

  /** Sends each client the events as it may see them; a viewer key's frames are built once per broadcast. */
  private broadcast(sessionId: string, events: readonly SessionEvent[], injects: readonly Inject[]): void {
    const live = this.live.get(sessionId);
    if (!live || live.clients.size === 0) return;
    const byId = new Map(injects.map((i) => [i.id, i]));
    const built = new Map<string, string[]>();
    for (const client of live.clients) {
      const key = viewerKey(client.viewer);
      let frames = built.get(key);
      if (!frames) {
        frames = [];
        for (const e of events) {
          const view = viewOfEvent(e, client.viewer, (id) => byId.get(id));
          if (view) frames.push(eventFrame(view));
        }
        built.set(key, frames);
      }
      for (const f of frames) client.send(f);
    }
  }

  /** Adds a client: the welcome frame, every event after `afterSeq` it may see, a synced frame, then live events. */
  join(sessionId: string, client: LiveClient, afterSeq: number): Promise<void> {
    return this.inQueue(sessionId, async () => {
      const db = this.app.services.state;
      // The replay is read as this viewer: what they may not read stays in the database (eventsAfter).
      const reader: Reader = { clearance: client.viewer.clearance };
      const session = await getSession(db, sessionId, reader);
      if (!session) throw notFound('session not found', { field: 'id' });
      const exercise = await this.exercise(session.exerciseId, reader);
      const byId = new Map(exercise.injects.map((i) => [i.id, i]));
      client.send(
        JSON.stringify({
          type: 'welcome',
          session: {
            id: session.id,
            state: session.state,
            simTime: session.simTime,
            lastSeq: session.lastSeq,
          },
          exercise: {
            id: exercise.id,
            title: exercise.design.title,
            timeUnit: exercise.design.timeUnit,
            teams: exercise.design.teams,
          },
          you: { userId: client.userId, role: client.viewer.role, team: client.viewer.team },
        }),
      );
      for (const e of await eventsAfter(db, sessionId, afterSeq, reader)) {
        const view = viewOfEvent(e, client.viewer, (id) => byId.get(id));
        if (view) client.send(eventFrame(view));
      }
      client.send(JSON.stringify({ type: 'synced', lastSeq: session.lastSeq }));
      this.entry(sessionId).clients.add(client);
    });
  }

  leave(sessionId: string, client: LiveClient): void {
    const live = this.live.get(sessionId);
    if (!live) return;
    live.clients.delete(client);
    if (live.clients.size === 0) this.live.delete(sessionId);
  }

  /** The facilitator's clock: start (or resume), pause, advance simulated time (firing the injects due), end. */
  act(sessionId: string, request: FastifyRequest, act: FacilitatorAction): Promise<{ lastSeq: number }> {
    return this.inQueue(sessionId, async () => {
      const db = this.app.services.state;
      const session = await getSession(db, sessionId);
      if (!session) throw notFound('session not found', { field: 'id' });
      const exercise = await this.exercise(session.exerciseId);
      const conflict = (message: string) => new ChokepointError('conflict', message, { field: 'action' });
      const state = (s: SessionState): NewEvent => ({ kind: 'state', state: s });
      let events: NewEvent[];
      let change: { state?: SessionState; simTime?: number };
      switch (act.action) {
        case 'start':
          if (session.state === 'running' || session.state === 'ended')
            throw conflict(`the session is ${session.state}`);
          events = [state('running')];
          change = { state: 'running' };
          break;
        case 'pause':
          if (session.state !== 'running') throw conflict(`the session is ${session.state}, not running`);
          events = [state('paused')];
          change = { state: 'paused' };
          break;
        case 'end':
          if (session.state === 'ended') throw conflict('the session has ended');
          events = [state('ended')];
          change = { state: 'ended' };
          break;
        case 'advance': {
          if (session.state !== 'running') throw conflict(`the session is ${session.state}: start it first`);
          const to = act.to ?? session.simTime + (act.by ?? 0);
          if (!Number.isFinite(to) || to < session.simTime || to > 1200)
            throw new ChokepointError(
              'bad_input',
              `simulated time must move forward (now ${session.simTime})`,
              {
                field: act.to === undefined ? 'by' : 'to',
              },
            );
          const decisions = (await listDecisions(db, sessionId)).map((d) => ({
            injectId: d.injectId,
            adjustmentKind: d.adjustment?.kind ?? null,
          }));
          const due = dueInjects(exercise.injects, await handledInjects(db, sessionId), to, decisions);
          events = [
            state('running'),
            ...due.map((d): NewEvent => ({
              kind: d.fires ? 'inject' : 'skipped',
              injectId: d.inject.id,
              marking: d.inject.marking,
            })),
          ];
          change = { simTime: to };
          break;
        }
      }
      const written = await appendEvents(db, sessionId, events, change);
      await this.app.audit(request, {
        action: `exercise-session.${act.action}`,
        objectType: 'exercise-session',
        objectId: sessionId,
        marking: session.marking,
        details: {
          simTime: written.session.simTime,
          injects: written.events
            .filter((e) => e.kind === 'inject')
            .map((e) => (e.kind === 'inject' ? e.injectId : '')),
        },
      });
      this.broadcast(sessionId, written.events, exercise.injects);
      return { lastSeq: written.session.lastSeq };
    });
  }

  /**
   * A decision answering a delivered inject: a player decides for their own team, a facilitator for any team the
   * inject went to. The decider must be cleared for the inject; the decision carries the inject's marking.
   */
  decide(
    sessionId: string,
    request: FastifyRequest,
    viewer: Viewer,
    input: DecisionInput & { team?: string },
  ): Promise<{ id: string; seq: number }> {
    return this.inQueue(sessionId, async () => {
      const db = this.app.services.state;
      const session = await getSession(db, sessionId);
      if (!session) throw notFound('session not found', { field: 'id' });
      const exercise = await this.exercise(session.exerciseId);
      const inject = exercise.injects.find((i) => i.id === input.injectId);
      const delivered = inject && (await wasDelivered(db, sessionId, inject.id));
      // An inject the decider may not read, not yet delivered, or (for a player) sent to another team is answered
      // like one that does not exist.
      if (
        !inject ||
        !delivered ||
        !canRead(viewer.clearance, inject.marking) ||
        !addressedTo(viewer, inject.team)
      )
        throw notFound('no such inject delivered in this session', { field: 'injectId' });
      let team: string;
      if (viewer.role === 'facilitator') team = input.team ?? (inject.team === 'all' ? 'all' : inject.team);
      else if (viewer.role === 'player' && viewer.team) team = viewer.team;
      else
        throw new ChokepointError('forbidden', 'observers and evaluators do not take decisions', {
          field: 'id',
        });
      if (inject.team !== 'all' && team !== inject.team)
        throw new ChokepointError('bad_input', `inject ${inject.id} went to team ${inject.team}`, {
          field: 'team',
        });
      const { decision, event } = await recordDecision(db, sessionId, {
        ...input,
        team,
        userId: request.user.id,
        marking: inject.marking,
      });
      await this.app.audit(request, {
        action: 'exercise-decision.create',
        objectType: 'exercise-decision',
        objectId: decision.id,
        marking: decision.marking,
        details: {
          session: sessionId,
          inject: inject.id,
          team,
          adjustment: decision.adjustment?.kind ?? null,
        },
      });
      this.broadcast(sessionId, [event], exercise.injects);
      return { id: decision.id, seq: event.seq };
    });
  }

  /**
   * Ends a user's connections to the sessions of an exercise whose participants changed: the viewer of a
   * connection (role, team) is fixed when it opens, so a removed player or one moved to another team must not go
   * on receiving what their old part was sent. They reconnect, and are let in, or not, as their part now allows.
   */
  dropUser(exerciseId: string, userId: string): number {
    let dropped = 0;
    for (const [sessionId, live] of this.live)
      for (const client of [...live.clients])
        if (client.exerciseId === exerciseId && client.userId === userId) {
          this.leave(sessionId, client);
          client.close(4000, 'your part in the exercise changed: reconnect');
          dropped++;
        }
    return dropped;
  }

  /** Connections open on a session (tests, benchmarks). */
  clientCount(sessionId: string): number {
    return this.live.get(sessionId)?.clients.size ?? 0;
  }
}

/** Viewers that see the same: role class (players by team), clearance. */
function viewerKey(v: Viewer): string {
  return JSON.stringify([
    v.role === 'player' ? `player:${v.team}` : 'staff',
    v.clearance.level,
    [...v.clearance.compartments].sort(),
    v.clearance.organisationId,
  ]);
}
