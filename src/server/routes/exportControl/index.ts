import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportControlScreeningRoutes } from './screenings.ts';
import { exportControlDecisionRoutes } from './decisions.ts';
import { exportControlCaseRoutes } from './cases.ts';
import { exportControlCheckRoutes } from './checks.ts';
import { exportControlInformRoutes } from './informs.ts';
import { exportControlCircumventionRoutes } from './circumvention.ts';
import { exportControlProductListRoutes } from './productLists.ts';
import { exportControlListRoutes } from './lists.ts';
import { exportControlPriorReportRoutes } from './priorReports.ts';

/** The export-control and technology-management routes (issue 20), one plugin per resource. */
export const exportControlRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [
    exportControlListRoutes,
    exportControlScreeningRoutes,
    exportControlDecisionRoutes,
    exportControlCaseRoutes,
    exportControlCheckRoutes,
    exportControlInformRoutes,
    exportControlCircumventionRoutes,
    exportControlProductListRoutes,
    exportControlPriorReportRoutes,
  ])
    await app.register(plugin);
};
