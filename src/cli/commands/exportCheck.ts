import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { lang } from './zones.ts';
import { checkExport, exportCheck } from '../../data/exportControl/index.ts';

const verdictText = {
  'licence-required': { ja: '許可が必要', en: 'licence required' },
  'catch-all-check': { ja: 'キャッチオール確認が必要', en: 'catch-all check required' },
  'no-requirement': { ja: '許可不要', en: 'no requirement' },
} as const;

/** `chokepoint export-check`: item × destination × end user × end use → licence / catch-all check / none. */
export const registerExportCheck: RegisterCommand = (program, context) => {
  program
    .command('export-check')
    .description(
      'check an export under the Export Trade Control Order: item (HS code or 別表第一 entry) × destination × end user (screened) × end use; needs the jp-export-control-order dataset',
    )
    .requiredOption('--item <hs-or-entry>', 'HS code (e.g. 8542.31) or 別表第一 entry (e.g. 2(12), 3の2, 16)')
    .requiredOption('--destination <iso3>', 'destination country (ISO3, ISO2 or name)')
    .option('--end-user <name>', 'end user (需要者), screened against the lists present')
    .option('--end-use <use>', 'wmd | conventional | civil')
    .option('--informed <kind...>', 'METI inform notice received: wmd and/or conventional')
    .option('--list <ids...>', 'screen the end user against these lists only')
    .option('--exporter <name>', 'the exporter, matched against the exporter an inform notice names')
    .option('--on <date>', 'the day checked, YYYY-MM-DD (default today): which inform notices are in force')
    .option('--no-informs', 'do not read the recorded inform notices (does not open the state database)')
    .option('--lang <ja|en>', 'language', 'en')
    .action(
      async (
        opts: {
          item: string;
          destination: string;
          endUser?: string;
          endUse?: string;
          informed?: string[];
          list?: string[];
          exporter?: string;
          on?: string;
          informs: boolean;
          lang?: string;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const l = lang(opts.lang);
        const request = {
          item: opts.item,
          destination: opts.destination,
          endUser: opts.endUser,
          endUse: opts.endUse,
          informed: opts.informed && {
            wmd: opts.informed.includes('wmd'),
            conventional: opts.informed.includes('conventional'),
          },
          lists: opts.list,
          exporter: opts.exporter,
          on: opts.on,
        };
        const result = opts.informs
          ? await checkExport(await ctx.state(), ctx.catalog, request)
          : exportCheck(ctx.catalog, request);
        ctx.print(result, () =>
          [
            `${l === 'ja' ? '判定' : 'verdict'}: ${verdictText[result.verdict][l]} (${result.verdict})`,
            ...result.reasons.map((r) => `- [${r.rule}] ${r[l]}\n    ${r.citation}`),
            ...result.informs.map(
              (i) =>
                `${l === 'ja' ? 'インフォーム' : 'inform'} ${i.reference} (${i.kind}, ${i.issuedOn}): ${i.why.map((w) => w[l]).join('; ')}`,
            ),
            ...(result.questions.length
              ? [
                  l === 'ja' ? '確認事項:' : 'questions to answer:',
                  ...result.questions.map((q) => `- ${q[l]} (${q.source})`),
                ]
              : []),
            `${l === 'ja' ? '出典' : 'sources'}: ${result.sources.map((s) => `${s.dataset} ${s.version}`).join(', ')}`,
          ].join('\n'),
        );
      },
    );
};
