import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exerciseResourceRoutes } from './exercises.ts';
import { sessionRoutes } from './sessions.ts';
import { liveRoutes } from './live.ts';
import { outcomeRoutes } from './outcomes.ts';
import { reportRoutes } from './reports.ts';
import { generatedInjectRoutes } from './generatedInjects.ts';
import { SessionHub } from '../../exercises/sessionHub.ts';

/**
 * Tabletop exercises (PRODUCT.md §3.5; docs/exercises.md): one plugin per resource — exercises (templates,
 * designs, participants), injects generated from a scenario run, sessions (HTTP), the live session (WebSocket), outcomes with decisions applied, and the
 * after-action report with its signed links. The sessions and the live socket share one hub per server.
 */
export const exerciseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hub = new SessionHub(app);
  await app.register(exerciseResourceRoutes(hub));
  await app.register(sessionRoutes(hub));
  await app.register(liveRoutes(hub));
  await app.register(outcomeRoutes);
  await app.register(reportRoutes);
  await app.register(generatedInjectRoutes);
};
