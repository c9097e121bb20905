import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { cyberFrameworkRoutes } from './frameworks.ts';
import { cyberAssessmentRoutes } from './assessments.ts';
import { cyberInvitationRoutes } from './invitations.ts';
import { cyberSbomRoutes } from './sboms.ts';
import { cyberVulnerabilityRoutes } from './vulnerabilities.ts';

/** The cyber and data security routes (issue 22), one plugin per resource. */
export const cyberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const plugin of [
    cyberFrameworkRoutes,
    cyberAssessmentRoutes,
    cyberInvitationRoutes,
    cyberSbomRoutes,
    cyberVulnerabilityRoutes,
  ])
    await app.register(plugin);
};
