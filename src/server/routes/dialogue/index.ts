import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dialogueRecordRoutes } from './records.ts';
import { dialogueFollowUpRoutes } from './followUps.ts';
import { dialogueFindingRoutes } from './findings.ts';

/** Public-private dialogue records (官民対話; issue 24), one plugin per resource. */
export const dialogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [dialogueRecordRoutes, dialogueFollowUpRoutes, dialogueFindingRoutes])
    await app.register(plugin);
};
