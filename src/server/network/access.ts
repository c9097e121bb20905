import type { FastifyRequest } from 'fastify';
import { getOrganisation } from '../../data/security/index.ts';
import type { NetworkAccess } from '../../data/network/index.ts';
import { currentUser } from '../security/access.ts';

/**
 * Who is "the ministry" for supply-structure submissions (docs/network.md § Confidentiality): a user of an
 * organisation of kind 'ministry' (organisations.kind, docs/security.md § Organisations). Roles govern actions,
 * not reads, so any role of a ministry organisation reads submissions within its clearance; a company's users read
 * their own organisation's submissions; everyone else sees aggregates of ≥ 3 companies.
 */
export async function networkAccessOf(request: FastifyRequest): Promise<NetworkAccess> {
  const user = currentUser(request);
  const org = await getOrganisation(request.server.services.state, user.organisationId);
  return { organisationId: org.id, ministry: org.kind === 'ministry' };
}
