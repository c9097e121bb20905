import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChokepointError } from '../errors.ts';
import { validationError, type AjvIssue } from './validationError.ts';
import { packageRoot } from '../packageRoot.ts';
import { DataDir, Catalog } from '../data/catalog/index.ts';
import { openAnalytics, type AnalyticsStore } from '../data/analytics/index.ts';
import { openStateDb, type StateDb } from '../data/state/index.ts';
import { routePlugins } from './routes/index.ts';
import { security } from './security/plugin.ts';
import { markingEnforcement } from './security/enforcement.ts';
import { securityHeaders } from './security/headers.ts';
import { openApiSecurity } from './security/openapi.ts';
import { settleRunningWork } from './jobs/runner.ts';

export interface AppOptions {
  dataDir: string;
  /** postgres://…; PGlite in the data directory when absent. */
  databaseUrl?: string;
  /** Use an already-open state database (tests). */
  state?: StateDb;
  /** Serve the built web app from this folder (default dist/web when it exists). */
  webDir?: string | false;
  logger?: boolean;
  /** Largest request body accepted, bytes. */
  bodyLimit?: number;
  /** The analytics engine (clickhouse://…); embedded DuckDB when absent (config.ts resolveAnalyticsUrl). */
  analyticsUrl?: string;
}

/** Services every route plugin may use, decorated on the instance as `app.services`. */
export interface Services {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
  state: StateDb;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export type App = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] }
      : false,
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const dataDir = new DataDir(options.dataDir).ensure();
  const state =
    options.state ??
    (await openStateDb({
      databaseUrl: options.databaseUrl,
      dataDir: dataDir.stateDir,
      holder: { kind: 'server' },
    }));
  const analytics = await openAnalytics(options.analyticsUrl, {
    tempDirectory: path.join(dataDir.tmpDir, 'duckdb'),
  });
  app.decorate('services', { dataDir, catalog: new Catalog(dataDir), analytics, state });
  app.addHook('onClose', async () => {
    await analytics.close();
    if (!options.state) await state.close();
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ChokepointError) {
      return reply.status(error.httpStatus).send({ error: error.toJSON() });
    }
    const e = error as { validation?: AjvIssue[]; statusCode?: number; code?: string; message: string };
    if (e.validation) {
      return reply.status(400).send({ error: validationError(e.message, e.validation).toJSON() });
    }
    if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'too_large', message: 'request body too large', place: {} } });
    }
    if (e.statusCode && e.statusCode < 500) {
      return reply.status(e.statusCode).send({ error: { code: 'bad_input', message: e.message, place: {} } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error', place: {} } });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'chokepoint API',
        version: '0.1.0',
        description:
          'Economic-security analysis: supply-chain dependence, chokepoints, scenarios, early warning.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'chokepoint_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: openApiSecurity,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Security headers on every response, authentication, CSRF and role checks before every route plugin
  // (docs/security.md).
  await app.register(securityHeaders);
  // WebSocket upgrades pass through the same hooks as requests (the live exercise session: routes/exercises/live.ts).
  // Registered before the security hooks: its own hook marks an upgrade first, so that the socket of an upgrade
  // refused by them (401, 403) is destroyed after the error is written, not left open.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(security);
  // After authentication: every /api response passes the one marking check (docs/security.md § Enforcement).
  await app.register(markingEnforcement);
  for (const plugin of routePlugins) await app.register(plugin, { prefix: '/api' });
  // Added last so it runs first (onClose hooks run in reverse): jobs and scenario runs still running write
  // their outcome before any route, cache or store closes.
  app.addHook('onClose', settleRunningWork);

  const webDir =
    options.webDir === false ? undefined : (options.webDir ?? path.join(packageRoot(), 'dist', 'web'));
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false });
    // Client-side routes fall back to index.html; unknown API paths stay JSON 404s.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'not_found', message: 'not found', place: {} } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ error: { code: 'not_found', message: 'not found', place: {} } }),
    );
  }
  return app;
}
