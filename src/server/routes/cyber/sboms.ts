import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { publicMarking, joinMarkings } from '../../../analysis/marking.ts';
import { ChokepointError, notFound } from '../../../errors.ts';
import {
  listSboms,
  parseSbomText,
  saveSbom,
  sbomComponents,
  sbomDependencies,
  addVex,
  cyclonedxWithAttestation,
} from '../../../data/cyber/index.ts';
import { assertReadable, MarkingSchema, readerOf } from '../../security/markings.ts';
import { markingHeader } from '../../security/enforcement.ts';
import { markingOfReads } from '../../../data/security/index.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { IdParams } from './schemas.ts';
import { readableSbom } from '../../cyber/sbomAccess.ts';

/** SBOMs (issue 22): import (CycloneDX JSON/XML, SPDX JSON, as text), list, inventory and tree, VEX, CycloneDX export. */
const writers = ['analyst' as const, 'administrator' as const];
const WarningSchema = Type.Object({ pointer: Type.String(), message: Type.String() });
const SbomSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.Union([Type.String(), Type.Null()]),
  format: Type.Union([Type.Literal('CycloneDX'), Type.Literal('SPDX')]),
  specVersion: Type.String(),
  serialNumber: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  componentCount: Type.Number(),
  warnings: Type.Array(WarningSchema),
  marking: MarkingSchema,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const ComponentSchema = Type.Object({
  ref: Type.String(),
  name: Type.String(),
  version: Type.Union([Type.String(), Type.Null()]),
  purl: Type.Union([Type.String(), Type.Null()]),
  type: Type.Union([Type.String(), Type.Null()]),
  licences: Type.Array(Type.String()),
  supplier: Type.Union([Type.String(), Type.Null()]),
});

export const cyberSbomRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.services.state;
  app.get(
    '/cyber/sboms',
    {
      config: { marks: 'objects', authz: { kind: 'list', fixture: 'sbom' } },
      schema: {
        tags: ['cyber'],
        summary: 'Stored SBOMs the user may read',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(SbomSummarySchema), total: Type.Number() }) },
      },
    },
    async (request) =>
      listSboms(db(), readerOf(request), {
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
      }),
  );

  app.post(
    '/cyber/sboms',
    {
      config: { marks: 'objects', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary:
          'Import an SBOM (CycloneDX 1.2–1.6 JSON/XML, SPDX 2.2/2.3/3.0 JSON) given as text; errors name the JSON pointer',
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 9_000_000 }),
            name: Type.Optional(Type.String({ maxLength: 200 })),
            organisationId: Type.Optional(Type.String({ maxLength: 64 })),
            marking: Type.Optional(MarkingSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: SbomSummarySchema },
      },
    },
    async (request, reply) => {
      const doc = parseSbomText(request.body.text, 'sbom');
      const { marking } = authorizeMarkingChange(request, {
        requested: request.body.marking,
        fallback: publicMarking,
        what: 'SBOM',
      });
      const saved = await saveSbom(db(), doc, {
        name: request.body.name,
        organisationId: request.body.organisationId ?? null,
        marking,
        userId: request.user.id,
      });
      await app.audit(request, {
        action: 'create',
        objectType: 'sbom',
        objectId: saved.id,
        marking,
        details: { format: `${doc.format} ${doc.specVersion}`, components: doc.components.length },
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/cyber/sboms/:id',
    {
      config: { marks: 'objects', authz: { kind: 'read', fixture: 'sbom', param: 'id' } },
      schema: {
        tags: ['cyber'],
        summary: 'An SBOM with its components (purl, version, licences) and dependency tree',
        params: IdParams,
        response: {
          200: Type.Intersect([
            SbomSummarySchema,
            Type.Object({
              components: Type.Array(ComponentSchema),
              dependencies: Type.Array(
                Type.Object({ ref: Type.String(), dependsOn: Type.Array(Type.String()) }),
              ),
            }),
          ]),
        },
      },
    },
    async (request) => {
      const s = await readableSbom(request, request.params.id);
      if (s.marking.level >= 1)
        await app.audit(request, { action: 'read', objectType: 'sbom', objectId: s.id, marking: s.marking });
      return {
        ...s,
        components: await sbomComponents(db(), s.id),
        dependencies: await sbomDependencies(db(), s.id),
      };
    },
  );

  app.post(
    '/cyber/sboms/:id/vex',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['cyber'],
        summary: 'Attach the VEX statements of a CycloneDX document (text) to the SBOM',
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 9_000_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ added: Type.Number() }) },
      },
    },
    async (request) => {
      const s = await readableSbom(request, request.params.id);
      const doc = parseSbomText(request.body.text, 'vex');
      if (doc.vex.length === 0)
        throw new ChokepointError(
          'bad_file',
          'the document holds no VEX statement (vulnerabilities[].analysis.state)',
          { file: 'vex' },
        );
      const added = await addVex(db(), s.id, doc.vex, 'api');
      await app.audit(request, {
        action: 'update',
        objectType: 'sbom',
        objectId: s.id,
        marking: s.marking,
        details: { vex: added },
      });
      return { added };
    },
  );

  app.get(
    '/cyber/sboms/:id/export',
    {
      config: { marks: 'export', authz: { kind: 'read', fixture: 'sbom', param: 'id' } },
      schema: {
        tags: ['cyber'],
        summary:
          'The SBOM as CycloneDX 1.6 JSON (a file); with ?assessment=ID the ★ assessment attached as an attestation',
        params: IdParams,
        querystring: Type.Object({ assessment: Type.Optional(Type.String({ maxLength: 64 })) }),
      },
    },
    async (request, reply) => {
      const s = await readableSbom(request, request.params.id);
      let assessment: Parameters<typeof cyclonedxWithAttestation>[0]['assessment'];
      let marking = s.marking;
      if (request.query.assessment) {
        const { getAssessment, findFramework } = await import('../../../data/cyber/index.ts');
        const { scoreAssessment } = await import('../../../analysis/cyber/starScore.ts');
        const a = await getAssessment(db(), request.query.assessment);
        if (!a) throw notFound('assessment not found', { field: 'assessment' });
        assertReadable(request, a.marking, 'assessment', { field: 'assessment' });
        const f = await findFramework(db(), a.frameworkId);
        if (!f) throw notFound('catalogue not found', { field: 'assessment' });
        const answers = Object.fromEntries(a.answers.map((x) => [x.requirementId, x]));
        assessment = {
          id: a.id,
          organisationId: a.organisationId,
          framework: f.framework,
          score: scoreAssessment(f.framework, answers),
          answers,
        };
        marking = joinMarkings([marking, a.marking, f.marking]);
      }
      marking = joinMarkings([marking, markingOfReads()]);
      const bom = cyclonedxWithAttestation({
        sbom: s,
        components: await sbomComponents(db(), s.id),
        dependencies: await sbomDependencies(db(), s.id),
        marking,
        assessment,
      });
      await app.audit(request, { action: 'export', objectType: 'sbom', objectId: s.id, marking });
      return reply
        .header(markingHeader, JSON.stringify(marking))
        .header('content-disposition', `attachment; filename="sbom-${s.id}.cdx.json"`)
        .type('application/vnd.cyclonedx+json')
        .send(JSON.stringify(bom, null, 2));
    },
  );
};
