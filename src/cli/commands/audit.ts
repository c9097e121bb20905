import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { ChokepointError } from '../../errors.ts';
import { listAudit, parseHead, verifyAudit } from '../../data/security/index.ts';

/** `chokepoint audit verify|list`: the hash-chained audit log. */
export const registerAudit: RegisterCommand = (program, context) => {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');

  audit
    .command('verify')
    .description('recompute the hash chain; exit code 3 when any entry was edited, deleted or reordered')
    .option(
      '--expect <seq:hash>',
      'a head printed by an earlier verify, to detect removal of the newest entries',
    )
    .action(async (opts: { expect?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const result = await verifyAudit(await ctx.state(), opts.expect ? parseHead(opts.expect) : undefined);
      ctx.print(result, () =>
        result.ok
          ? `audit log intact: ${result.entries} entries; head ${result.head ? `${result.head.seq}:${result.head.hash}` : '(empty)'}\n` +
            'Record the head elsewhere and pass it to a later verify with --expect.'
          : `AUDIT LOG TAMPERED: ${result.problems.length} problem(s) in ${result.entries} entries\n` +
            renderTable(
              ['entry', 'problem'],
              result.problems.map((p) => [p.seq, p.problem]),
            ),
      );
      if (!result.ok) {
        throw new ChokepointError(
          'checksum_mismatch',
          `audit log verification failed (${result.problems.length} problem(s))`,
        );
      }
    });

  audit
    .command('list')
    .description('newest audit entries')
    .option('--limit <n>', 'how many', '50')
    .option('--action <action>', 'only this action, e.g. login.failed')
    .action(async (opts: { limit: string; action?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const { items, total } = await listAudit(await ctx.state(), {
        limit: Number(opts.limit),
        action: opts.action,
      });
      ctx.print(
        { items, total },
        () =>
          renderTable(
            ['#', 'at', 'actor', 'action', 'object', 'level', 'details'],
            items.map((e) => [
              e.seq,
              e.at,
              e.actor,
              e.action,
              `${e.objectType}${e.objectId ? ` ${e.objectId}` : ''}`,
              e.marking?.level ?? '',
              e.details ? JSON.stringify(e.details) : '',
            ]),
          ) + `\n${items.length} of ${total}`,
      );
    });
};
