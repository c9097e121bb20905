import type { FastifyInstance } from 'fastify';
import type { Marking } from '../../src/analysis/marking.ts';
import { openInvestmentCase } from '../../src/data/investment/caseStore.ts';
import { assessFdi } from '../../src/analysis/investment/feftaAssessment.ts';
import { loadFeftaRules } from '../../src/data/investment/feftaRuleFile.ts';

/** Seeder of investment cases for the authorization matrix (test/helpers/authzFixtures.ts). */
const caseInput = {
  investor: { name: 'Authz Holdings Inc.', country: 'USA', kind: 'company' as const },
  target: { name: 'Authz Telecom KK', listed: true, jsic: ['3711'] },
  action: { type: 'acquisition' as const, holdingAfter: 0.12 },
  acceptedOn: '2026-12-01',
};

export const investmentAuthzFixtures: Record<
  string,
  (app: FastifyInstance, marking: Marking) => Promise<string>
> = {
  investmentCase: async (app, marking) =>
    (
      await openInvestmentCase(
        app.services.state,
        {
          caseInput,
          assessment: { ...assessFdi(loadFeftaRules(), caseInput), rules: 'authz', ownership: null },
          marking,
          belowDefaultReason: 'authorization-matrix fixture',
        },
        { id: null, name: 'authz' },
      )
    ).id,
};
