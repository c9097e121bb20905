import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { cliActor } from '../../config.ts';
import {
  getCriticalGood,
  listCriticalGoods,
  type RegisteredCriticalGood,
  type CriticalHsCode,
  type HsMatch,
} from '../../data/reference/index.ts';
import { changeEntry, resetEntry, type Actor } from '../../data/identification/index.ts';
import { ChokepointError } from '../../errors.ts';
import { productLabelsFor } from '../../data/screening/index.ts';

function show(good: RegisteredCriticalGood, label?: (hs6: string) => string): string {
  return [
    `${good.id}: ${good.ja} / ${good.en}${good.edited ? '  (edited)' : ''}`,
    `designated: ${good.designation.en} / ${good.designation.ja}`,
    `ministry: ${good.ministry.en} / ${good.ministry.ja}`,
    good.note ? `note: ${good.note}` : '',
    good.hs.length
      ? renderTable(['hs6', 'match', 'note', 'label'], good.hs.map((c) => [c.hs6, c.match, c.note, label?.(c.hs6) ?? '']))
      : 'no HS codes (not a traded good)',
    good.updatedBy ? `last edited by ${good.updatedBy} at ${good.updatedAt}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** "850511:exact:permanent magnets of metal" or "850511" → a code; the match defaults to approximate. */
export function parseCode(text: string): CriticalHsCode {
  const [hs6, match, ...note] = text.split(':');
  return { hs6: hs6.trim(), match: (match?.trim() || 'approximate') as HsMatch, note: note.join(':').trim() };
}

/** Who a CLI change of the registry is recorded as: the operating-system user (config.ts), with no user id. */
export function registryActor(): Actor {
  return { id: null, name: cliActor() };
}

/** `chokepoint critical list|show|set-hs|add-hs|remove-hs|reset`: the critical goods registry (特定重要物資). */
export const registerCritical: RegisterCommand = (program, context) => {
  const critical = program.command('critical').description('critical goods registry (特定重要物資): list, show, edit HS mappings');
  critical
    .command('list')
    .description('the registered critical goods with their HS6 counts')
    .action(async (_opts, cmd: Command) => {
      const ctx = context(cmd);
      const goods = await listCriticalGoods(await ctx.state());
      ctx.print(goods, () =>
        renderTable(
          ['id', '名称', 'name', 'ministry', 'HS6', 'edited'],
          goods.map((g) => [g.id, g.ja, g.en, g.ministry.en.replace(/ \(.*\)$/, ''), g.hs.length, g.edited ? 'yes' : '']),
        ),
      );
    });
  critical
    .command('show')
    .description('one good: designation, ministry, HS6 codes with how well they match')
    .argument('<id>', 'e.g. semiconductors')
    .action(async (id: string, _opts, cmd: Command) => {
      const ctx = context(cmd);
      const good = await getCriticalGood(await ctx.state(), id);
      const labels = productLabelsFor(ctx.dataDir);
      ctx.print(good, () => show(good, (hs6) => labels?.label(hs6, 'HS17')?.en ?? ''));
    });
  const edit = async (cmd: Command, id: string, change: (good: RegisteredCriticalGood) => CriticalHsCode[]) => {
    const ctx = context(cmd);
    const db = await ctx.state();
    const good = await getCriticalGood(db, id);
    // Audited, kept in the registry's history, and followed by the early-warning lists.
    const { entry: updated } = await changeEntry(db, id, { hs: change(good) }, registryActor());
    ctx.print(updated, () => show(updated));
  };
  critical
    .command('set-hs')
    .description('replace the HS6 codes of a good: hs6[:match[:note]] … (match: exact|approximate|input)')
    .argument('<id>')
    .argument('<codes...>')
    .action(async (id: string, codes: string[], _opts, cmd: Command) => edit(cmd, id, () => codes.map(parseCode)));
  critical
    .command('add-hs')
    .description('add HS6 codes to a good: hs6[:match[:note]] …')
    .argument('<id>')
    .argument('<codes...>')
    .action(async (id: string, codes: string[], _opts, cmd: Command) => edit(cmd, id, (g) => [...g.hs, ...codes.map(parseCode)]));
  critical
    .command('remove-hs')
    .description('remove HS6 codes from a good')
    .argument('<id>')
    .argument('<codes...>')
    .action(async (id: string, codes: string[], _opts, cmd: Command) =>
      edit(cmd, id, (g) => {
        const missing = codes.filter((c) => !g.hs.some((h) => h.hs6 === c));
        if (missing.length) throw new ChokepointError('not_found', `${id} has no HS code ${missing.join(', ')}`, { field: 'codes' });
        return g.hs.filter((h) => !codes.includes(h.hs6));
      }),
    );
  critical
    .command('reset')
    .description('put a default good back as shipped')
    .argument('<id>')
    .action(async (id: string, _opts, cmd: Command) => {
      const ctx = context(cmd);
      await getCriticalGood(await ctx.state(), id);
      const { entry: good } = await resetEntry(await ctx.state(), id, registryActor());
      ctx.print(good, () => show(good));
    });
};
