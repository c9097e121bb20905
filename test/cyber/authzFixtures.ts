import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Marking } from '../../src/analysis/marking.ts';
import { parseSbomText } from '../../src/data/cyber/sbomFile.ts';
import { saveSbom } from '../../src/data/cyber/sbomStore.ts';
import { saveFramework } from '../../src/data/cyber/frameworkStore.ts';
import { createAssessment } from '../../src/data/cyber/assessmentStore.ts';
import { createInvitation } from '../../src/data/cyber/invitationStore.ts';
import { ensureOrganisation } from '../../src/data/security/organisations.ts';

/** Seeders of the cyber objects for the authorization matrix (test/helpers/authzFixtures.ts). */
const bom =
  '{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "lodash", "version": "4.17.20", "purl": "pkg:npm/lodash@4.17.20"}]}';
const org = async (app: FastifyInstance) => {
  await ensureOrganisation(app.services.state, {
    id: 'authz-supplier',
    name: 'authz supplier',
    kind: 'company',
    sharingCap: 3,
  });
  return 'authz-supplier';
};

export const cyberAuthzFixtures: Record<string, (app: FastifyInstance, marking: Marking) => Promise<string>> =
  {
    sbom: async (app, marking) =>
      (await saveSbom(app.services.state, parseSbomText(bom, 'authz.json'), { marking })).id,
    cyberFramework: async (app, marking) => {
      const id = `authz-${randomUUID().slice(0, 8)}`;
      await saveFramework(
        app.services.state,
        {
          id,
          title: { en: id },
          version: '1',
          publisher: 'tests',
          sources: [],
          levels: [{ id: 'l', rank: 1, name: { en: 'l' } }],
          categories: [{ id: 'c', name: { en: 'c' } }],
          requirements: [
            { id: 'R1', category: 'c', level: 'l', text: { en: 'r' }, measures: [], source: 'tests' },
          ],
          missing: [],
        },
        marking,
        null,
      );
      return id;
    },
    cyberAssessment: async (app, marking) =>
      (
        await createAssessment(app.services.state, {
          frameworkId: 'meti-scs-2025',
          organisationId: await org(app),
          title: 'authz',
          marking,
          userId: null,
        })
      ).id,
    cyberInvitation: async (app, marking) =>
      (
        await createInvitation(app.services.state, {
          buyerOrganisationId: await org(app),
          supplierOrganisationId: await org(app),
          frameworkId: 'meti-scs-2025',
          requiredLevel: '★3',
          message: null,
          marking,
          createdBy: null,
        })
      ).id,
  };
