import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { failInterruptedRuns } from '../../../data/scenario/index.ts';
import { savedScenarioRoutes } from './scenarios.ts';
import { scenarioRunRoutes } from './runs.ts';
import { scenarioComparisonRoutes } from './comparison.ts';

/**
 * Scenarios (PRODUCT.md §3.4): saved scenarios and starting their runs, the runs and their results, and the
 * comparison of finished runs; one plugin per resource.
 */
export const scenarioRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Jobs run inside the server process: runs a previous process left unfinished can never finish.
  await failInterruptedRuns(app.services.state);
  await app.register(savedScenarioRoutes);
  await app.register(scenarioRunRoutes);
  await app.register(scenarioComparisonRoutes);
};
