import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ewsIntervalSeconds, smtpRelay } from '../../../config.ts';
import { EwsScheduler, scanItem } from '../../../data/ews/index.ts';
import { alertRoutes } from './alerts.ts';
import { itemRoutes } from './items.ts';
import { ruleSetRoutes } from './ruleSets.ts';
import { eventRoutes } from './events.ts';
import { backtestRoutes } from './backtest.ts';
import { importRoutes } from './imports.ts';
import { itemChangeRoutes } from './itemChanges.ts';
import { scanRoutes } from './scans.ts';

/**
 * /api/ews — early warning (早期警戒): alert inbox and lifecycle, monitored items with their series and
 * thresholds, rule sets, recorded events, backtests; one plugin per resource. Alerts and items carry markings;
 * lists and counts only include what the reader may see (docs/security.md). While the server runs, the scheduler
 * scans due items every CHOKEPOINT_EWS_INTERVAL_SECONDS (default 900; 0 = off) and notifies.
 */
export const ewsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const interval = ewsIntervalSeconds();
  if (interval > 0) {
    const scheduler = new EwsScheduler({
      state: app.services.state,
      scan: (item) => scanItem(app.services, item),
      notify: { smtp: smtpRelay() },
      onError: (item, error) => app.log.warn({ item: item.id, err: error }, 'EWS scan failed'),
    });
    scheduler.start(interval * 1000);
    app.addHook('onClose', async () => scheduler.stop());
  }
  await app.register(alertRoutes);
  await app.register(itemRoutes);
  await app.register(ruleSetRoutes);
  await app.register(eventRoutes);
  await app.register(backtestRoutes);
  await app.register(importRoutes);
  await app.register(itemChangeRoutes);
  await app.register(scanRoutes);
};
