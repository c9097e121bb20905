import path from 'node:path';
import fs from 'node:fs';
import YAML from 'yaml';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import type { CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { startProgress } from '../progress.ts';
import {
  readScenarioFile,
  runScenarioOnData,
  type ScenarioRunOutput,
  createScenario,
  getScenario,
  listScenarios,
  updateScenario,
} from '../../data/scenario/index.ts';
import { listGroups } from '../../data/reference/index.ts';
import type { Ranged } from '../../analysis/scenario/random.ts';
import { dominates, type Marking } from '../../analysis/marking.ts';
import { normalizeMarking, appendAudit } from '../../data/security/index.ts';
import { badInput, notFound } from '../../errors.ts';
import { intOption } from './tech.ts';

const fmt = (v: number | null, digits = 0) =>
  v === null
    ? '—'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const range = (r: Ranged, digits = 0) =>
  `${fmt(r.value, digits)} [${fmt(r.p5, digits)}–${fmt(r.p95, digits)}]`;

export function renderScenario(r: ScenarioRunOutput): string {
  const lines: string[] = [];
  lines.push(`${r.name}${r.nameJa ? ` / ${r.nameJa}` : ''}`);
  lines.push(
    `Reporter ${r.reporter.en} (${r.reporter.ja}), base year ${r.year}, horizon ${fmt(r.horizonMonths, 1)} months, ${r.monteCarlo.draws} Monte Carlo draws (seed ${r.monteCarlo.seed}); values central [p5–p95].`,
  );
  lines.push('');
  lines.push(
    `Imports affected ${fmt(r.totals.importsAffected)} kUSD/yr · lost ${range(r.totals.lost)} · replaced ${range(r.totals.replaced)} · from stock ${range(r.totals.stockDrawn)} · unmet ${range(r.totals.unmet)} (thousand USD)`,
  );
  lines.push('');
  const products = [...r.products].sort((a, b) => b.lost.value - a.lost.value).slice(0, 25);
  lines.push(
    renderTable(
      [
        'product',
        'lost kUSD',
        'replaced',
        'unmet',
        'TTS mo',
        'TTR mo',
        'binds',
        'P(bind)',
        'main substitute',
      ],
      products.map((p) => [
        p.product,
        range(p.lost),
        range(p.replaced),
        range(p.unmet),
        p.timeToSurvive.value === null ? '> horizon' : fmt(p.timeToSurvive.value, 1),
        fmt(p.timeToRecover.value, 1),
        p.binding ? 'YES' : '',
        fmt(p.bindingProbability * 100) + '%',
        p.replacedFrom[0]
          ? `${p.replacedFrom[0].partner}${p.replacedFrom[0].likeMinded ? ' (like-minded)' : ''}`
          : '',
      ]),
    ),
  );
  if (r.products.length > products.length)
    lines.push(`… ${r.products.length - products.length} more products (--json for all)`);
  lines.push(`Binding first: ${r.bindingProducts.slice(0, 10).join(', ') || 'none'}`);
  if (r.economy) {
    const e = r.economy;
    lines.push('');
    lines.push(
      `Economy (${r.units.sectors}): value added lost — Leontief ${range(e.leontiefValueAddedLoss, 1)}, ARIO ${range(e.arioValueAddedLoss, 1)}; Ghosh forward output loss ${range(e.ghoshOutputLoss, 1)}`,
    );
    lines.push(
      `ARIO: lowest total output ${fmt(e.worstRelativeOutput.value * 100, 4)} % of baseline on day ${e.worstDay}; ${e.recoveredDay === null ? 'not recovered within the horizon' : `recovered by day ${e.recoveredDay}`}`,
    );
    lines.push(
      renderTable(
        ['sector', '部門', 'inoperability', 'Leontief output loss', 'ARIO output loss', 'ARIO VA loss'],
        e.sectors.map((s) => [
          `${s.code} ${s.en}`,
          s.ja,
          s.inoperability.value.toExponential(2),
          range(s.leontiefOutputLoss, 1),
          range(s.arioOutputLoss, 1),
          range(s.arioValueAddedLoss, 1),
        ]),
      ),
    );
  }
  lines.push('');
  const p = r.provenance;
  lines.push(
    `Sources: trade ${p.trade.dataset} (${p.trade.title}, ${p.trade.publisher}, ${p.trade.version}${p.trade.synthetic ? ', SYNTHETIC' : ''})` +
      (p.ioTable ? `; IO table ${p.ioTable.dataset} (${p.ioTable.publisher}, ${p.ioTable.version})` : '') +
      (p.concordance ? `; concordance ${p.concordance.id}` : ''),
  );
  lines.push(`Methods: ${p.methods.join('; ')}.`);
  return lines.join('\n');
}

/** Whether the file refers to a country group (substitution.partners or likeMinded given as a name). */
async function namesGroup(file: string): Promise<boolean> {
  try {
    const raw = YAML.parse(fs.readFileSync(path.resolve(file), 'utf8')) as {
      substitution?: Record<string, unknown>;
    };
    const sub = raw?.substitution;
    return typeof sub?.partners === 'string' && sub.partners !== 'all'
      ? true
      : typeof sub?.likeMinded === 'string';
  } catch {
    return false; // readScenarioFile reports the syntax error with its line
  }
}

async function runFile(ctx: CliContext, file: string, dataset?: string): Promise<ScenarioRunOutput> {
  // A group named in the file (like-minded is a policy choice) is read as edited in the application state; the
  // state is opened only then.
  const groups = (await namesGroup(file)) ? await listGroups(await ctx.state()) : undefined;
  const { definition } = readScenarioFile(path.resolve(file), groups);
  const progress = startProgress({
    label: 'scenario',
    total: definition.monteCarlo.draws,
    unit: 'draws',
    quiet: ctx.quiet,
  });
  const result = await runScenarioOnData({
    dataDir: ctx.dataDir,
    catalog: ctx.catalog,
    analytics: await ctx.analytics(),
    definition,
    dataset,
    onProgress: (done) => progress.update(done),
  });
  progress.done(`${result.products.length} products, ${result.bindingProducts.length} binding`);
  return result;
}

/** `chokepoint scenario run`: supply-disruption scenarios from a YAML/JSON file (PRODUCT.md §3.4). */
export const registerScenario: RegisterCommand = (program, context) => {
  const scenario = program
    .command('scenario')
    .description(
      'supply-disruption scenarios: run a scenario file; save and list scenarios in the application state',
    );
  scenario
    .command('run')
    .description('run a scenario file (YAML or JSON; see examples/scenario-gallium-germanium.yaml)')
    .argument('<file>', 'scenario file')
    .option('--dataset <id>', 'annual trade dataset (default: real data before synthetic, latest year first)')
    .option('--out <file>', 'also write the full JSON result to this file')
    .action(async (file: string, opts: { dataset?: string; out?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const result = await runFile(ctx, file, opts.dataset);
      if (opts.out) fs.writeFileSync(opts.out, JSON.stringify(result, null, 2));
      ctx.print(result, () => renderScenario(result));
    });
  scenario
    .command('save')
    .description(
      'validate a scenario file and save it in the application state (as the API and web editor do): a new scenario, or with --id a new version; audited',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--id <id>', 'save as a new version of this saved scenario')
    .option('--level <0-3>', 'marking level (new scenarios default to 0, public)')
    .option('--compartments <list>', 'marking compartments, separated by commas')
    .option('--reason <text>', 'why the marking is lowered (needed when --level lowers it)')
    .action(
      async (
        file: string,
        opts: { id?: string; level?: string; compartments?: string; reason?: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const db = await ctx.state();
        const { definition, text } = readScenarioFile(path.resolve(file), await listGroups(db));
        const level = intOption(opts.level, 'level', 0, 3) as Marking['level'] | undefined;
        const compartments = (opts.compartments ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        const marking =
          level === undefined && compartments.length === 0
            ? undefined
            : normalizeMarking({ level: level ?? 0, compartments, releasableTo: null });
        let saved;
        let action = 'create';
        if (opts.id) {
          const current = await getScenario(db, opts.id);
          if (!current) throw notFound(`no saved scenario ${opts.id}`, { field: 'id' });
          const target = marking ? { ...marking, level: level ?? current.marking.level } : undefined;
          const lowered = target !== undefined && !dominates(target, current.marking);
          if (lowered && (opts.reason?.trim().length ?? 0) < 10)
            throw badInput('lowering a marking needs --reason of at least 10 characters', {
              field: 'reason',
            });
          saved = await updateScenario(db, opts.id, { definition, text, marking: target, userId: null });
          action = lowered ? 'declassify' : 'update';
        } else {
          saved = await createScenario(db, {
            definition,
            text,
            marking: marking ?? normalizeMarking({ level: 0, compartments: [], releasableTo: null }),
            userId: null,
          });
        }
        await appendAudit(db, {
          actorId: null,
          actor: 'cli',
          action,
          objectType: 'scenario',
          objectId: saved.id,
          marking: saved.marking,
          details: {
            version: saved.version,
            file: path.basename(file),
            ...(opts.reason ? { reason: opts.reason } : {}),
          },
        });
        ctx.print(
          saved,
          () =>
            `Saved scenario ${saved.id} version ${saved.version}: ${saved.name} (marking level ${saved.marking.level}${saved.marking.compartments.length ? `, ${saved.marking.compartments.join('/')}` : ''}); audited`,
        );
      },
    );
  scenario
    .command('list')
    .description('saved scenarios in the application state, newest first, with versions and markings')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (opts: { limit: string }, cmd: Command) => {
      const ctx = context(cmd);
      const limit = intOption(opts.limit, 'limit', 1, 10_000) ?? 100;
      const result = await listScenarios(await ctx.state(), undefined, { limit, offset: 0 });
      ctx.print(result, () =>
        result.items.length === 0
          ? 'No saved scenarios (save one with chokepoint scenario save FILE).'
          : [
              renderTable(
                ['id', 'name', '名称', 'version', 'marking', 'updated'],
                result.items.map((x) => [
                  x.id,
                  x.name,
                  x.nameJa ?? '',
                  String(x.version),
                  `${x.marking.level}${x.marking.compartments.length ? ` ${x.marking.compartments.join('/')}` : ''}`,
                  x.updatedAt.slice(0, 19),
                ]),
              ),
              `${result.total} saved scenario(s).`,
            ].join('\n'),
      );
    });
};
