import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { parseLevel } from './users.ts';
import { appendAudit } from '../../data/security/index.ts';
import {
  checkHs6,
  concentrationOf,
  decideProposal,
  hiddenTierEstimate,
  importSubmission,
  listProposals,
  loadNetwork,
  spofOf,
  SubmissionProblems,
  templateCsv,
  templateXlsx,
  type SubmissionSummary,
  type TemplateLanguage,
  saveSubmission,
} from '../../data/network/index.ts';
import { syntheticSubmissionRows, syntheticSupplyNetwork } from '../../data/synth/index.ts';
import { ensureOrganisation } from '../../data/security/index.ts';
import type { StateDb } from '../../data/state/index.ts';
import { screenServices } from './screen.ts';

/**
 * `chokepoint network …` (issue 24, docs/network.md): submission templates, importing a company's submission
 * (every problem by sheet, row and column; nothing stored unless there is none), single points of failure, hidden
 * concentration and the uncertain supplier matches. The CLI is the operator of the machine: it sees the ministry
 * view; its reads and changes are audited as actor "cli".
 */
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function parseShare(text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v) || v < 0 || v > 1)
    throw new ChokepointError('bad_input', '--min-share must be a number from 0 to 1', {
      field: 'min-share',
    });
  return v;
}

/** The audit entry of a submission stored from the command line. */
async function auditSubmission(db: StateDb, submission: SubmissionSummary, details: Record<string, unknown>) {
  await appendAudit(db, {
    actorId: null,
    actor: 'cli',
    action: 'network.submit',
    objectType: 'network_submission',
    objectId: submission.id,
    marking: submission.marking,
    details: { organisation: submission.organisationId, suppliers: submission.supplierCount, ...details },
  });
}

