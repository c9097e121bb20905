import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Marking } from '../../src/analysis/marking.ts';
import { openCase } from '../../src/data/exportControl/caseStore.ts';
import { recordInform } from '../../src/data/exportControl/informStore.ts';
import { setProductList } from '../../src/data/exportControl/productLists.ts';

/** Seeders of the export-control objects for the authorization matrix (test/helpers/authzFixtures.ts). */
const actor = { id: null, name: 'authz' };
// A marking below level 1 is a declassification the stores accept only with a reason.
const choice = (marking: Marking) => ({ marking, belowDefaultReason: 'authorization-matrix fixture' });

export const exportControlAuthzFixtures: Record<
  string,
  (app: FastifyInstance, marking: Marking) => Promise<string>
> = {
  exportControlCase: async (app, marking) =>
    (
      await openCase(
        app.services.state,
        { kind: 'party-screening', title: 'authz', subject: {}, result: {}, ...choice(marking) },
        actor,
      )
    ).id,
  exportControlInform: async (app, marking) =>
    (
      await recordInform(
        app.services.state,
        {
          reference: `authz-${randomUUID().slice(0, 8)}`,
          kind: 'wmd',
          issuedOn: '2026-01-10',
          ...choice(marking),
        },
        actor,
      )
    ).id,
  exportControlProductList: async (app, marking) =>
    (
      await setProductList(
        app.services.state,
        {
          id: `authz-${randomUUID().slice(0, 8)}`,
          title: { ja: '認可', en: 'authz' },
          products: [{ hs6: '854231', note: '' }],
          marking,
        },
        actor,
      )
    ).id,
};
