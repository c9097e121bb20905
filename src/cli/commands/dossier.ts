import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { writeDocumentFiles } from '../documentFiles.ts';
import { buildDossier } from '../../data/tech/index.ts';
import { assessmentOptions, lang, techServices, zoneRequest, type ZoneCliOptions } from './zones.ts';

/** `chokepoint dossier <entry> --lang ja|en --pdf FILE [--xlsx FILE]`: the dossier of a critical good or technology. */
export const registerDossier: RegisterCommand = (program, context) => {
  assessmentOptions(
    program
      .command('dossier')
      .description(
        'dossier of a critical good or technology (zone, indicators, screen, chokepoints, measures) as PDF and/or XLSX, with its marking on every page',
      )
      .argument(
        '<entry>',
        'entry id, e.g. semiconductors, critical-minerals, tech-semiconductors (see chokepoint zones)',
      ),
  )
    .option('--lang <ja|en>', 'language of the dossier', 'ja')
    .option('--pdf <file>', 'write the PDF here')
    .option('--xlsx <file>', 'write the XLSX here')
    .action(async (entry: string, opts: ZoneCliOptions & { pdf?: string; xlsx?: string }, cmd: Command) => {
      const ctx = context(cmd);
      if (!opts.pdf && !opts.xlsx && !ctx.json)
        throw new ChokepointError(
          'bad_input',
          'give --pdf FILE and/or --xlsx FILE (or --json for the dossier content)',
          { field: 'pdf' },
        );
      const dossier = await buildDossier(await techServices(ctx), {
        ...zoneRequest(opts),
        entry,
        lang: lang(opts.lang),
      });
      const written = await writeDocumentFiles(dossier, opts);
      ctx.print(
        ctx.json ? { ...dossier, written } : dossier,
        () => `${dossier.title}\nmarking: ${dossier.markingText}\nwritten: ${written.join(', ')}`,
      );
    });
};
