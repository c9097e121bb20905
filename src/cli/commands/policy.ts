import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import { ChokepointError } from '../../errors.ts';
import {
  policyFamilyNames,
  policyMeasures,
  policyRiskNames,
  suggestionIds,
} from '../../analysis/policy/measures.ts';
import { zoneLabel, zoneNames } from '../../analysis/zones/zone.ts';
import { assessZones, registryEntries, applyMeasure, appliedMeasures } from '../../data/tech/index.ts';
import { resolveReporter } from '../../data/reference/index.ts';
import { assessmentOptions, lang, techServices, zoneRequest, type ZoneCliOptions } from './zones.ts';
import { intOption } from './tech.ts';

/** `chokepoint policy measures|map|apply|applied`: the policy toolkit and what is applied to each entry. */
export const registerPolicy: RegisterCommand = (program, context) => {
  const policy = program
    .command('policy')
    .description('policy toolkit: Promotion 産業支援策, Protection 産業防衛策, Partnership 国際連携');
  policy
    .command('measures')
    .description('the catalogue of measures with their family and the zones they suit')
    .option('--lang <ja|en>', 'language', 'en')
    .action((opts: { lang?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      ctx.print(policyMeasures, () =>
        renderTable(
          [
            'measure',
            l === 'ja' ? '施策' : 'name',
            l === 'ja' ? '分類' : 'family',
            l === 'ja' ? '領域' : 'zones',
            l === 'ja' ? '対応するリスク' : 'risks',
          ],
          policyMeasures.map((m) => [
            m.id,
            m.name[l],
            policyFamilyNames[m.family][l],
            m.zones.map((z) => zoneNames[z].number).join(' '),
            m.risks.map((r) => policyRiskNames[r][l]).join(', '),
          ]),
        ),
      );
    });
  assessmentOptions(
    policy.command('map').description('each entry: its zone, risks, suggested measures and measures applied'),
  )
    .option('--lang <ja|en>', 'language', 'en')
    .action(async (opts: ZoneCliOptions, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      const result = await assessZones(await techServices(ctx), zoneRequest(opts));
      const map = result.entries.map((e) => ({
        entry: e.entry.id,
        name: e.entry.name,
        zone: e.zone,
        risks: e.risks,
        suggested: suggestionIds(e.suggested),
        applied: e.applied,
        marking: e.marking,
      }));
      ctx.print(
        { reporter: result.reporter, entries: map, provenance: result.provenance, notes: result.notes },
        () =>
          renderTable(
            [
              'entry',
              l === 'ja' ? '領域' : 'zone',
              l === 'ja' ? 'リスク' : 'risks',
              l === 'ja' ? '推奨施策' : 'suggested',
              l === 'ja' ? '実施中' : 'applied',
            ],
            result.entries.map((e) => [
              e.entry.id,
              zoneLabel(e.zone, l),
              e.risks.map((r) => policyRiskNames[r][l]).join(', '),
              e.suggested
                .slice(0, 5)
                .map((s) => s.measure.id)
                .join(', '),
              e.applied.map((m) => `${m.measureId} (${m.status})`).join(', '),
            ]),
          ),
      );
    });
  policy
    .command('apply')
    .description('record a measure applied to an entry (audited)')
    .argument('<entry>', 'entry id, e.g. semiconductors')
    .argument('<measure>', 'measure id (see policy measures)')
    .option('--status <status>', 'planned | in-force | ended', 'in-force')
    .option('--note <text>', 'what it is (programme name, budget …)', '')
    .option('--since <date>', 'YYYY-MM-DD')
    .option('--level <0-3>', 'marking level', '0')
    .option('--reporter <country>', 'the country or group applying it (ISO3 or group id)', 'JPN')
    .action(
      async (
        entry: string,
        measure: string,
        opts: { status: string; note: string; since?: string; level: string; reporter: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const db = await ctx.state();
        const entries = await registryEntries(db);
        if (!entries.some((e) => e.id === entry)) {
          throw new ChokepointError(
            'not_found',
            `no registry entry "${entry}" (known: ${entries.map((e) => e.id).join(', ')})`,
            { field: 'entry' },
          );
        }
        const level = intOption(opts.level, 'level', 0, 3) as 0 | 1 | 2 | 3;
        const applied = await applyMeasure(
          db,
          {
            entryId: entry,
            reporter: (await resolveReporter(db, opts.reporter)).id,
            measureId: measure,
            status: opts.status as 'planned' | 'in-force' | 'ended',
            note: opts.note,
            since: opts.since ?? null,
            marking: { level, compartments: [], releasableTo: null },
          },
          { id: null, name: 'cli' },
        );
        ctx.print(applied, () => `${entry}: ${measure} recorded (${applied.status}); audited`);
      },
    );
  policy
    .command('applied')
    .description('measures recorded as applied, per entry')
    .option('--entry <id>', 'only this entry')
    .option('--reporter <country>', 'only this country or group')
    .action(async (opts: { entry?: string; reporter?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const reporter = opts.reporter ? (await resolveReporter(db, opts.reporter)).id : undefined;
      const items = await appliedMeasures(db, opts.entry, reporter);
      ctx.print(items, () =>
        renderTable(
          ['entry', 'reporter', 'measure', 'status', 'since', 'note', 'by'],
          items.map((m) => [m.entryId, m.reporter, m.measureId, m.status, m.since, m.note, m.createdBy]),
        ),
      );
    });
};
