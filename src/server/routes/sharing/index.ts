import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { shareRoutes } from './shares.ts';
import { shareLinkRoutes } from './shareLinks.ts';

/** Sharing analyses (issue 24): shares and their signed links, one plugin per resource. */
export const sharingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [shareRoutes, shareLinkRoutes]) await app.register(plugin);
};
