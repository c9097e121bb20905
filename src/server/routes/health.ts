import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { marks: 'none', public: true, authz: { kind: 'none', reason: 'public liveness check' } },
      schema: {
        tags: ['system'],
        summary: 'Liveness and which stores are in use',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), state: Type.String(), analytics: Type.String() }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      state: app.services.state.kind,
      analytics: app.services.analytics.engine,
    }),
  );
};
