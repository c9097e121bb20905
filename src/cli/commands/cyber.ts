import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { publicMarking } from '../../analysis/marking.ts';
import { answerValues, type Answer } from '../../analysis/cyber/framework.ts';
import { scoreAssessment, ScoringError } from '../../analysis/cyber/starScore.ts';
import { appendAudit } from '../../data/security/index.ts';
import {
  findFramework,
  listFrameworks,
  readFrameworkFile,
  saveFramework,
  shippedFrameworks,
} from '../../data/cyber/index.ts';

/**
 * `chokepoint cyber …`: requirement catalogues (list, import) and scoring an answers file. An answers file is
 * YAML or JSON `{requirementId: answer}` or `{requirementId: {answer, evidence: [..], comment}}` with answers
 * implemented | partial | not_implemented | not_applicable.
 */
export function readAnswersFile(file: string): Record<string, Answer> {
  const label = path.basename(file);
  if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ChokepointError('bad_file', `not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`, {
      file: label,
    });
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new ChokepointError('bad_file', 'an answers file maps requirement ids to answers', { file: label });
  const body =
    'answers' in doc && typeof (doc as { answers: unknown }).answers === 'object'
      ? (doc as { answers: object }).answers
      : doc;
  const out: Record<string, Answer> = {};
  for (const [id, v] of Object.entries(body as Record<string, unknown>)) {
    const a = typeof v === 'string' ? { answer: v } : (v as Record<string, unknown> | null);
    if (!a || !answerValues.includes(a.answer as never))
      throw new ChokepointError('bad_file', `answer must be one of ${answerValues.join(', ')}`, {
        file: label,
        field: id,
      });
    out[id] = {
      answer: a.answer as Answer['answer'],
      ...(Array.isArray(a.evidence) ? { evidence: a.evidence.map(String) } : {}),
      ...(typeof a.comment === 'string' ? { comment: a.comment } : {}),
    };
  }
  return out;
}

export const registerCyber: RegisterCommand = (program, context) => {
  const cyber = program
    .command('cyber')
    .description('cyber self-assessment: catalogues and ★ scoring / サイバー自己評価');

  cyber
    .command('assess')
    .description('score an answers file against a catalogue: level reached, scores per category, gaps')
    .argument('<answers>')
    .requiredOption(
      '--framework <id>',
      'catalogue id (see `cyber frameworks`) or a catalogue file (.yaml/.json)',
    )
    .option('--target <level>', 'level whose gaps to list (default: the next level above the one reached)')
    .action(async (file: string, opts: { framework: string; target?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const framework = /\.(ya?ml|json)$/i.test(opts.framework)
        ? readFrameworkFile(opts.framework)
        : (shippedFrameworks.find((f) => f.id === opts.framework) ??
          (await findFramework(await ctx.state(), opts.framework))?.framework);
      if (!framework)
        throw new ChokepointError(
          'not_found',
          `no catalogue "${opts.framework}" (see chokepoint cyber frameworks)`,
          { field: 'framework' },
        );
      let score;
      try {
        score = scoreAssessment(framework, readAnswersFile(file), { targetLevel: opts.target });
      } catch (error) {
        if (error instanceof ScoringError)
          throw new ChokepointError('bad_input', error.message, {
            file: path.basename(file),
            field: error.field,
          });
        throw error;
      }
      const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
      ctx.print(score, () =>
        [
          `Level reached / 到達レベル: ${score.level ?? 'none / なし'}`,
          renderTable(
            ['category', 'score', 'implemented', 'partial', 'not', 'unanswered', 'n/a'],
            Object.values(score.scores).map((s) =>
              [
                s.name.ja ?? s.name.en ?? s.category,
                pct(s.score),
                s.implemented,
                s.partial,
                s.notImplemented,
                s.unanswered,
                s.notApplicable,
              ].map(String),
            ),
          ),
          score.gaps.length
            ? `Gaps to ${score.targetLevel} / ${score.targetLevel} までの不足 (${score.gaps.length}):`
            : 'No gap / 不足なし',
          ...score.gaps.map(
            (g) =>
              `  ${g.requirement} [${g.level}] ${g.answer}: ${g.text.ja ?? g.text.en ?? ''}${g.measures.length ? ` → ${g.measures.map((m) => m.ja ?? m.en).join('; ')}` : ''}`,
          ),
        ].join('\n'),
      );
    });

  const frameworks = cyber.command('frameworks').description('requirement catalogues: shipped and imported');
  frameworks
    .command('list', { isDefault: true })
    .description('list the catalogues with their levels and what they lack')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const stored =
        ctx.stateIsEmbedded && !fs.existsSync(ctx.dataDir.stateDir)
          ? shippedFrameworks.map((framework) => ({ framework, shipped: true, marking: publicMarking }))
          : await listFrameworks(await ctx.state());
      const rows = stored.map(({ framework: f, shipped, marking }) => ({
        id: f.id,
        title: f.title,
        version: f.version,
        publisher: f.publisher,
        shipped,
        levels: f.levels.map((l) => ({ id: l.id, publishedCount: l.publishedCount ?? null })),
        categories: f.categories.length,
        requirements: f.requirements.length,
        missing: f.missing,
        marking,
      }));
      ctx.print(rows, () =>
        renderTable(
          ['id', 'title', 'levels', 'requirements', 'shipped', 'missing'],
          rows.map((r) => [
            r.id,
            (r.title.ja ?? r.title.en ?? '').slice(0, 50),
            r.levels.map((l) => l.id).join(' '),
            String(r.requirements),
            r.shipped ? 'yes' : 'imported',
            r.missing.length ? `${r.missing.length} items` : '',
          ]),
        ),
      );
    });
  frameworks
    .command('import')
    .description('import a catalogue file (chokepoint format, YAML/JSON) or a CISO Assistant library YAML')
    .argument('<file>')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const framework = readFrameworkFile(file);
      const db = await ctx.state();
      await saveFramework(db, framework, publicMarking, null);
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'create',
        objectType: 'cyber_framework',
        objectId: framework.id,
        marking: publicMarking,
        details: { file: path.basename(file), requirements: framework.requirements.length },
      });
      ctx.print(
        {
          id: framework.id,
          requirements: framework.requirements.length,
          categories: framework.categories.length,
          levels: framework.levels.map((l) => l.id),
        },
        () =>
          `Imported catalogue ${framework.id}: ${framework.requirements.length} requirements in ${framework.categories.length} categories`,
      );
    });
};
