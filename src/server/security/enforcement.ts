import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { joinMarkings, publicMarking, type Marking } from '../../analysis/marking.ts';
import {
  appendAudit,
  effectiveDatasetMarkings,
  ownDatasetMarkings,
  markingOfReads,
  markingOfSource,
  newReadContext,
  readerMayRead,
  runWithReadContext,
  type ReadContext,
  type Reader,
} from '../../data/security/index.ts';
import { cachedCatalogOf } from '../catalogCache.ts';
import { ReadAudit } from './readAudit.ts';
import { StateReadCache } from './stateWatch.ts';
import type { SessionUser } from './session.ts';

/**
 * The one marking enforcement point (docs/security.md § Enforcement; PRODUCT.md §4 "one marking enforcement point
 * that every route passes"). Handlers still check what they read (a hidden object answers 404 like a missing one),
 * but whatever a handler does, no response leaves without passing here:
 *
 * 1. Every request runs in a read context (src/data/security/readContext.ts): the reader's clearance and the
 *    effective marking of every dataset. The data layer records what the handler reads (datasets' files, groups,
 *    events, stored objects) where it reads it.
 * 2. Before the response is sent, its marking is computed as the join of everything read and of every marking the
 *    body carries. If the reader may not read it, the response becomes the 404 a missing object gives — errors
 *    included, so a failure after reading something hidden says nothing about it.
 * 3. Every marked object in a JSON body must be readable; one that is not means a handler bug, and the whole
 *    response is refused (500) rather than sent.
 * 4. A body's own top-level `marking` is raised to the join of what was read when it was lower (a result is
 *    marked with the join of all it read); so is the `x-chokepoint-marking` header every marked response carries.
 *    An export (a file, whose marking is written inside by the handler) must declare it in that header, at least
 *    the join of what was read, or it is refused.
 * 5. Marked responses are never cached by clients (`Cache-Control: no-store`), and marked reads are audited
 *    (ReadAudit: the first read per user, object and hour at once, repeats counted).
 *
 * Each /api route declares in `config.marks` what marked content its response carries (checked at start-up, so a
 * route added later cannot forget): 'result' (a body derived from what was read, with its top-level `marking`),
 * 'objects' (a body of stored objects, each with its own marking), 'export' (a file; marking in the header) or
 * 'none' (nothing marked: anything marked read while handling it makes the response a 404).
 */
export type MarksDeclaration = 'result' | 'objects' | 'export' | 'none';

declare module 'fastify' {
  interface FastifyContextConfig {
    marks?: MarksDeclaration;
    /** How a marked read of this route is named in the audit log (default: the route's method and URL). */
    auditAs?: string;
  }
  interface FastifyRequest {
    readContext: ReadContext;
  }
  interface FastifyInstance {
    /** The marking of what this request has read so far (for handlers that write it into a file). */
    readMarking(request: FastifyRequest): Marking;
  }
}

export const markingHeader = 'x-chokepoint-marking';

function isMarking(value: unknown): value is Marking {
  if (!value || typeof value !== 'object') return false;
  const m = value as Partial<Marking>;
  return (
    typeof m.level === 'number' &&
    Array.isArray(m.compartments) &&
    (m.releasableTo === null || Array.isArray(m.releasableTo))
  );
}

const isPublic = (m: Marking) => m.level === 0 && m.compartments.length === 0 && m.releasableTo === null;

/** Every `marking` carried by objects of a JSON body (iteratively: bodies are ours, but may be deep). */
export function markingsIn(body: unknown): Marking[] {
  const found: Marking[] = [];
  const stack: unknown[] = [body];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object') stack.push(v);
      continue;
    }
    for (const [key, v] of Object.entries(value)) {
      if (key === 'marking' && isMarking(v)) found.push(v);
      else if (v && typeof v === 'object') stack.push(v);
    }
  }
  return found;
}

function readerOf(request: FastifyRequest): Reader {
  const user = (request as { user?: SessionUser | null }).user;
  return user ? { clearance: user.clearance } : { anonymous: true };
}

class Refused extends Error {
  constructor(
    readonly status: 404 | 500,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const notFoundBody = JSON.stringify({ error: { code: 'not_found', message: 'not found', place: {} } });
const refusedBody = JSON.stringify({
  error: { code: 'internal', message: 'the response was withheld by the marking check', place: {} },
});

/** What the check needs of a body: the markings of the objects it carries and its own top-level marking. */
interface Found {
  carried: Marking[];
  top?: Marking;
}

function markingsFound(body: unknown): Found {
  const top = body && typeof body === 'object' ? (body as { marking?: unknown }).marking : undefined;
  return { carried: markingsIn(body), top: isMarking(top) ? top : undefined };
}

/** Markings found in pre-serialized bodies, kept as long as the route keeps the buffer (WeakMap). */
const scannedBuffers = new WeakMap<Buffer, Found>();

/** Per-request state of the check, kept between preSerialization and onSend. */
interface Checked {
  /** The body's markings were checked (objects) and its top-level marking raised. */
  body?: Marking;
}
const checkedBodies = new WeakMap<FastifyRequest, Checked>();

async function enforcementPlugin(app: FastifyInstance): Promise<void> {
  const state = app.services.state;
  const ownMarkings = new StateReadCache<Map<string, Marking>>(app.stateWatch, 1, 60_000);
  const catalog = cachedCatalogOf(app.services.dataDir);
  const audit = new ReadAudit((input) => appendAudit(state, input));
  audit.start();
  app.addHook('onClose', async () => audit.close());

  app.decorate('readMarking', (request: FastifyRequest) => markingOfReads(request.readContext));

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const marks = (route.config as { marks?: MarksDeclaration } | undefined)?.marks;
    if (!marks) {
      const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
      throw new Error(
        `route ${methods} ${route.url} declares no config.marks ('result' | 'objects' | 'export' | 'none'): ` +
          'say what marked content its response carries (docs/security.md § Enforcement)',
      );
    }
  });

