import type { FastifyRequest } from 'fastify';
import {
  updateCriticalGood,
  type CriticalHsCode,
  type RegisteredCriticalGood,
} from '../../data/reference/index.ts';
import type { Role } from '../../data/security/index.ts';
import { requireRole } from '../security/access.ts';

/**
 * The one write path of the critical goods registry (特定重要物資): the role check, the change and its audit entry.
 * The registry's own PUT route and a dialogue finding applying its proposed update (issue 24) both go through it.
 */
export const criticalGoodWriters: Role[] = ['administrator', 'analyst'];

export async function writeCriticalGood(
  request: FastifyRequest,
  id: string,
  change: { hs?: CriticalHsCode[]; note?: string; ja?: string; en?: string },
  because?: Record<string, unknown>,
): Promise<RegisteredCriticalGood> {
  requireRole(request, ...criticalGoodWriters);
  const good = await updateCriticalGood(request.server.services.state, id, change, request.user.username);
  await request.server.audit(request, {
    action: 'update',
    objectType: 'critical-good',
    objectId: id,
    marking: good.marking,
    details: { hs: good.hs.map((c) => c.hs6), ...(because ?? {}) },
  });
  return good;
}
