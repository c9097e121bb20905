import { canRead, type Clearance, type Marking } from '../marking.ts';
import type { Decision } from './decision.ts';
import type { ExerciseRole, Inject } from './exercise.ts';

/**
 * A live session is a log of events, numbered per session (seq 1, 2, …): state changes, injects delivered or
 * skipped, decisions. Every client is sent the events after the last seq it saw, each as this viewer may see it
 * (viewOfEvent), so a reload or a reconnect loses nothing and no one is sent what they may not read.
 */
export type SessionState = 'ready' | 'running' | 'paused' | 'ended';

export type SessionEvent =
  | { seq: number; kind: 'state'; state: SessionState; simTime: number; createdAt: string }
  | {
      seq: number;
      kind: 'inject';
      injectId: string;
      simTime: number;
      createdAt: string;
      /** Set when the store already withheld the inject from its reader: only its time and team are known. */
      withheld?: { at: number; team: string };
    }
  | { seq: number; kind: 'skipped'; injectId: string; simTime: number; createdAt: string }
  | { seq: number; kind: 'decision'; decision: Decision; simTime: number; createdAt: string };

export interface Viewer {
  role: ExerciseRole;
  /** The player's team; null for the facilitator, observers and evaluators (who follow every team). */
  team: string | null;
  clearance: Clearance;
}

/** What a viewer is sent of one event; null: nothing (not addressed to them, or hidden). */
export type EventView =
  | { seq: number; kind: 'state'; state: SessionState; simTime: number; createdAt: string }
  | { seq: number; kind: 'inject'; simTime: number; createdAt: string; inject: Inject }
  /** An inject addressed to the viewer that they are not cleared for: that it exists, never its content. */
  | {
      seq: number;
      kind: 'withheld';
      simTime: number;
      createdAt: string;
      injectId: string;
      at: number;
      team: string;
    }
  | { seq: number; kind: 'skipped'; simTime: number; createdAt: string; injectId: string }
  | { seq: number; kind: 'decision'; simTime: number; createdAt: string; decision: Decision };

const followsAllTeams = (v: Viewer) => v.role !== 'player';

export function addressedTo(viewer: Viewer, team: string): boolean {
  return followsAllTeams(viewer) || team === 'all' || team === viewer.team;
}

export function mayReadMarking(viewer: Viewer, marking: Marking): boolean {
  return canRead(viewer.clearance, marking);
}

/**
 * The viewer's view of an event, decided before any frame is built: an inject's content goes only to viewers it
 * is addressed to and who are cleared for its marking; the others it is addressed to learn that something was
 * withheld (id, time, team), never its title, body or figures. Skipped injects are for those who follow all
 * teams; a decision goes to its team and to them, when they may read its marking.
 */
export function viewOfEvent(
  event: SessionEvent,
  viewer: Viewer,
  injectById: (id: string) => Inject | undefined,
): EventView | null {
  const { seq, simTime, createdAt } = event;
  switch (event.kind) {
    case 'state':
      return event;
    case 'inject': {
      if (event.withheld) {
        if (!addressedTo(viewer, event.withheld.team)) return null;
        return { seq, kind: 'withheld', simTime, createdAt, injectId: event.injectId, ...event.withheld };
      }
      const inject = injectById(event.injectId);
      if (!inject || !addressedTo(viewer, inject.team)) return null;
      if (!mayReadMarking(viewer, inject.marking))
        return {
          seq,
          kind: 'withheld',
          simTime,
          createdAt,
          injectId: inject.id,
          at: inject.at,
          team: inject.team,
        };
      return { seq, kind: 'inject', simTime, createdAt, inject };
    }
    case 'skipped': {
      const inject = injectById(event.injectId);
      if (!followsAllTeams(viewer) || !inject || !mayReadMarking(viewer, inject.marking)) return null;
      return { seq, kind: 'skipped', simTime, createdAt, injectId: event.injectId };
    }
    case 'decision':
      if (!addressedTo(viewer, event.decision.team) || !mayReadMarking(viewer, event.decision.marking))
        return null;
      return { seq, kind: 'decision', simTime, createdAt, decision: event.decision };
  }
}
