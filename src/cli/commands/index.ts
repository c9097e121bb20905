import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerData } from './data.ts';
import { registerServe } from './serve.ts';
import { registerScenario } from './scenario.ts';
import { registerIo } from './io.ts';
import { registerScreen } from './screen.ts';
import { registerProduct } from './product.ts';
import { registerCritical } from './critical.ts';
import { registerRegistry } from './registry.ts';
import { registerIdentify } from './identify.ts';
import { registerMinerals } from './minerals.ts';
import { registerTech } from './tech.ts';
import { registerZones } from './zones.ts';
import { registerPolicy } from './policy.ts';
import { registerDossier } from './dossier.ts';
import { registerMaritime } from './maritime.ts';
import { registerGroups } from './groups.ts';
import { registerEws } from './ews.ts';
import { registerUsers } from './users.ts';
import { registerOrgs } from './orgs.ts';
import { registerAudit } from './audit.ts';
import { registerLists } from './lists.ts';
import { registerScreenParty } from './screenParty.ts';
import { registerExportCheck } from './exportCheck.ts';
import { registerSbom } from './sbom.ts';
import { registerOsv } from './osv.ts';
import { registerKev } from './kev.ts';
import { registerCyber } from './cyber.ts';
import { registerExercise } from './exercise.ts';
import { registerInforms } from './informs.ts';
import { registerCases } from './cases.ts';
import { registerCircumvention } from './circumvention.ts';
import { registerOwnership } from './ownership.ts';
import { registerFdi } from './fdi.ts';
import { registerNetwork } from './network.ts';
import { registerDialogue } from './dialogue.ts';

/** A command module adds its subcommands to the program; `context(cmd)` gives it the stores and output. */
export type RegisterCommand = (program: Command, context: (cmd: Command) => CliContext) => void;

export const commands: RegisterCommand[] = [
  registerData,
  registerServe,
  registerScreen,
  registerProduct,
  registerCritical,
  registerRegistry,
  registerIdentify,
  registerMinerals,
  registerUsers,
  registerOrgs,
  registerAudit,
  registerGroups,
  registerMaritime,
  registerTech,
  registerZones,
  registerPolicy,
  registerDossier,
  registerScenario,
  registerIo,
  registerEws,
  registerLists,
  registerScreenParty,
  registerExportCheck,
  registerSbom,
  registerOsv,
  registerKev,
  registerCyber,
  registerExercise,
  registerInforms,
  registerCases,
  registerCircumvention,
  registerOwnership,
  registerFdi,
  registerNetwork,
  registerDialogue,
];
