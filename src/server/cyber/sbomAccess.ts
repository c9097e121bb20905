import type { FastifyRequest } from 'fastify';
import { notFound } from '../../errors.ts';
import { getSbom } from '../../data/cyber/index.ts';
import { assertReadable } from '../security/markings.ts';

/** A stored SBOM the reader may read; a hidden one answers 404 exactly like a missing one (docs/security.md). */
export async function readableSbom(request: FastifyRequest, id: string) {
  const s = await getSbom(request.server.services.state, id);
  if (!s) throw notFound('SBOM not found', { field: 'id' });
  assertReadable(request, s.marking, 'SBOM', { field: 'id' });
  return s;
}
