import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  addMessage,
  caseById,
  caseByToken,
  listCases,
  maxMessageLength,
  openCase,
  countThisHour,
} from '../../data/security/index.ts';
import { ErrorSchema } from '../security/schemas.ts';
import { SlidingWindowLimiter, sendTooManyRequests } from '../security/rateLimit.ts';

/**
 * The anonymous consultation desk. Requester routes are public and log nothing about the request (logLevel
 * 'warn' suppresses the access log line with the client address); the token travels in the body, never in a
 * URL. Staff (administrators, analysts) list and answer cases.
 */
const TopicSchema = Type.Union([
  Type.Literal('technology_leakage'),
  Type.Literal('coercion'),
  Type.Literal('other'),
]);
const StatusSchema = Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('closed')]);
const MessageSchema = Type.Object({
  author: Type.Union([Type.Literal('requester'), Type.Literal('staff')]),
  body: Type.String(),
  createdAt: Type.String(),
});
const CaseSchema = Type.Object({
  topic: TopicSchema,
  status: StatusSchema,
  createdAt: Type.String(),
  messages: Type.Array(MessageSchema),
});
const StaffCaseSchema = Type.Object({
  id: Type.String(),
  topic: TopicSchema,
  status: StatusSchema,
  createdAt: Type.String(),
  messages: Type.Array(MessageSchema),
});
const Body = Type.String({ minLength: 1, maxLength: maxMessageLength });
const Token = Type.String({ minLength: 10, maxLength: 100 });
/**
 * Largest body of the anonymous desk routes: a question of maxMessageLength (10,000) characters is at most 40 kB
 * in UTF-8; anything bigger is refused before it is read (the default limit is for signed-in routes).
 */
const deskBodyLimit = 64 * 1024;
const anonymous = {
  marks: 'none' as const,
  public: true,
  authz: { kind: 'none' as const, reason: 'public: anonymous consultation desk' },
};
/**
 * New cases: at most `perAddress` per client address in any 10 minutes, counted in this process's memory only
 * (the desk never stores an address), and `perHour` per clock hour from everyone together, counted in the state
 * database (no address) so that several server processes share it. Questions, follow-ups and reads are not
 * limited: they need a case token.
 */
export const newCaseLimits = { perAddress: 5, addressWindowMs: 10 * 60_000, perHour: 100 };
const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const staff = {
  marks: 'none' as const,
  roles: ['administrator' as const, 'analyst' as const],
  authz: { kind: 'action' as const },
};

export const consultationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;
  const perAddress = new SlidingWindowLimiter(newCaseLimits.perAddress, newCaseLimits.addressWindowMs);

  app.post(
    '/consultation/cases',
    {
      logLevel: 'warn',
      bodyLimit: deskBodyLimit,
      config: anonymous,
      schema: {
        tags: ['consultation'],
        summary: 'Ask a question anonymously; returns the case token (keep it: it is the only way back)',
        body: Type.Object({ topic: TopicSchema, question: Body }, { additionalProperties: false }),
        response: { 201: Type.Object({ caseToken: Type.String() }), 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      const wait = perAddress.take(request.ip);
      if (wait > 0) {
        return sendTooManyRequests(
          reply,
          wait,
          `Too many new questions from this connection: please try again in ${minutes(wait)} minutes. ` +
            `この接続元からの新しい相談が多すぎます。${minutes(wait)} 分後にもう一度お試しください。`,
        );
      }
      const { count, hourEndsInMs } = await countThisHour(db(), 'consultation.open');
      if (count > newCaseLimits.perHour) {
        return sendTooManyRequests(
          reply,
          hourEndsInMs,
          `The desk has received too many new questions this hour: please try again in ${minutes(hourEndsInMs)} minutes. ` +
            `現在、新しい相談が集中しています。${minutes(hourEndsInMs)} 分後にもう一度お試しください。`,
        );
      }
      const { id, token } = await openCase(db(), request.body.topic, request.body.question);
      await app.audit(request, {
        action: 'consultation.open',
        objectType: 'consultation_case',
        objectId: id,
        details: { topic: request.body.topic },
      });
      return reply.status(201).send({ caseToken: token });
    },
  );

  app.post(
    '/consultation/cases/read',
    {
      logLevel: 'warn',
      bodyLimit: deskBodyLimit,
      config: anonymous,
      schema: {
        tags: ['consultation'],
        summary: 'Read a case and its answers with the case token',
        body: Type.Object({ token: Token }, { additionalProperties: false }),
        response: { 200: CaseSchema },
      },
    },
    async (request) => {
      const { id: _id, ...found } = await caseByToken(db(), request.body.token);
      return found;
    },
  );

  app.post(
    '/consultation/cases/reply',
    {
      logLevel: 'warn',
      bodyLimit: deskBodyLimit,
      config: anonymous,
      schema: {
        tags: ['consultation'],
        summary: 'Add a follow-up to a case with the case token',
        body: Type.Object({ token: Token, body: Body }, { additionalProperties: false }),
        response: { 200: CaseSchema },
      },
    },
    async (request) => {
      const found = await caseByToken(db(), request.body.token);
      await addMessage(db(), found.id, 'requester', request.body.body);
      const { id: _id, ...updated } = await caseByToken(db(), request.body.token);
      return updated;
    },
  );

  app.get(
    '/consultation/cases',
    {
      config: staff,
      schema: {
        tags: ['consultation'],
        summary: 'Cases of the consultation desk (staff)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                topic: TopicSchema,
                status: StatusSchema,
                createdAt: Type.String(),
                messages: Type.Number(),
              }),
            ),
            total: Type.Number(),
          }),
        },
      },
    },
    async () => {
      const items = await listCases(db());
      return { items, total: items.length };
    },
  );

  app.get(
    '/consultation/cases/:id',
    {
      config: staff,
      schema: {
        tags: ['consultation'],
        summary: 'One case with its messages (staff)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: StaffCaseSchema },
      },
    },
    async (request) => {
      const found = await caseById(db(), request.params.id);
      await app.audit(request, { action: 'read', objectType: 'consultation_case', objectId: found.id });
      return found;
    },
  );

  app.post(
    '/consultation/cases/:id/answers',
    {
      config: staff,
      schema: {
        tags: ['consultation'],
        summary: 'Answer a case (staff)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ body: Body }, { additionalProperties: false }),
        response: { 200: StaffCaseSchema },
      },
    },
    async (request) => {
      const found = await caseById(db(), request.params.id);
      await addMessage(db(), found.id, 'staff', request.body.body);
      await app.audit(request, {
        action: 'consultation.answer',
        objectType: 'consultation_case',
        objectId: found.id,
      });
      return caseById(db(), found.id);
    },
  );
};
