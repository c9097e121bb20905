import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { renderTable } from '../table.ts';
import {
  assertOwnershipFormat,
  importOwnership,
  ownersOfEntity,
  ownershipDatasetId,
  ownershipFormats,
  readOwnershipInputs,
} from '../../data/ownership/index.ts';

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);

/**
 * `chokepoint ownership import FILE --format bods|gleif|csv` and `chokepoint ownership owners ENTITY_ID`:
 * ownership chains for investment screening (docs/investment.md).
 */
export const registerOwnership: RegisterCommand = (program, context) => {
  const ownership = program.command('ownership').description('ownership chains / 資本関係（最終的な所有者）');
  ownership
    .command('import')
    .description(
      'import ownership links: BODS JSON (0.1–0.4), GLEIF API responses or golden-copy XML (files or folders), or a CSV with owner_id,owner_name,owner_country,owned_id,owned_name,owned_country,share (0–1)',
    )
    .argument('<files...>', 'the file (GLEIF: files or folders, read together)')
    .requiredOption('--format <format>', ownershipFormats.join(' | '))
    .option('--dataset <id>', 'dataset id', ownershipDatasetId)
    .action((files: string[], opts: { format: string; dataset: string }, cmd: Command) => {
      const ctx = context(cmd);
      const format = assertOwnershipFormat(opts.format);
      const result = importOwnership({
        dataDir: ctx.dataDir,
        format,
        inputs: files.flatMap(readOwnershipInputs),
        datasetId: opts.dataset,
      });
      for (const w of result.warnings) ctx.info(`warning: ${w}`);
      ctx.print(
        {
          dataset: result.entry.id,
          version: result.entry.version,
          format,
          entities: result.entities,
          links: result.links,
          warnings: result.warnings,
        },
        () =>
          `Imported ${result.entities} entities and ${result.links} links (${format}) into dataset ${result.entry.id}; ${result.warnings.length} warning(s) / 警告 ${result.warnings.length} 件`,
      );
    });
  ownership
    .command('owners')
    .description(
      'ultimate owners of an entity (id or identifier such as an LEI or company number) with effective shares, paths, cycles and flags (state, country of concern, screening-list hits)',
    )
    .argument('<entity>', 'entity id or identifier')
    .option('--dataset <id>', 'ownership dataset id', ownershipDatasetId)
    .option('--max-paths <n>', 'at most n paths listed', '500')
    .action(async (entity: string, opts: { dataset: string; maxPaths: string }, cmd: Command) => {
      const ctx = context(cmd);
      const report = await ownersOfEntity(ctx.catalog, await ctx.state(), entity, {
        dataset: opts.dataset,
        maxPaths: Number(opts.maxPaths),
      });
      ctx.print(report, () => {
        const flagText = (id: string) => {
          const f = report.chain.find((c) => c.id === id)!.flags;
          return [
            f.state ? 'state/国家' : '',
            f.stateControlled ? 'state-controlled/国家支配' : '',
            f.countryOfConcern ? 'concern/懸念国' : '',
            f.listHits.length ? `list hits/リスト該当 ${f.listHits.length}` : '',
          ]
            .filter(Boolean)
            .join(', ');
        };
        const entityFlags = flagText(report.entity.id);
        const lines = [
          `${report.entity.name} (${report.entity.id}, ${report.entity.country ?? '—'}${entityFlags ? `; ${entityFlags}` : ''}): ${report.owners.length} ultimate owner(s) / 最終的な所有者`,
          renderTable(
            ['owner / 所有者', 'country', 'effective / 実効', 'attributed / 支配含む', 'paths', 'flags'],
            report.owners.map((o) => [
              o.name,
              o.country,
              percent(o.effectiveShare) + (o.viaControl ? ' *' : ''),
              percent(o.attributedShare),
              o.paths.length,
              flagText(o.id),
            ]),
          ),
        ];
        if (report.owners.some((o) => o.viaControl))
          lines.push('* through a link of control without a known share / 持分不明の支配関係を経由');
        for (const c of report.cycles)
          lines.push(
            `cycle / 循環出資: ${c.ids.join(' ⇄ ')}${c.closed ? ' (closed: no outside owner / 外部株主なし)' : ''}`,
          );
        if (!report.screened) lines.push('no screening list present: chain not screened / 審査リストなし');
        return lines.join('\n');
      });
    });
};
