import type { SwaggerTransform } from '@fastify/swagger';

/**
 * Publishes each route's security in /openapi.json: public routes get `security: []`, and every route's
 * authorization-matrix declaration (config.authz, config.roles) appears as `x-chokepoint-authz`, so the matrix
 * test is generated from the document itself.
 */
export const openApiSecurity: SwaggerTransform = ({ schema, url, route }) => {
  const config = (route.config ?? {}) as { public?: boolean; roles?: string[]; authz?: unknown };
  const extra: Record<string, unknown> = {
    'x-chokepoint-authz': {
      public: Boolean(config.public),
      roles: config.roles ?? null,
      ...(config.authz ?? {}),
    },
  };
  if (config.public) extra.security = [];
  return { schema: { ...(schema ?? {}), ...extra } as typeof schema, url };
};
