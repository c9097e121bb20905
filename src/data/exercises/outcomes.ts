import YAML from 'yaml';
import type { CountryGroup } from '../reference/groups.ts';
import { parseScenarioText } from '../scenario/scenarioFile.ts';
import { ChokepointError } from '../../errors.ts';
import { adjustScenario, type Adjustment } from '../../analysis/exercises/adjustments.ts';
import type { Decision } from '../../analysis/exercises/decision.ts';
import type { Bilingual } from '../../analysis/exercises/exercise.ts';
import type { ScenarioDefinition } from '../../analysis/scenario/definition.ts';

/**
 * The exercise's scenario with the decisions of a session applied (analysis/exercises/adjustments.ts), as a new
 * scenario file: named after the original with "decisions applied", run like any scenario and compared with the
 * original run side by side (analysis/scenario/compare.ts).
 */
export function scenarioWithDecisions(
  baseText: string,
  decisions: readonly Decision[],
  groups?: readonly CountryGroup[],
): { text: string; definition: ScenarioDefinition; adjustments: Adjustment[]; notes: Bilingual[] } {
  const adjustments = decisions.flatMap((d) => (d.adjustment ? [d.adjustment] : []));
  if (!adjustments.length)
    throw new ChokepointError(
      'bad_input',
      'no decision of this session changes the scenario (none names a stockpile release, substitution, demand restraint or rerouting)',
      { field: 'sessionId' },
    );
  const base = parseScenarioText(baseText, undefined, groups);
  const raw = YAML.parse(baseText) as Record<string, unknown>;
  const { raw: adjusted, notes } = adjustScenario(raw, base, adjustments);
  adjusted.name = `${base.name} — decisions applied`;
  adjusted.nameJa = `${base.nameJa ?? base.name}(意思決定を反映)`;
  const text = `# The exercise scenario with the decisions taken applied\n${YAML.stringify(adjusted)}`;
  return { text, definition: parseScenarioText(text, undefined, groups), adjustments, notes };
}
