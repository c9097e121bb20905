import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import type { CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { startProgress } from '../progress.ts';
import {
  createExercise,
  getExercise,
  injectsFromRun,
  listExercises,
  listSessions,
  prepareTemplateExercise,
  readOpenAevFile,
  runLabels,
  setParticipant,
  type ExerciseRecord,
} from '../../data/exercises/index.ts';
import { exerciseTemplates } from '../../analysis/exercises/templates.ts';
import { createRun, createScenario, finishRun, runScenarioOnData } from '../../data/scenario/index.ts';
import { listGroups } from '../../data/reference/index.ts';
import {
  appendAudit,
  findUserByUsername,
  getOrganisation,
  getDatasetMarking,
} from '../../data/security/index.ts';
import { writeFileAtomic } from '../../data/catalog/index.ts';
import { joinMarkings, markingLevelNames, publicMarking, type Marking } from '../../analysis/marking.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import { renderExerciseReport } from '../../data/exercises/reportFile.ts';
import { lang } from './zones.ts';

/**
 * `chokepoint exercise …`: tabletop exercises (PRODUCT.md §3.5; docs/exercises.md) — the templates, a new exercise
 * from a template in one step (its scenario runs here, the injects come from the run), the OpenAEV import, the
 * list, and the after-action report for one recipient organisation.
 */
const fmt = (v: number, digits = 1) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function exerciseJson(e: ExerciseRecord) {
  return {
    id: e.id,
    title: e.title,
    template: e.template,
    status: e.status,
    marking: e.marking,
    scenarioId: e.scenarioId,
    baselineRunId: e.baselineRunId,
    design: e.design,
    participants: e.participants,
    injects: e.injects,
  };
}

function renderExercise(e: ExerciseRecord): string {
  const unit = e.design.timeUnit === 'hour' ? 'h' : 'mo';
  return [
    `${e.title.en} / ${e.title.ja}`,
    `Exercise ${e.id} (${e.status}); scenario ${e.scenarioId ?? '—'}, run ${e.baselineRunId ?? '—'}`,
    ...(e.design.imported
      ? [
          `出典 / imported from: ${e.design.imported.file} (sha256 ${e.design.imported.sha256.slice(0, 12)}…)` +
            (e.design.imported.dataset
              ? `, dataset ${e.design.imported.dataset}: ${e.design.imported.publisher}, ${e.design.imported.licence}`
              : ''),
        ]
      : []),
    renderTable(
      ['at', 'team', 'inject', 'marking', 'figures'],
      e.injects.map((i) => [
        `${fmt(i.at)} ${unit}`,
        i.team,
        `${i.title.ja} / ${i.title.en}${i.condition ? ` [if ${i.condition.taken ? '' : 'no '}${i.condition.action ?? 'decision'} on ${i.condition.inject}]` : ''}`,
        levelName(i.marking),
        String(i.figures.length),
      ]),
    ),
    `${e.injects.length} 件のインジェクト / injects (--json for their text and figures)`,
  ].join('\n');
}

const levelName = (m: Marking) =>
  `${m.level} ${markingLevelNames[m.level].ja}/${markingLevelNames[m.level].en}`;

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** After a new exercise is saved: its facilitator (when named) added, the audit entry, the exercise printed. */
async function announceSaved(
  ctx: CliContext,
  id: string,
  facilitator: { id: string; username: string } | undefined,
  action: string,
  marking: Marking,
  details: Record<string, unknown>,
) {
  const db = await ctx.state();
  if (facilitator)
    await setParticipant(db, id, { userId: facilitator.id, role: 'facilitator', team: null, addedBy: null });
  await appendAudit(db, {
    actorId: null,
    actor: 'cli',
    action,
    objectType: 'exercise',
    objectId: id,
    marking,
    details: { ...details, ...(facilitator ? { facilitator: facilitator.username } : {}) },
  });
  const record = (await getExercise(db, id))!;
  ctx.print(exerciseJson(record), () => renderExercise(record));
}
export const registerExercise: RegisterCommand = (program, context) => {
  const exercise = program
    .command('exercise')
    .description(
      'tabletop exercises (図上演習): templates, new exercises from a template, OpenAEV import, reports',
    );

  exercise
    .command('templates')
    .description(
      'the exercise templates: export ban, chokepoint closure, cyber attack on a supplier, coercion',
    )
    .action((_opts: object, cmd: Command) => {
      const ctx = context(cmd);
      const items = exerciseTemplates.map((t) => ({ ...t }));
      ctx.print({ items }, () =>
        items
          .map((t) =>
            [
              t.id,
              `  ${t.title.ja} / ${t.title.en}`,
              `  ${t.description.ja}`,
              `  ${t.description.en}`,
              `  モデル化 / Modelled as: ${t.modelling.ja} / ${t.modelling.en}`,
              `  対象品目 / Default products: ${t.defaultProducts.join(', ') || '(all imports)'}`,
            ].join('\n'),
          )
          .join('\n\n'),
      );
    });

  exercise
    .command('create')
    .description(
      'a new exercise from a template in one step: the scenario is saved and run on the trade data, the injects are generated from the run',
    )
    .requiredOption('--template <id>', 'template id (chokepoint exercise templates)')
    .option('--reporter <country>', 'the reporter (ISO3)', 'JPN')
    .option('--year <year>', 'base trade year (default: the newest)')
    .option('--hs <codes>', "HS6 codes, separated by commas (default: the template's)")
    .option('--dataset <id>', 'annual trade dataset (default: real data before synthetic, latest year first)')
    .option('--facilitator <username>', 'the user who facilitates it (may add the other participants)')
    .action(
      async (
        opts: {
          template: string;
          reporter: string;
          year?: string;
          hs?: string;
          dataset?: string;
          facilitator?: string;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        ctx.assertStateAvailable();
        const db = await ctx.state();
        const year = opts.year === undefined ? undefined : Number(opts.year);
        if (year !== undefined && !Number.isInteger(year))
          throw new ChokepointError('bad_input', `--year must be a year (got ${opts.year})`, {
            field: 'year',
          });
        const facilitator = opts.facilitator ? await findUserByUsername(db, opts.facilitator) : undefined;
        const services = { dataDir: ctx.dataDir, catalog: ctx.catalog, analytics: await ctx.analytics() };
        const prepared = await prepareTemplateExercise(
          services,
          {
            template: opts.template,
            reporter: opts.reporter,
            year,
            products: list(opts.hs),
            dataset: opts.dataset,
          },
          await listGroups(db),
        );
        const progress = startProgress({
          label: 'scenario',
          total: prepared.definition.monteCarlo.draws,
          unit: 'draws',
          quiet: ctx.quiet,
        });
        const result = await runScenarioOnData({
          ...services,
          definition: prepared.definition,
          dataset: opts.dataset,
          onProgress: (done) => progress.update(done),
        });
        progress.done(`${result.products.length} products, ${result.bindingProducts.length} binding`);
        // The run is marked with what it read: the trade dataset and the IO table.
        const marking = joinMarkings([
          publicMarking,
          await getDatasetMarking(db, result.provenance.trade.dataset),
          ...(result.provenance.ioTable
            ? [await getDatasetMarking(db, result.provenance.ioTable.dataset)]
            : []),
        ]);
        const scenario = await createScenario(db, {
          definition: prepared.definition,
          text: prepared.scenarioText,
          marking,
          userId: null,
        });
        const run = await createRun(db, {
          scenarioId: scenario.id,
          version: 1,
          dataset: opts.dataset,
          marking,
          userId: null,
        });
        await finishRun(db, run.id, result, marking);
        const saved = await createExercise(db, {
          design: prepared.design,
          injects: injectsFromRun(prepared, result, run.id, marking, runLabels(ctx.dataDir, result)),
          marking,
          status: 'ready',
          scenarioId: scenario.id,
          baselineRunId: run.id,
          userId: null,
        });
        await announceSaved(ctx, saved.id, facilitator, 'exercise.create', marking, {
          template: opts.template,
          scenario: scenario.id,
          run: run.id,
        });
      },
    );

  exercise
    .command('import')
    .description('import an exercise from an OpenAEV scenario export (.json, or the starter-pack .zip)')
    .argument('<file>', 'the export')
    .option('--facilitator <username>', 'the user who facilitates it')
    .action(async (file: string, opts: { facilitator?: string }, cmd: Command) => {
      const ctx = context(cmd);
      ctx.assertStateAvailable();
      const db = await ctx.state();
      const facilitator = opts.facilitator ? await findUserByUsername(db, opts.facilitator) : undefined;
      const { design, injects } = await readOpenAevFile(path.resolve(file), ctx.dataDir.ensure().tmpDir);
      const saved = await createExercise(db, {
        design,
        injects,
        marking: publicMarking,
        status: 'ready',
        userId: null,
      });
      await announceSaved(ctx, saved.id, facilitator, 'exercise.import', publicMarking, {
        ...design.imported,
      });
    });

  exercise
    .command('list')
    .description('exercises in the application state, newest first')
    .action(async (_opts: object, cmd: Command) => {
      const ctx = context(cmd);
      const result = await listExercises(await ctx.state(), undefined);
      ctx.print(result, () =>
        result.items.length === 0
          ? '演習はありません / No exercises (create one with chokepoint exercise create --template ID).'
          : renderTable(
              ['id', 'title', 'status', 'marking', 'updated'],
              result.items.map((x) => [
                x.id,
                `${x.title.ja} / ${x.title.en}`,
                x.status,
                levelName(x.marking),
                x.updatedAt.slice(0, 19),
              ]),
            ),
      );
    });

  exercise
    .command('report')
    .description(
      'the after-action report for one recipient organisation (redacted to what it may read, with the marking on every page)',
    )
    .argument('<id>', 'exercise id')
    .requiredOption('--format <pdf|xlsx|docx>', 'file format (docx: to edit)')
    .requiredOption('--org <id>', 'the recipient organisation')
    .requiredOption('--out <file>', 'write the report here')
    .option('--lang <ja|en>', 'language', 'ja')
    .option('--session <id>', 'the session reported on (default: the newest)')
    .action(
      async (
        id: string,
        opts: { format: string; org: string; out: string; lang: string; session?: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const format = opts.format;
        if (format !== 'pdf' && format !== 'xlsx' && format !== 'docx')
          throw new ChokepointError('bad_input', `--format must be pdf, xlsx or docx, not "${format}"`, {
            field: 'format',
          });
        const language = lang(opts.lang);
        const db = await ctx.state();
        const record = await getExercise(db, id);
        if (!record) throw notFound(`no exercise ${id}`, { field: 'id' });
        const org = await getOrganisation(db, opts.org).catch(() => {
          throw notFound(`no organisation ${opts.org}`, { field: 'org' });
        });
        const sessions = await listSessions(db, id);
        const session = opts.session ? sessions.find((s) => s.id === opts.session) : sessions[0];
        if (opts.session && !session)
          throw notFound(`exercise ${id} has no session ${opts.session}`, { field: 'session' });
        const { report, file } = await renderExerciseReport(
          db,
          {
            exercise: record,
            session: session ?? null,
            organisation: { id: org.id, name: org.name },
            // The operator reports for the organisation at its sharing cap, without compartments.
            readers: [{ level: org.sharingCap, compartments: [], organisationId: org.id }],
            lang: language,
          },
          format,
        );
        writeFileAtomic(path.resolve(opts.out), file);
        await appendAudit(db, {
          actorId: null,
          actor: 'cli',
          action: 'export',
          objectType: 'exercise-report',
          objectId: id,
          marking: report.marking,
          details: { org: org.id, format, session: session?.id ?? null },
        });
        ctx.print(
          { written: opts.out, marking: report.marking, markingText: report.markingText },
          () => `${report.title}\n区分 / marking: ${report.markingText}\n出力 / written: ${opts.out}`,
        );
      },
    );
};
