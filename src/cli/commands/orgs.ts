import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { markingLevelNames } from '../../analysis/marking.ts';
import {
  addOrganisation,
  listOrganisations,
  organisationKindNames,
  organisationKinds,
  type OrganisationKind,
  appendAudit,
} from '../../data/security/index.ts';
import { parseLevel } from './users.ts';

/** `chokepoint orgs add|list`: organisations and their sharing caps. */
export const registerOrgs: RegisterCommand = (program, context) => {
  const orgs = program
    .command('orgs')
    .description('organisations (ministry, company, association, foreign partner)');

  orgs
    .command('add <id>')
    .description('add an organisation with the highest marking level it may receive (sharing cap)')
    .requiredOption('--name <name>', 'name, e.g. "Acme Semiconductor 株式会社"')
    .requiredOption('--kind <kind>', organisationKinds.join(' | '))
    .requiredOption('--cap <level>', 'sharing cap 0 公開, 1 取扱注意, 2 秘, 3 重要経済安保情報')
    .action(async (id: string, opts: { name: string; kind: string; cap: string }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const org = await addOrganisation(db, {
        id,
        name: opts.name,
        kind: opts.kind as OrganisationKind,
        sharingCap: parseLevel(opts.cap, 'cap'),
      });
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'organisation.add',
        objectType: 'organisation',
        objectId: org.id,
        details: { ...org },
      });
      ctx.print(
        org,
        () =>
          `added ${org.id} (${organisationKindNames[org.kind].en}, cap ${org.sharingCap} ${markingLevelNames[org.sharingCap].ja})`,
      );
    });

  orgs
    .command('list')
    .description('list organisations')
    .action(async (_opts, cmd: Command) => {
      const ctx = context(cmd);
      const all = await listOrganisations(await ctx.state());
      ctx.print(all, () =>
        renderTable(
          ['id', 'name', 'kind', 'sharing cap'],
          all.map((o) => [
            o.id,
            o.name,
            `${organisationKindNames[o.kind].ja} ${organisationKindNames[o.kind].en}`,
            `${o.sharingCap} ${markingLevelNames[o.sharingCap].ja} ${markingLevelNames[o.sharingCap].en}`,
          ]),
        ),
      );
    });
};
