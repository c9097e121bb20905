import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { registryActor, parseCode } from './critical.ts';
import { intOption } from './tech.ts';
import {
  domains,
  getRegistryEntry,
  listRegistry,
  registryHistory,
  type DomainId,
  type PatentFieldRef,
  type RegistryEntryRecord,
  type RegistryKind,
  type RegistryStatus,
} from '../../data/reference/index.ts';
import {
  addEntry,
  changeEntry,
  resetEntry,
  setEntryStatus,
  type EntryChange,
  type RegistryWrite,
} from '../../data/identification/index.ts';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';

/**
 * `chokepoint registry …`: the registry of critical goods and technologies (issue 25) — list and show entries by
 * kind, status and domain; add, change, adopt, retire, restore and reset them (audited, with history); the four
 * technology domains. `chokepoint critical …` stays for the specified goods' HS mappings.
 */
const statusNames: Record<RegistryStatus, { ja: string; en: string }> = {
  active: { ja: '有効', en: 'in force' },
  proposed: { ja: '提案', en: 'proposed' },
  retired: { ja: '廃止', en: 'retired' },
};

function show(e: RegistryEntryRecord): string {
  return [
    `${e.id} (${e.kind}, ${statusNames[e.status].en} / ${statusNames[e.status].ja}, v${e.version}): ${e.ja} / ${e.en}`,
    `designation: ${e.designation.en} / ${e.designation.ja}`,
    e.ministry.en ? `ministry: ${e.ministry.en} / ${e.ministry.ja}` : '',
    `domains: ${e.domains.length ? e.domains.join(', ') : '(none)'}`,
    `patent fields: ${e.patentFields.length ? e.patentFields.map((f) => `${f.source}/${f.field}`).join(', ') : '(none)'}`,
    e.note ? `note: ${e.note}` : '',
    e.hs.length
      ? renderTable(
          ['hs6', 'match', 'note', 'source'],
          e.hs.map((c) => [c.hs6, c.match, c.note, c.source ?? '']),
        )
      : 'no HS codes',
    e.updatedBy ? `last changed by ${e.updatedBy} at ${e.updatedAt}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function written(w: RegistryWrite): string {
  const ews = w.ews.map((s) => `${s.list}: +${s.added} −${s.removed}`).join('; ');
  return `${show(w.entry)}\naudited${ews ? `; early-warning lists ${ews}` : ''}`;
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function fieldsOf(text: string | undefined): PatentFieldRef[] | undefined {
  if (text === undefined) return undefined;
  return list(text).map((ref) => {
    const [source, field] = ref.split('/');
    return { source, field: field ?? '' };
  });
}

function markingOf(level: string | undefined): Marking | undefined {
  const n = intOption(level, 'level', 0, 3);
  return n === undefined ? undefined : { level: n as Marking['level'], compartments: [], releasableTo: null };
}

function kindOf(text: string | undefined): RegistryKind | undefined {
  if (text === undefined) return undefined;
  if (text !== 'good' && text !== 'technology') {
    throw new ChokepointError('bad_input', '--kind must be good or technology', { field: 'kind' });
  }
  return text;
}

function statusOf(text: string | undefined): RegistryStatus[] | undefined {
  if (text === undefined || text === 'all') return undefined;
  const out = list(text);
  for (const s of out) {
    if (!(s in statusNames))
      throw new ChokepointError('bad_input', '--status must be active, proposed, retired or all', {
        field: 'status',
      });
  }
  return out as RegistryStatus[];
}

interface EntryOptions {
  kind?: string;
  ja?: string;
  en?: string;
  hs?: string[];
  domains?: string;
  patentFields?: string;
  note?: string;
  designationJa?: string;
  designationEn?: string;
  ministryJa?: string;
  ministryEn?: string;
  level?: string;
  reason?: string;
}

function changeOf(o: EntryOptions): EntryChange {
  const pair = (ja?: string, en?: string) =>
    ja !== undefined || en !== undefined ? { ja: ja ?? '', en: en ?? '' } : undefined;
  return {
    kind: kindOf(o.kind),
    ja: o.ja,
    en: o.en,
    hs: o.hs?.map(parseCode),
    domains: o.domains === undefined ? undefined : (list(o.domains) as DomainId[]),
    patentFields: fieldsOf(o.patentFields),
    note: o.note,
    designation: pair(o.designationJa, o.designationEn),
    ministry: pair(o.ministryJa, o.ministryEn),
  };
}

function entryOptions(cmd: Command): Command {
  return cmd
    .option('--ja <name>', 'Japanese name')
    .option('--en <name>', 'English name')
    .option('--hs <codes...>', 'HS6 codes: hs6[:match[:note]] … (match: exact|approximate|input)')
    .option(
      '--domains <list>',
      'technology domains, comma-separated: computing, clean-tech, biotech, defence-space',
    )
    .option('--patent-fields <list>', 'patent fields, comma-separated source/field (e.g. pct/chemistry)')
    .option('--note <text>', 'a note shown with the entry')
    .option('--designation-ja <text>', 'designation (where the entry comes from), Japanese')
    .option('--designation-en <text>', 'designation, English')
    .option('--ministry-ja <text>', 'owning ministry, Japanese')
    .option('--ministry-en <text>', 'owning ministry, English')
    .option('--level <0-3>', 'marking level of the entry')
    .option('--reason <text>', 'why (kept in the history and the audit log)');
}

export const registerRegistry: RegisterCommand = (program, context) => {
  const registry = program
    .command('registry')
    .description(
      'registry of critical goods and technologies (重要物資・重要技術): list, add, change, adopt, retire, history',
    );

  registry
    .command('list')
    .description('entries with their kind, status, domains and HS6 counts')
    .option('--kind <kind>', 'good or technology')
    .option('--status <list>', 'active, proposed, retired (comma-separated) or all', 'all')
    .option('--domain <id>', 'only entries of this domain')
    .action(async (opts: { kind?: string; status?: string; domain?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const entries = (
        await listRegistry(await ctx.state(), { kind: kindOf(opts.kind), status: statusOf(opts.status) })
      ).filter((e) => !opts.domain || e.domains.includes(opts.domain as DomainId));
      ctx.print(entries, () =>
        renderTable(
          ['id', 'kind', 'status', '名称', 'name', 'domains', 'HS6', 'v'],
          entries.map((e) => [
            e.id,
            e.kind,
            statusNames[e.status].en,
            e.ja,
            e.en,
            e.domains.join(','),
            e.hs.length,
            e.version,
          ]),
        ),
      );
    });

  registry
    .command('show')
    .description('one entry: designation, domains, patent fields, HS6 codes with match grade and source')
    .argument('<id>')
    .action(async (id: string, _opts, cmd: Command) => {
      const ctx = context(cmd);
      const entry = await getRegistryEntry(await ctx.state(), id);
      ctx.print(entry, () => show(entry));
    });

  entryOptions(
    registry
      .command('add')
      .description('add a good or technology (in force at once unless --proposed)')
      .argument('<id>', 'lower-case id, e.g. drones')
      .requiredOption('--kind <kind>', 'good or technology')
      .option('--proposed', 'add it as proposed (listed, not in force)'),
  ).action(async (id: string, opts: EntryOptions & { proposed?: boolean }, cmd: Command) => {
    const ctx = context(cmd);
    const change = changeOf(opts);
    if (!opts.ja || !opts.en)
      throw new ChokepointError('bad_input', 'an entry needs --ja and --en names', {
        field: opts.ja ? 'en' : 'ja',
      });
    const result = await addEntry(
      await ctx.state(),
      {
        ...change,
        id,
        kind: change.kind!,
        ja: opts.ja,
        en: opts.en,
        status: opts.proposed ? 'proposed' : 'active',
      },
      registryActor(),
      { marking: markingOf(opts.level), reason: opts.reason },
    );
    ctx.print(result, () => written(result));
  });

  entryOptions(
    registry
      .command('set')
      .description('change an entry (only the options given; --hs replaces the HS codes)')
      .argument('<id>')
      .option('--kind <kind>', 'good or technology'),
  ).action(async (id: string, opts: EntryOptions, cmd: Command) => {
    const ctx = context(cmd);
    const result = await changeEntry(await ctx.state(), id, changeOf(opts), registryActor(), {
      marking: markingOf(opts.level),
      reason: opts.reason,
    });
    ctx.print(result, () => written(result));
  });

  const status = (name: string, to: RegistryStatus, description: string, reasonRequired: boolean) => {
    const cmd = registry.command(name).description(description).argument('<id>');
    (reasonRequired
      ? cmd.requiredOption('--reason <text>', 'why (kept in the history and the audit log)')
      : cmd.option('--reason <text>', 'why')
    ).action(async (id: string, opts: { reason?: string }, c: Command) => {
      const ctx = context(c);
      const result = await setEntryStatus(await ctx.state(), id, to, registryActor(), opts.reason ?? '');
      ctx.print(result, () => written(result));
    });
  };
  status('adopt', 'active', 'put a proposed entry in force (screen filter, zones, early warning)', false);
  status('retire', 'retired', 'retire an entry: kept with its history, no longer in force', true);
  status('restore', 'active', 'put a retired entry back in force', false);

  registry
    .command('reset')
    .description('put a shipped entry back as shipped')
    .argument('<id>')
    .option('--reason <text>', 'why')
    .action(async (id: string, opts: { reason?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const result = await resetEntry(await ctx.state(), id, registryActor(), opts.reason);
      ctx.print(result, () => written(result));
    });

  registry
    .command('history')
    .description('every version of an entry: who changed what, when and why')
    .argument('<id>')
    .action(async (id: string, _opts, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      await getRegistryEntry(db, id);
      const items = await registryHistory(db, id);
      ctx.print(items, () =>
        renderTable(
          ['v', 'at', 'action', 'by', 'status', 'HS6', 'reason'],
          items.map((h) => [
            h.version,
            h.at.slice(0, 19),
            h.action,
            h.actor ?? '',
            h.snapshot.status,
            h.snapshot.hs.map((c) => c.hs6).join(' '),
            h.reason,
          ]),
        ),
      );
    });

  registry
    .command('domains')
    .description(
      'the four technology domains (computing, clean technology, biotechnology, defence and space) with their entries in force',
    )
    .action(async (_opts, cmd: Command) => {
      const ctx = context(cmd);
      const entries = await listRegistry(await ctx.state(), { status: ['active'] });
      const out = [
        ...domains.map((d) => ({
          ...d,
          entries: entries.filter((e) => e.domains.includes(d.id)).map((e) => e.id),
        })),
        {
          id: 'none',
          ja: '領域なし',
          en: 'not in a domain',
          entries: entries.filter((e) => !e.domains.length).map((e) => e.id),
        },
      ];
      ctx.print(out, () =>
        renderTable(
          ['domain', '領域', 'entries'],
          out.map((d) => [d.en, d.ja, d.entries.join(', ')]),
        ),
      );
    });
};
