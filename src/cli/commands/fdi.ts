import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { lang } from './zones.ts';
import { ChokepointError } from '../../errors.ts';
import { assessCase, checkFdiCase, loadFeftaRules } from '../../data/investment/index.ts';
import { parseJsonText } from '../../data/ownership/index.ts';

const procedure = {
  prior: { en: 'prior notification', ja: '事前届出' },
  post: { en: 'post-transaction report', ja: '事後報告' },
  none: { en: 'no procedure', ja: '手続不要' },
};

/** `chokepoint fdi assess CASE.json`: which FEFTA procedure an inward investment needs, and why (docs/investment.md). */
export const registerFdi: RegisterCommand = (program, context) => {
  const fdi = program
    .command('fdi')
    .description('inward investment screening under FEFTA / 対内直接投資審査（外為法）');
  fdi
    .command('assess')
    .description(
      'assess an investment case (JSON: investor, target with JSIC codes, action, commitments, dates): notification prior|post|none, exemption, core sector, deadline and the rule path',
    )
    .argument('<case>', 'the case file (JSON)')
    .option('--rules <file>', 'your edited copy of the FEFTA rules (default: the shipped, cited rules)')
    .option('--lang <ja|en>', 'language of the reasons', 'en')
    .action(async (file: string, opts: { rules?: string; lang?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const l = lang(opts.lang);
      if (!fs.existsSync(file)) throw new ChokepointError('not_found', `no file ${file}`, { file });
      const label = path.basename(file);
      const input = checkFdiCase(parseJsonText(fs.readFileSync(file, 'utf8'), label), label);
      const rules = loadFeftaRules(opts.rules);
      const db = input.investor.ownershipEntity ? await ctx.state() : undefined;
      const report = await assessCase(ctx.catalog, db, rules, input);
      ctx.print(report, () =>
        [
          `${procedure[report.notification][l]}${report.exemption ? ` (${report.exemption === 'general' ? '一般免除' : '包括免除'})` : ''}` +
            `${report.coreSector ? (l === 'ja' ? '・コア業種' : ', core sector') : ''}` +
            `${report.deadline ? `${l === 'ja' ? '・期限 ' : ', deadline '}${report.deadline}` : ''}`,
          ...report.reasons.map((r, i) => `${i + 1}. [${r.rule}] ${r[l]}  — ${r.cite}`),
        ].join('\n'),
      );
    });
};
