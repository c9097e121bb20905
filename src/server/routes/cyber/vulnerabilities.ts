import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { joinMarkings } from '../../../analysis/marking.ts';
import { ChokepointError } from '../../../errors.ts';
import {
  componentsHitByCve,
  loadOsvIndex,
  osvDatasetId,
  sbomVulnerabilities,
} from '../../../data/cyber/index.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { markingOfReads } from '../../../data/security/index.ts';
import { IdParams } from './schemas.ts';
import { readableSbom } from '../../cyber/sbomAccess.ts';

/** Vulnerabilities of an SBOM (OSV ranges per ecosystem, KEV, VEX) and the stored components a KEV CVE hits. */
const VulnerabilitySchema = Type.Object({
  component: Type.String(),
  purl: Type.String(),
  version: Type.String(),
  vulnId: Type.String(),
  aliases: Type.Array(Type.String()),
  summary: Type.String(),
  severity: Type.Union([Type.String(), Type.Null()]),
  kev: Type.Boolean(),
  kevDateAdded: Type.Union([Type.String(), Type.Null()]),
  knownRansomwareCampaignUse: Type.Union([Type.String(), Type.Null()]),
  fixedIn: Type.Array(Type.String()),
  ecosystem: Type.String(),
  suppressed: Type.Boolean(),
  vex: Type.Union([
    Type.Object({
      vulnId: Type.String(),
      ref: Type.Union([Type.String(), Type.Null()]),
      purl: Type.Union([Type.String(), Type.Null()]),
      status: Type.String(),
      justification: Type.Union([Type.String(), Type.Null()]),
      detail: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

export const cyberVulnerabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cyber/sboms/:id/vulnerabilities',
    {
      config: {
        marks: 'result',
        authz: {
          kind: 'none',
          reason: 'needs an imported OSV database; hidden SBOMs answer 404 in test/cyber/api.test.ts',
        },
      },
      schema: {
        tags: ['cyber'],
        summary:
          'Known vulnerabilities of the SBOM’s components (imported OSV database, KEV flags, VEX applied)',
        params: IdParams,
        response: {
          200: Type.Object({
            sbom: Type.String(),
            vulnerabilities: Type.Array(VulnerabilitySchema),
            withdrawn: Type.Array(
              Type.Object({ component: Type.String(), vulnId: Type.String(), withdrawn: Type.String() }),
            ),
            unchecked: Type.Array(
              Type.Object({ ref: Type.String(), component: Type.String(), reason: Type.String() }),
            ),
            unevaluated: Type.Number(),
            componentsChecked: Type.Number(),
            osv: Type.Object({ dataset: Type.String(), version: Type.String(), records: Type.Number() }),
            kev: Type.Union([Type.Object({ dataset: Type.String(), version: Type.String() }), Type.Null()]),
            marking: MarkingSchema,
          }),
        },
      },
    },
    async (request) => {
      const s = await readableSbom(request, request.params.id);
      const r = await sbomVulnerabilities({
        db: app.services.state,
        dataDir: app.services.dataDir,
        catalog: app.services.catalog,
        sbomId: s.id,
      });
      return {
        ...r,
        sbom: s.id,
        unevaluated: r.unevaluated.length,
        marking: joinMarkings([s.marking, markingOfReads()]),
      };
    },
  );

  app.get(
    '/cyber/kev-hits',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'none', reason: 'needs an imported OSV database naming the CVE' },
      },
      schema: {
        tags: ['cyber'],
        summary:
          'Stored SBOM components (and their suppliers) a KEV CVE hits, through OSV aliases — for early-warning alerts',
        querystring: Type.Object({ cve: Type.String({ pattern: '^CVE-\\d{4}-\\d{4,}$' }) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                cve: Type.String(),
                vulnId: Type.String(),
                sbomId: Type.String(),
                sbomName: Type.String(),
                organisationId: Type.Union([Type.String(), Type.Null()]),
                component: Type.String(),
                purl: Type.String(),
                version: Type.String(),
                fixedIn: Type.Array(Type.String()),
                marking: MarkingSchema,
              }),
            ),
            total: Type.Number(),
          }),
        },
      },
    },
    async (request) => {
      const entry = app.services.catalog.find(osvDatasetId);
      if (!entry) throw new ChokepointError('no_data', 'no OSV database is imported', { field: 'osv' });
      const index = await loadOsvIndex(app.services.dataDir, entry);
      const items = await componentsHitByCve(app.services.state, index, request.query.cve, readerOf(request));
      return { items, total: items.length };
    },
  );
};
