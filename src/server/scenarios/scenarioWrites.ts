import type { FastifyRequest } from 'fastify';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { createScenario, parseScenarioText, type ScenarioSummary } from '../../data/scenario/index.ts';
import { listGroups } from '../../data/reference/index.ts';
import { requireRole } from '../security/access.ts';
import { authorizeMarkingChange } from '../security/markingChanges.ts';
import { audited } from './scenarioAccess.ts';

/**
 * The one path that saves a new scenario: the role check, the marking rule (nobody marks above their own clearance
 * or with a compartment they do not hold; issue 18), validation of the text, the store and the audit entry. The
 * scenario route and a dialogue finding opening a scenario draft (issue 24) both go through it.
 */
export const scenarioWriters = ['analyst' as const, 'administrator' as const];

export async function saveNewScenario(
  request: FastifyRequest,
  input: { text: string; marking?: Marking; details?: Record<string, unknown> },
): Promise<ScenarioSummary> {
  requireRole(request, ...scenarioWriters);
  const { marking } = authorizeMarkingChange(request, {
    requested: input.marking,
    fallback: publicMarking,
    what: 'scenario',
  });
  const definition = parseScenarioText(
    input.text,
    undefined,
    await listGroups(request.server.services.state),
  );
  const saved = await createScenario(request.server.services.state, {
    definition,
    text: input.text,
    marking,
    userId: request.user.id,
  });
  await audited(request, 'create', 'scenario', saved.id, marking, input.details);
  return saved;
}