export const registerNetwork: RegisterCommand = (program, context) => {
  const network = program
    .command('network')
    .description(
      'firm-level supply-chain structure: submissions, single points of failure, hidden concentration',
    );

  network
    .command('template')
    .description(
      'write the empty submission template (XLSX or CSV by the file extension) / 提出様式を書き出す',
    )
    .option('--lang <lang>', 'ja | en', 'ja')
    .requiredOption('--out <file>', 'FILE.xlsx or FILE.csv')
    .action(async (opts: { lang: string; out: string }, cmd: Command) => {
      const ctx = context(cmd);
      if (opts.lang !== 'ja' && opts.lang !== 'en')
        throw new ChokepointError('bad_input', '--lang must be ja or en', { field: 'lang' });
      const lang = opts.lang as TemplateLanguage;
      const csv = opts.out.toLowerCase().endsWith('.csv');
      if (!csv && !opts.out.toLowerCase().endsWith('.xlsx'))
        throw new ChokepointError('bad_input', '--out must end in .xlsx or .csv', { field: 'out' });
      fs.writeFileSync(opts.out, csv ? templateCsv(lang) : await templateXlsx(lang));
      ctx.print({ file: opts.out, lang, format: csv ? 'csv' : 'xlsx' }, () => `wrote ${opts.out}`);
    });

  network
    .command('import <file>')
    .description("import a company's submission (CSV or XLSX) / 企業の提出を取り込む")
    .requiredOption('--org <id>', 'the submitting organisation')
    .option('--level <level>', 'marking level 0–3 (default 1 取扱注意)', '1')
    .option('--compartment <name...>', 'marking compartments')
    .action(
      async (file: string, opts: { org: string; level: string; compartment?: string[] }, cmd: Command) => {
        const ctx = context(cmd);
        if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
        const db = await ctx.state();
        const marking = {
          level: parseLevel(opts.level, 'level'),
          compartments: opts.compartment ?? [],
          releasableTo: null,
        };
        try {
          const saved = await importSubmission(db, {
            organisationId: opts.org,
            content: fs.readFileSync(file),
            fileName: path.basename(file),
            marking,
            submittedBy: 'cli',
          });
          await auditSubmission(db, saved.submission, { ...saved.matches });
          ctx.print(
            { ok: true, ...saved },
            () =>
              `imported ${saved.submission.id} for ${opts.org}: ${saved.submission.productCount} products, ${saved.submission.siteCount} sites, ${saved.submission.supplierCount} supplier lines; ` +
              `${saved.matches.joined} matched to known suppliers, ${saved.matches.created} new, ${saved.matches.proposed} to confirm`,
          );
        } catch (error) {
          if (!(error instanceof SubmissionProblems)) throw error;
          ctx.print({ ok: false, problems: error.problems }, () =>
            renderTable(
              ['sheet', 'row', 'column', 'problem', '内容'],
              error.problems.map((p) => [p.sheet, String(p.row), p.column, p.message, p.messageJa]),
            ),
          );
          throw error;
        }
      },
    );

  network
    .command('spof')
    .description('single points of failure of a product / 単一障害点')
    .requiredOption('--hs <code>', 'HS6 code, e.g. 850511')
    .option('--min-share <share>', 'smallest cut of known supply to list, 0–1', '0.2')
    .action(async (opts: { hs: string; minShare: string }, cmd: Command) => {
      const ctx = context(cmd);
      const hs = checkHs6(opts.hs);
      const minShare = parseShare(opts.minShare);
      const db = await ctx.state();
      const report = spofOf(await loadNetwork(db, {}), hs, minShare);
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'read',
        objectType: 'network_analysis',
        objectId: 'spof',
        marking: report.marking,
        details: { hs, minShare, view: report.view },
      });
      ctx.print(report, () =>
        [
          `${hs}: ${report.companies ?? 0} companies, known supply ${report.known?.toFixed(2) ?? '–'}${report.synthetic ? ' (SYNTHETIC data)' : ''}`,
          renderTable(
            ['kind', 'name', 'country', 'cut 途絶', 'direct', 'tier 2+', 'companies'],
            report.rows.map((r) => [
              r.kind,
              r.name,
              r.country ?? '',
              pct(r.cut),
              pct(r.direct),
              pct(r.indirect),
              String(r.companies),
            ]),
          ),
        ].join('\n'),
      );
    });

  network
    .command('concentration')
    .description('hidden concentration of a product at tier 2+ / 隠れた集中')
    .requiredOption('--hs <code>', 'HS6 code')
    .action(async (opts: { hs: string }, cmd: Command) => {
      const ctx = context(cmd);
      const hs = checkHs6(opts.hs);
      const db = await ctx.state();
      const report = concentrationOf(await loadNetwork(db, {}), hs);
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'read',
        objectType: 'network_analysis',
        objectId: 'concentration',
        marking: report.marking,
        details: { hs, view: report.view },
      });
      ctx.print(report, () =>
        renderTable(
          ['kind', 'name', 'companies', 'tier-1s', 'dependence'],
          report.rows.map((r) => [r.kind, r.name, String(r.companies), String(r.tier1s), pct(r.dependence)]),
        ),
      );
    });

  network
    .command('synth')
    .description('store a SYNTHETIC multi-company network for demos (organisations synth-co-…) / 合成データ')
    .option('--companies <n>', 'companies', '40')
    .option('--products <n>', 'products (HS6 codes)', '12')
    .option('--seed <n>', 'seed', '24')
    .action(async (opts: { companies: string; products: string; seed: string }, cmd: Command) => {
      const ctx = context(cmd);
      const companies = Number(opts.companies);
      if (!Number.isInteger(companies) || companies < 1 || companies > 2000)
        throw new ChokepointError('bad_input', '--companies must be 1–2000', { field: 'companies' });
      const db = await ctx.state();
      const cols = syntheticSupplyNetwork({
        companies,
        products: Number(opts.products),
        seed: Number(opts.seed),
      });
      const marking = { level: 1 as const, compartments: [], releasableTo: null };
      let lines = 0;
      for (const [c, suppliers] of syntheticSubmissionRows(cols)) {
        const org = cols.companies[c];
        await ensureOrganisation(db, {
          id: org,
          name: `SYNTHETIC company ${org}`,
          kind: 'company',
          sharingCap: 1,
        });
        const saved = await saveSubmission(db, {
          organisationId: org,
          sourceName: `SYNTHETIC seed ${opts.seed}`,
          rows: { products: [], sites: [], suppliers },
          marking,
          submittedBy: 'cli',
          synthetic: true,
        });
        lines += suppliers.length;
        await auditSubmission(db, saved.submission, { synthetic: true });
      }
      const summary = { synthetic: true, companies, lines, products: cols.products };
      ctx.print(
        summary,
        () =>
          `stored SYNTHETIC submissions of ${companies} companies (${lines} supplier lines); products: ${cols.products.join(' ')}`,
      );
    });

  network
    .command('tiers')
    .description('estimate tier-2 countries behind a tier-1 supplier in a country / 隠れた階層の推計')
    .requiredOption('--hs <code>', 'HS6 code of the product')
    .requiredOption('--country <iso3>', "the tier-1 supplier's country")
    .requiredOption('--year <year>', 'trade year')
    .option('--dataset <id>', 'annual trade dataset')
    .action(async (opts: { hs: string; country: string; year: string; dataset?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const hs = checkHs6(opts.hs);
      const db = await ctx.state();
      const estimate = await hiddenTierEstimate(await screenServices(ctx), await loadNetwork(db, {}), {
        hs,
        country: opts.country,
        year: Number(opts.year),
        dataset: opts.dataset,
      });
      ctx.print(estimate, () =>
        [
          estimate.basis.en,
          estimate.basis.ja,
          `inputs: ${estimate.inputs.map((i) => `${i.hs6} ${pct(i.weight)}${i.withTrade ? '' : ' (no trade data)'}`).join(', ') || '—'}`,
          renderTable(
            ['country', 'estimated share'],
            estimate.countries.slice(0, 15).map((c) => [c.country, pct(c.share)]),
          ),
        ].join('\n'),
      );
    });

  network
    .command('proposals')
    .description('uncertain supplier matches; --confirm/--reject ID decides one / 名寄せ候補')
    .option('--confirm <id>', 'merge the two entities')
    .option('--reject <id>', 'keep them apart')
    .action(async (opts: { confirm?: string; reject?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const id = opts.confirm ?? opts.reject;
      if (id) {
        const decided = await decideProposal(db, id, opts.confirm ? 'confirmed' : 'rejected', 'cli');
        await appendAudit(db, {
          actorId: null,
          actor: 'cli',
          action: `network.match.${opts.confirm ? 'confirm' : 'reject'}`,
          objectType: 'network_match_proposal',
          objectId: decided.id,
          marking: decided.marking,
          details: { from: decided.fromEntity.id, to: decided.toEntity.id, score: decided.score },
        });
        ctx.print(decided, () => `${decided.status}: ${decided.fromEntity.name} → ${decided.toEntity.name}`);
        return;
      }
      const items = await listProposals(db, { status: 'proposed' });
      ctx.print(items, () =>
        renderTable(
          ['id', 'line', 'candidate', 'score'],
          items.map((p) => [
            p.id,
            `${p.fromEntity.name} (${p.fromEntity.country})`,
            `${p.toEntity.name} (${p.toEntity.country})`,
            p.score.toFixed(2),
          ]),
        ),
      );
    });
};