  // After authentication (registered after the security plugin): the reader and the datasets' markings.
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url?.startsWith('/api/')) return;
    const own = (await ownMarkings.get('all', async () => ({ value: await ownDatasetMarkings(state) })))!;
    request.readContext = newReadContext(
      readerOf(request),
      effectiveDatasetMarkings(own, catalog.derivations()),
    );
  });
  // The handler and everything it starts run in that context. Entered here, after the body is parsed, because a
  // context entered earlier does not survive the request stream's events.
  app.addHook('preHandler', (request, _reply, done) => {
    if (!request.readContext) return done();
    runWithReadContext(request.readContext, done);
  });

  const check = (request: FastifyRequest, body: unknown, raise: (m: Marking) => void): Marking =>
    checkFound(request, markingsFound(body), raise);

  /** The check on what a body carries: its objects' markings and its own top-level marking. */
  const checkFound = (request: FastifyRequest, found: Found, raise: (m: Marking) => void): Marking => {
    const context = request.readContext;
    const read = markingOfReads(context);
    if (!readerMayRead(context.reader, read))
      throw new Refused(404, 'read something the reader may not read');
    for (const m of found.carried) {
      if (!readerMayRead(context.reader, m)) throw new Refused(500, 'the body carries an unreadable object');
    }
    if (found.top) {
      const joined = joinMarkings([found.top, read]);
      if (JSON.stringify(joined) !== JSON.stringify(found.top)) raise(joined);
    }
    return joinMarkings([read, ...found.carried]);
  };

  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (!request.readContext) return payload;
    try {
      const body = check(request, payload, (joined) => {
        (payload as { marking: Marking }).marking = joined;
        request.log.warn({ route: request.routeOptions.url }, 'marking raised to the join of what was read');
      });
      checkedBodies.set(request, { body });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      checkedBodies.set(request, { body: publicMarking });
      (request as { refused?: Refused }).refused = error;
    }
    return payload;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const context = request.readContext;
    if (!context) return payload;
    try {
      const refused = (request as { refused?: Refused }).refused;
      if (refused) throw refused;
      let marking = checkedBodies.get(request)?.body;
      let out = payload;
      if (marking === undefined) {
        if (isJson(reply, payload)) {
          // A pre-serialized body (a cached page sent as the same buffer every time) is parsed and walked once.
          let found = Buffer.isBuffer(payload) ? scannedBuffers.get(payload) : undefined;
          if (!found) {
            found = markingsFound(JSON.parse(payload.toString()) as unknown);
            if (Buffer.isBuffer(payload)) scannedBuffers.set(payload, found);
          }
          marking = checkFound(request, found, (joined) => {
            const body = JSON.parse(payload.toString()) as { marking: Marking };
            body.marking = joined;
            out = JSON.stringify(body);
          });
        } else {
          marking = exportMarking(request, reply, context);
        }
      }
      marking = joinMarkings([marking, markingOfReads(context)]);
      if (!isPublic(marking)) {
        reply.header(markingHeader, JSON.stringify(marking));
        reply.header('cache-control', 'no-store');
        if (reply.statusCode < 400) await auditRead(request, context, marking);
      }
      return out;
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      request.log.error(
        { route: request.routeOptions.url, reason: error.reason, reads: [...context.sources.keys()] },
        'marking enforcement withheld a response',
      );
      reply.removeHeader(markingHeader);
      reply.removeHeader('content-disposition');
      reply.code(error.status).type('application/json; charset=utf-8');
      return error.status === 404 ? notFoundBody : refusedBody;
    }
  });

  async function auditRead(request: FastifyRequest, context: ReadContext, marking: Marking): Promise<void> {
    const user = (request as { user?: SessionUser | null }).user;
    const objectType = request.routeOptions.config.auditAs ?? `${request.method} ${request.routeOptions.url}`;
    const marked = [...context.sources.values()].filter((s) => !isPublic(markingOfSource(context, s)));
    const objectId =
      marked
        .map((s) => (s.kind === 'dataset' ? `dataset:${s.id}` : `${s.type}:${s.id}`))
        .sort()
        .join(',') || 'body';
    await audit.read(
      { actorId: user?.id ?? null, actor: user?.username ?? 'anonymous' },
      { objectType, objectId, marking },
    );
  }
}

/** A JSON body already serialized (cached pages); files and streams are exports. */
function isJson(reply: FastifyReply, payload: unknown): payload is string | Buffer {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return false;
  return String(reply.getHeader('content-type') ?? '').includes('json');
}

/** An export's marking is what its handler wrote into it, declared in the header; it must cover what was read. */
function exportMarking(request: FastifyRequest, reply: FastifyReply, context: ReadContext): Marking {
  const read = markingOfReads(context);
  if (!readerMayRead(context.reader, read)) throw new Refused(404, 'read something the reader may not read');
  const header = reply.getHeader(markingHeader);
  if (header === undefined) {
    if (isPublic(read)) return read;
    throw new Refused(500, 'an export of marked content without its marking header');
  }
  const declared = JSON.parse(String(header)) as Marking;
  const joined = joinMarkings([declared, read]);
  if (JSON.stringify(joined) !== JSON.stringify(joinMarkings([declared]))) {
    throw new Refused(500, 'an export marked lower than what it read');
  }
  if (!readerMayRead(context.reader, declared)) throw new Refused(404, 'an export the reader may not read');
  return declared;
}

export const markingEnforcement = fp(enforcementPlugin, {
  name: 'chokepoint-marking-enforcement',
  dependencies: ['chokepoint-security'],
});
