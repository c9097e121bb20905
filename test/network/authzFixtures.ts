import type { FastifyInstance } from 'fastify';
import type { Marking } from '../../src/analysis/marking.ts';
import { ensureOrganisation } from '../../src/data/security/organisations.ts';
import { saveSubmission } from '../../src/data/network/submissionStore.ts';

/**
 * Seeder of supply-structure submissions for the authorization matrix (test/helpers/authzFixtures.ts). The
 * submission belongs to 'partner-co' (a company in the matrix): its own users and the ministry's read it within
 * its marking, which is what the matrix expects of every profile there.
 */
export const networkAuthzFixtures: Record<
  string,
  (app: FastifyInstance, marking: Marking) => Promise<string>
> = {
  networkSubmission: async (app, marking) => {
    const db = app.services.state;
    await ensureOrganisation(db, {
      id: 'partner-co',
      name: 'Test partner-co',
      kind: 'company',
      sharingCap: 2,
    });
    const { submission } = await saveSubmission(db, {
      organisationId: 'partner-co',
      sourceName: 'authz.csv',
      marking,
      submittedBy: 'authz',
      rows: {
        products: [],
        sites: [],
        suppliers: [
          {
            row: 2,
            ref: 'S1',
            tier: 1,
            via: null,
            ownSite: null,
            name: 'Authz Supplier',
            country: 'CHN',
            site: null,
            port: null,
            hs6: '850511',
            share: 1,
            alternatives: null,
            leadTimeDays: null,
            inventoryDays: null,
          },
        ],
      },
    });
    return submission.id;
  },
};
