import type { ScenarioDefinition } from './definition.ts';
import type { Concordance } from './concordance.ts';
import type { PreparedTable } from './propagation.ts';

/** The modelling assumptions a scenario result states, in the order of the steps (run.ts). */
export function scenarioAssumptions(
  definition: ScenarioDefinition,
  io: { prepared: PreparedTable; concordance: Concordance } | undefined,
): string[] {
  return [
    'Annual base-year flows are spread evenly over the months.',
    'A shock cuts its share of the flow while it lasts; the disrupted supply returns linearly over the ramp-up time.',
    'Substitutes can divert up to the substitution share of their exports to third countries, ramping up linearly from the first shock; under a cut to all importers, the reporter gets substitutes in proportion to its share of the lost supply.',
    'The national stockpile (days of the product’s annual imports) covers the shortfall left after substitution; TTS and TTR are months from the scenario start.',
    ...(io
      ? [
          `Unmet imports are converted at ${definition.propagation.exchangeRate} ${io.prepared.table.unit.replace('million ', '')} per USD and mapped to sectors by concordance ${io.concordance.id}; base-year prices of the table are not adjusted.`,
          'Static models: fixed proportions (a sector loses the largest shortage share among its inputs), Leontief backward and Ghosh forward (value-based) propagation, inoperability (Santos & Haimes 2004).',
          'ARIO: industry inventories of each input in days of use, proportional rationing, overproduction up to 25 % (Hallegatte 2008).',
        ]
      : ['No input-output table was available: economy-wide propagation was skipped.']),
  ];
}
