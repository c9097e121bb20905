import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChokepointError } from '../../../errors.ts';
import { MarkingSchema, readerOf } from '../../security/markings.ts';
import { currentUser } from '../../security/access.ts';
import { RuleSetSchema } from '../../ruleSetSchema.ts';
import { publicMarking } from '../../../analysis/marking.ts';
import { alertLevels } from '../../../analysis/ews/levels.ts';
import { indicatorLabels, indicatorNames } from '../../../analysis/ews/indicators.ts';
import { defaultRuleSet, validateRuleSet } from '../../../analysis/ews/rules.ts';
import { ruleSetMarking, saveRuleSet, storedRuleSets } from '../../../data/ews/index.ts';
import { authorizeMarkingChange } from '../../security/markingChanges.ts';
import { IdParams, Label, writers } from './schemas.ts';

/**
 * /api/ews/rule-sets — the rules that turn a monthly series into alerts: the documented default and the ones
 * users saved (validated; thresholds and parameters as in docs/ews.md), with the indicators and levels they use.
 */
export const ruleSetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const state = () => app.services.state;

  app.get(
    '/ews/rule-sets',
    {
      config: {
        marks: 'objects',
        authz: { kind: 'none', reason: 'rule sets filtered by marking in memory' },
      },
      schema: {
        tags: ['early warning'],
        summary: 'Rule sets: the documented default and stored ones',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Type.String(), body: RuleSetSchema, marking: MarkingSchema }),
            ),
            indicators: Type.Array(Type.String()),
            indicatorLabels: Type.Record(
              Type.String(),
              Type.Object({ ja: Type.String(), en: Type.String(), unit: Type.String() }),
            ),
            levels: Type.Record(Type.String(), Label),
          }),
        },
      },
    },
    async (request) => {
      return {
        items: [
          { id: 'default', body: defaultRuleSet, marking: publicMarking },
          ...(await storedRuleSets(state(), readerOf(request))),
        ],
        indicators: [...indicatorNames],
        indicatorLabels,
        levels: alertLevels,
      };
    },
  );

  app.put(
    '/ews/rule-sets/:id',
    {
      config: { marks: 'none', roles: writers, authz: { kind: 'action' } },
      schema: {
        tags: ['early warning'],
        summary: 'Save a rule set (validated; thresholds and parameters as in docs/ews.md)',
        params: IdParams,
        body: Type.Object({
          body: Type.Any(),
          marking: Type.Optional(MarkingSchema),
          reason: Type.Optional(
            Type.String({ maxLength: 1000, description: 'why, when lowering the marking' }),
          ),
        }),
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { id } = request.params;
      if (id === 'default')
        throw new ChokepointError(
          'conflict',
          'the default rule set is shipped with chokepoint; save yours under another id',
          { field: 'id' },
        );
      const { body, reason } = request.body;
      // Issue 18: replacing a rule set needs read access to it, and lowering its marking `declassify` and a reason.
      const { marking, lowered } = authorizeMarkingChange(request, {
        existing: await ruleSetMarking(state(), id),
        requested: request.body.marking,
        fallback: publicMarking,
        reason,
        what: 'rule set',
      });
      const ruleSet = validateRuleSet({ ...(body as object), id });
      await saveRuleSet(state(), ruleSet, marking, user.id);
      await app.audit(request, {
        action: lowered ? 'declassify' : 'save',
        objectType: 'ews-rule-set',
        objectId: id,
        marking,
        ...(lowered ? { details: { reason } } : {}),
      });
      return { id };
    },
  );
};
