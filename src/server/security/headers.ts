import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { behindTls } from './plugin.ts';

/**
 * Security headers on every response: the web app, the API, static files, errors and 404s (docs/security.md,
 * "Response headers").
 *
 * The policy fits the built web app (Vite, React, ECharts on canvas): scripts, style sheets, fonts and API calls
 * only from this origin, nothing inline but style attributes (ECharts writes its tooltip markup with style
 * attributes; React's `style` props are not attributes but are allowed with them), images also as data:/blob:
 * URLs (ECharts' "save as image"). `style-src` repeats 'unsafe-inline' only for browsers that do not know
 * `style-src-elem` / `style-src-attr`; browsers that do use those and refuse inline <style> elements.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const fixedHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  // frame-ancestors for browsers that predate it.
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // No page of the app needs to tell another site (or itself) where the user came from.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** One year, as browsers and the HSTS preload list expect. Sent only over TLS: browsers ignore it on plain HTTP. */
export const strictTransportSecurity = 'max-age=31536000';

async function securityHeadersPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(fixedHeaders);
    if (behindTls(request)) reply.header('strict-transport-security', strictTransportSecurity);
    // Every API answer is for one user's clearance and may carry marked content (lists, errors naming objects,
    // exports): never kept by the browser, its back/forward cache or a proxy. The server caches what is costly.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

export const securityHeaders = fp(securityHeadersPlugin, { name: 'chokepoint-security-headers' });
