import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { healthRoutes } from './health.ts';
import { groupRoutes } from './groups.ts';
import { countryRoutes } from './countries.ts';
import { datasetRoutes } from './datasets.ts';
import { countrySupplyRoutes, productRoutes, screenRoutes } from './screens/index.ts';
import { criticalGoodRoutes } from './criticalGoods.ts';
import { maritimeRoutes } from './maritime/index.ts';
import { scenarioRoutes } from './scenarios/index.ts';
import { ioRoutes } from './io.ts';
import { authRoutes } from './auth.ts';
import { userRoutes } from './users.ts';
import { organisationRoutes } from './organisations.ts';
import { apiTokenRoutes } from './apiTokens.ts';
import { auditRoutes } from './auditLog.ts';
import { datasetMarkingRoutes } from './datasetMarkings.ts';
import { consultationRoutes } from './consultation.ts';
import { techRoutes } from './tech.ts';
import { policyRoutes, zoneRoutes } from './zones/index.ts';
import { ewsRoutes } from './ews/index.ts';
import { jobRoutes } from './jobs.ts';
import { datasetManifestRoutes } from './datasetManifests.ts';
import { hsChapterRoutes } from './hsChapters.ts';
import { cyberRoutes } from './cyber/index.ts';
import { exerciseRoutes } from './exercises/index.ts';
import { identificationRoutes } from './identification/index.ts';
import { exportControlRoutes } from './exportControl/index.ts';
import { investmentRoutes } from './investment/index.ts';
import { networkRoutes } from './network/index.ts';
import { sharingRoutes } from './sharing/index.ts';
import { dialogueRoutes } from './dialogue/index.ts';

/**
 * Every route plugin, registered under /api in this order (the order of /openapi.json's paths). One plugin per
 * resource; a folder (ews/, maritime/, scenarios/, cyber/) registers its resources' plugins itself.
 */
export const routePlugins: FastifyPluginAsyncTypebox[] = [
  healthRoutes,
  groupRoutes,
  countryRoutes,
  authRoutes,
  datasetRoutes,
  userRoutes,
  organisationRoutes,
  apiTokenRoutes,
  auditRoutes,
  datasetMarkingRoutes,
  consultationRoutes,
  scenarioRoutes,
  ioRoutes,
  maritimeRoutes,
  screenRoutes,
  productRoutes,
  criticalGoodRoutes,
  ewsRoutes,
  techRoutes,
  zoneRoutes,
  policyRoutes,
  jobRoutes,
  countrySupplyRoutes,
  datasetManifestRoutes,
  hsChapterRoutes,
  cyberRoutes,
  exerciseRoutes,
  identificationRoutes,
  exportControlRoutes,
  investmentRoutes,
  networkRoutes,
  sharingRoutes,
  dialogueRoutes,
];
