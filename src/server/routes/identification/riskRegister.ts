import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { SameType } from '../../sameType.ts';
import { notFound } from '../../../errors.ts';
import { publicMarking } from '../../../analysis/marking.ts';
import { riskTypes } from '../../../analysis/risks/riskTypes.ts';
import { findRegistryEntry } from '../../../data/reference/index.ts';
import {
  assessmentHistory,
  latestAssessment,
  recordAssessment,
  riskRegisterView,
  type RiskAssessment,
} from '../../../data/identification/index.ts';
import { assertReadable, readerOf } from '../../security/markings.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { currentUser } from '../../security/access.ts';
import { AssessmentBody, AssessmentSchema, RegisterQuery, RegisterResponse } from './schemas.ts';

/**
 * /api/identification/risk-register — for each critical good and technology and a reporter, the analyst's
 * judgement on the seed's four risk types with its evidence, and links to the analyses that bear on each. An
 * assessment is a marked, audited object; recording a new one for the same reporter, entry and risk type replaces
 * the one in force, so it needs read access to it and `declassify` (with a reason) to lower its marking.
 */
const writers = ['analyst' as const, 'administrator' as const];

const assessmentJson = (a: RiskAssessment) => ({ ...a, id: String(a.id) });
const assessmentMatches: SameType<Static<typeof AssessmentSchema>, ReturnType<typeof assessmentJson>> = true;
void assessmentMatches;

export const riskRegisterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;

  app.get(
    '/identification/risk-register',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'registryEntry', query: { reporter: 'JPN' } } },
      schema: {
        tags: ['identification'],
        summary: 'The risk register: every good and technology by the four risk types, judgements and evidence',
        querystring: RegisterQuery,
        response: { 200: RegisterResponse },
      },
    },
    async (request) => {
      const rows = await riskRegisterView(db(), request.query.reporter, {
        entryId: request.query.entry,
        reader: readerOf(request),
      });
      const items = rows.map((r) => ({
        ...r.entry,
        risks: r.risks.map((c) => ({ ...c, assessment: c.assessment && assessmentJson(c.assessment) })),
      }));
      return { reporter: request.query.reporter, riskTypes: [...riskTypes], items, total: items.length };
    },
  );

  app.get(
    '/identification/risk-register/assessments',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'list', fixture: 'riskAssessment', query: { reporter: 'JPN', entry: 'authz-risks' } },
      },
      schema: {
        tags: ['identification'],
        summary: 'Every assessment of one entry for a reporter (newest first): the register’s history',
        querystring: Type.Object(
          { reporter: RegisterQuery.properties.reporter, entry: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(AssessmentSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const items = await assessmentHistory(db(), request.query.reporter, request.query.entry, readerOf(request));
      return { items: items.map(assessmentJson), total: items.length };
    },
  );

  app.post(
    '/identification/risk-register/assessments',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['identification'],
        summary: 'Record a judgement (level null withdraws it) on one risk type of an entry, with evidence',
        body: AssessmentBody,
        response: { 201: AssessmentSchema },
      },
    },
    async (request, reply) => {
      const { marking: requested, reason, ...input } = request.body;
      const entry = await findRegistryEntry(db(), input.entryId);
      if (!entry) throw notFound('registry entry not found', { field: 'entryId' });
      assertReadable(request, entry.marking, 'registry entry', { field: 'entryId' });
      const existing = await latestAssessment(db(), input);
      const { marking, lowered } = authorizeMarkingChange(request, {
        existing: existing?.marking,
        requested,
        fallback: entry.marking ?? publicMarking,
        reason,
        what: 'assessment',
      });
      const user = currentUser(request);
      const saved = await recordAssessment(
        db(),
        { ...input, marking, ...(lowered ? { declassified: reason } : {}) },
        { id: user.id, name: user.username },
      );
      return reply.status(201).send(assessmentJson(saved));
    },
  );
};
