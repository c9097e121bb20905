import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { Type } from 'typebox';
import { ChokepointError } from '../../../errors.ts';
import { allowedOrigins } from '../../../config.ts';
import { validateDecision } from '../../../analysis/exercises/decision.ts';
import type { Viewer } from '../../../analysis/exercises/sessionEvents.ts';
import { readableSession, viewerOf } from './access.ts';
import type { FacilitatorAction, LiveClient, SessionHub } from './sessionHub.ts';

/**
 * The live session over a WebSocket: GET /api/exercise-sessions/:id/live?after=SEQ (docs/exercises.md § Protocol).
 * The upgrade is an ordinary request first: the session cookie (or a bearer token) authenticates it, a browser's
 * Origin must be this server's own (a cookie is sent with any site's WebSocket: checking Origin is the CSRF
 * defence here), and the reader must take part in the exercise — all before the socket is accepted, so a refusal
 * is a plain HTTP error. The viewer (role, team, clearance) is fixed for the connection: a changed clearance
 * counts from the next connection.
 */
const viewers = new WeakMap<FastifyRequest, { sessionId: string; exerciseId: string; viewer: Viewer }>();

export function checkOrigin(request: FastifyRequest): void {
  // A bearer token is never sent by a browser on its own: only cookie sessions need the check.
  if (request.user?.via === 'token') return;
  const origin = request.headers.origin;
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  let ok = false;
  if (origin) {
    try {
      const url = new URL(origin);
      ok = url.host === (Array.isArray(host) ? host[0] : host) || allowedOrigins().includes(url.origin);
    } catch {
      ok = false;
    }
  }
  if (!ok)
    throw new ChokepointError('forbidden', 'the WebSocket must be opened from this site (Origin header)', {
      field: 'origin',
    });
}

type ClientMessage =
  | ({ type: 'action'; requestId?: string } & FacilitatorAction)
  | { type: 'decision'; requestId?: string; decision: unknown }
  | { type: 'ping'; requestId?: string };

export function liveRoutes(hub: SessionHub): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/exercise-sessions/:id/live',
      {
        websocket: true,
        config: {
          // Frames carry injects and decisions, each with its own marking, filtered per connection by the hub.
          marks: 'objects',
          authz: { kind: 'none', reason: 'a WebSocket upgrade; covered by test/exercises/live.test.ts' },
        },
        schema: {
          tags: ['exercises'],
          summary:
            'Live session (WebSocket): events from seq `after` on, then live; facilitator actions and decisions',
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0 })) }),
        },
        preHandler: async (request) => {
          checkOrigin(request);
          const { session, exercise } = await readableSession(request, request.params.id);
          viewers.set(request, {
            sessionId: session.id,
            exerciseId: exercise.id,
            viewer: viewerOf(request, exercise),
          });
        },
      },
      (socket: WebSocket, request) => {
        const found = viewers.get(request);
        if (!found) {
          socket.close(1008, 'not allowed');
          return;
        }
        const { sessionId, exerciseId, viewer } = found;
        const send = (frame: string) => {
          if (socket.readyState === socket.OPEN) socket.send(frame);
        };
        const client: LiveClient = {
          viewer,
          userId: request.user.id,
          exerciseId,
          send,
          close: (code, reason) => socket.close(code, reason),
        };
        const reply = (requestId: string | undefined, body: Record<string, unknown>) =>
          send(JSON.stringify({ ...body, ...(requestId === undefined ? {} : { requestId }) }));
        const fail = (requestId: string | undefined, error: unknown) => {
          const e =
            error instanceof ChokepointError
              ? error.toJSON()
              : { code: 'internal', message: 'internal error', place: {} };
          if (!(error instanceof ChokepointError)) request.log.error(error);
          reply(requestId, { type: 'error', error: e });
        };
        socket.on('close', () => hub.leave(sessionId, client));
        socket.on('message', (data, isBinary) => {
          let message: ClientMessage;
          try {
            if (isBinary) throw new Error('binary');
            message = JSON.parse(String(data)) as ClientMessage;
            if (!message || typeof message !== 'object') throw new Error('not an object');
          } catch {
            fail(
              undefined,
              new ChokepointError('bad_input', 'a frame must be a JSON object', { field: 'frame' }),
            );
            return;
          }
          const requestId =
            typeof message.requestId === 'string' ? message.requestId.slice(0, 64) : undefined;
          const work = async () => {
            switch (message.type) {
              case 'ping':
                return reply(requestId, { type: 'pong' });
              case 'action': {
                if (viewer.role !== 'facilitator')
                  throw new ChokepointError('forbidden', 'only a facilitator of this exercise may do this', {
                    field: 'action',
                  });
                const { action, by, to } = message as { action: string; by?: unknown; to?: unknown };
                if (!['start', 'pause', 'advance', 'end'].includes(action))
                  throw new ChokepointError('bad_input', 'action is start, pause, advance or end', {
                    field: 'action',
                  });
                const number = (v: unknown, field: string) => {
                  if (v === undefined) return undefined;
                  if (typeof v !== 'number')
                    throw new ChokepointError('bad_input', 'must be a number', { field });
                  return v;
                };
                const done = await hub.act(sessionId, request, {
                  action,
                  by: number(by, 'by'),
                  to: number(to, 'to'),
                } as FacilitatorAction);
                return reply(requestId, { type: 'ack', ...done });
              }
              case 'decision': {
                const input = validateDecision(message.decision);
                const team = (message.decision as { team?: unknown }).team;
                const done = await hub.decide(sessionId, request, viewer, {
                  ...input,
                  team: typeof team === 'string' ? team : undefined,
                });
                return reply(requestId, { type: 'ack', decision: done.id, seq: done.seq });
              }
              default:
                throw new ChokepointError('bad_input', 'type is action, decision or ping', { field: 'type' });
            }
          };
          work().catch((error: unknown) => fail(requestId, error));
        });
        const after = request.query.after ?? 0;
        hub.join(sessionId, client, after).catch((error: unknown) => {
          fail(undefined, error);
          socket.close(1011, 'could not join');
        });
      },
    );
  };
}
