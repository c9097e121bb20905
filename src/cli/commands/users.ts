import fs from 'node:fs';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { badInput } from '../../errors.ts';
import { markingLevelNames, type MarkingLevel } from '../../analysis/marking.ts';
import {
  addUser,
  listUsers,
  resetPassword,
  setUserDisabled,
  type User,
  defaultOrganisation,
  ensureOrganisation,
  appendAudit,
  roles,
  type Role,
} from '../../data/security/index.ts';

/** `chokepoint users add|list|disable|enable|reset-password`: accounts, administered from the server's shell. */
export const registerUsers: RegisterCommand = (program, context) => {
  const users = program.command('users').description('user accounts: add, list, disable, reset passwords');

  users
    .command('add <username>')
    .description('add a user; prints a generated one-time password unless --password-stdin is given')
    .option(
      '--org <id>',
      `organisation (default ${defaultOrganisation.id}, created when missing)`,
      defaultOrganisation.id,
    )
    .option('--role <role>', `one of ${roles.join(', ')}`, 'viewer')
    .option('--level <n>', 'clearance level 0 公開, 1 取扱注意, 2 秘, 3 重要経済安保情報', '0')
    .option('--compartments <list>', 'comma-separated compartments, e.g. semiconductors,batteries', '')
    .option('--name <display name>', 'display name')
    .option('--grant <permissions>', 'extra permissions, comma-separated (declassify)', '')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (username: string, opts: AddOptions, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      if (opts.org === defaultOrganisation.id) await ensureOrganisation(db, defaultOrganisation);
      const { user, password } = await addUser(db, {
        username,
        displayName: opts.name,
        organisationId: opts.org,
        role: opts.role as Role,
        clearanceLevel: parseLevel(opts.level),
        compartments: splitList(opts.compartments),
        permissions: splitList(opts.grant),
        password: opts.passwordStdin ? readPassword() : undefined,
      });
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'user.add',
        objectType: 'user',
        objectId: user.id,
        details: {
          username: user.username,
          role: user.role,
          level: user.clearanceLevel,
          organisation: user.organisationId,
        },
      });
      const generated = !opts.passwordStdin;
      ctx.print({ user, ...(generated ? { password } : {}) }, () =>
        [
          `added ${user.username} (${user.role}, level ${user.clearanceLevel} ${markingLevelNames[user.clearanceLevel].ja}, organisation ${user.organisationId})`,
          ...(generated ? [`one-time password (shown only now): ${password}`] : []),
        ].join('\n'),
      );
    });

  users
    .command('list')
    .description('list users with role, organisation, clearance and state')
    .action(async (_opts, cmd: Command) => {
      const ctx = context(cmd);
      const all = await listUsers(await ctx.state());
      ctx.print(all, () =>
        all.length === 0
          ? 'No users yet. Add the first administrator: chokepoint users add NAME --role administrator --level 3'
          : renderTable(
              ['username', 'name', 'role', 'organisation', 'level', 'compartments', 'permissions', 'state'],
              all.map((u) => [
                u.username,
                u.displayName,
                u.role,
                u.organisationId,
                `${u.clearanceLevel} ${markingLevelNames[u.clearanceLevel].ja}`,
                u.compartments.join(','),
                u.permissions.join(','),
                stateOf(u),
              ]),
            ),
      );
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(
        disabled
          ? 'disable a user: ends their sessions and revokes their API tokens'
          : 'enable a disabled user',
      )
      .action(async (username: string, _opts, cmd: Command) => {
        const ctx = context(cmd);
        const db = await ctx.state();
        const user = await setUserDisabled(db, username, disabled);
        await appendAudit(db, {
          actorId: null,
          actor: 'cli',
          action: `user.${name}`,
          objectType: 'user',
          objectId: user.id,
          details: { username: user.username },
        });
        ctx.print(user, () => `${user.username}: ${stateOf(user)}`);
      });
  }

  users
    .command('reset-password <username>')
    .description(
      'set a new password (generated and shown once unless --password-stdin), clear the lockout, end sessions',
    )
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (username: string, opts: { passwordStdin?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const { user, password } = await resetPassword(
        db,
        username,
        opts.passwordStdin ? readPassword() : undefined,
      );
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'user.reset_password',
        objectType: 'user',
        objectId: user.id,
        details: { username: user.username },
      });
      ctx.print({ user, ...(opts.passwordStdin ? {} : { password }) }, () =>
        opts.passwordStdin
          ? `password of ${user.username} changed`
          : `new one-time password of ${user.username} (shown only now): ${password}`,
      );
    });
};

interface AddOptions {
  org: string;
  role: string;
  level: string;
  compartments: string;
  name?: string;
  grant: string;
  passwordStdin?: boolean;
}

function stateOf(u: User): string {
  if (u.disabled) return 'disabled';
  if (u.lockedUntil && new Date(u.lockedUntil) > new Date()) return `locked until ${u.lockedUntil}`;
  return 'active';
}

export function parseLevel(text: string, field = 'level'): MarkingLevel {
  const n = Number(text);
  if (![0, 1, 2, 3].includes(n)) throw badInput(`--${field} must be 0, 1, 2 or 3 (got "${text}")`, { field });
  return n as MarkingLevel;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function readPassword(): string {
  const text = fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (!text) throw badInput('no password on standard input', { field: 'password' });
  return text;
}
