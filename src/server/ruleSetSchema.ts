import { Type, type Static } from 'typebox';
import { indicatorNames } from '../analysis/ews/indicators.ts';
import type { RuleSet } from '../analysis/ews/rules.ts';
import type { SameType } from './sameType.ts';

/**
 * Response schema of an early-warning rule set as `validateRuleSet` returns it (src/analysis/ews/rules.ts; the
 * parameters and thresholds are explained in docs/ews.md). Requests take the body as it comes and the validator
 * names the place of a mistake; responses send the validated form.
 */
const Label = Type.Object({ ja: Type.String(), en: Type.String() });

export const RuleSetSchema = Type.Object(
  {
    id: Type.String(),
    label: Label,
    parameters: Type.Object({
      seasonal: Type.Object({
        years: Type.Number({ description: 'years of same-month history in the seasonal index (K)' }),
        scaleWindow: Type.Number({ description: 'residuals in the scale window (W)' }),
        minResiduals: Type.Number({ description: 'residuals needed before a z is given' }),
        minScale: Type.Number({ description: 'smallest scale, log units (0.1 ≈ ±10 %)' }),
        offset: Type.Number({ description: 'offset as a share of the trailing-year level' }),
      }),
      unitValueWindow: Type.Number(),
      eventWindow: Type.Object({ beforeAnnouncement: Type.Number(), afterEffective: Type.Number() }),
      minPartnerShare: Type.Number({
        description: 'partner series below this baseline share of the group are not alerted on',
      }),
    }),
    rules: Type.Array(
      Type.Object({
        id: Type.String(),
        label: Label,
        level: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]),
        when: Type.Array(
          Type.Object({
            indicator: Type.Enum(indicatorNames),
            op: Type.Union([Type.Literal('>='), Type.Literal('<='), Type.Literal('>'), Type.Literal('<')]),
            threshold: Type.Number(),
          }),
        ),
        rationale: Type.Optional(Type.String()),
      }),
    ),
  },
  { title: 'RuleSet' },
);

const ruleSetMatches: SameType<Static<typeof RuleSetSchema>, RuleSet> = true;
void ruleSetMatches;
