import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import { ChokepointError } from '../../errors.ts';
import { renderTable } from '../table.ts';
import { intOption } from './tech.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import { appendAudit, normalizeMarking } from '../../data/security/index.ts';
import {
  addVex,
  cyclonedxWithAttestation,
  findFramework,
  getAssessment,
  getSbom,
  readSbomFile,
  saveSbom,
  sbomComponents,
  sbomDependencies,
  sbomVulnerabilities,
} from '../../data/cyber/index.ts';
import { scoreAssessment } from '../../analysis/cyber/starScore.ts';

/** `chokepoint sbom …`: import SBOMs (CycloneDX, SPDX), list their vulnerabilities, attach VEX, export CycloneDX. */
export const registerSbom: RegisterCommand = (program, context) => {
  const sbom = program
    .command('sbom')
    .description('SBOMs: import, vulnerabilities, VEX, CycloneDX export / SBOM の取込み・脆弱性');

  sbom
    .command('import')
    .description('import a CycloneDX 1.2–1.6 (JSON/XML) or SPDX 2.2/2.3/3.0 JSON file')
    .argument('<file>')
    .option('--name <name>', 'name shown for the SBOM (default: the product it describes)')
    .option('--org <id>', 'the organisation (supplier) whose product it is')
    .option('--level <0-3>', 'marking level (default 0, public)')
    .option('--compartments <list>', 'marking compartments, separated by commas')
    .action(
      async (
        file: string,
        opts: { name?: string; org?: string; level?: string; compartments?: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const doc = readSbomFile(file);
        const marking: Marking = normalizeMarking({
          level: (intOption(opts.level, 'level', 0, 3) ?? 0) as Marking['level'],
          compartments: opts.compartments
            ? opts.compartments
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
          releasableTo: null,
        });
        const db = await ctx.state();
        const saved = await saveSbom(db, doc, {
          name: opts.name,
          organisationId: opts.org ?? null,
          marking,
          userId: null,
        });
        await appendAudit(db, {
          actorId: null,
          actor: 'cli',
          action: 'create',
          objectType: 'sbom',
          objectId: saved.id,
          marking,
          details: {
            file: path.basename(file),
            format: `${doc.format} ${doc.specVersion}`,
            components: doc.components.length,
          },
        });
        for (const w of doc.warnings.slice(0, 20))
          ctx.info(`warning: ${path.basename(file)} ${w.pointer}: ${w.message}`);
        if (doc.warnings.length > 20) ctx.info(`… and ${doc.warnings.length - 20} more warnings (in --json)`);
        ctx.print(
          { ...saved, vex: doc.vex.length },
          () =>
            `Imported SBOM ${saved.id}: ${saved.name} (${doc.format} ${doc.specVersion}, ${saved.componentCount} components, ` +
            `${doc.dependencies.length} dependency entries, ${doc.vex.length} VEX statements, ${doc.warnings.length} warnings) / SBOM を取り込みました`,
        );
      },
    );

  sbom
    .command('vulns')
    .description(
      'vulnerabilities of a stored SBOM from the imported OSV database, with KEV flags and VEX applied',
    )
    .argument('<sbom-id>')
    .option('--all', 'also list rows a VEX statement marks not_affected or fixed')
    .action(async (id: string, opts: { all?: boolean }, cmd: Command) => {
      const ctx = context(cmd);
      const report = await sbomVulnerabilities({
        db: await ctx.state(),
        dataDir: ctx.dataDir,
        catalog: ctx.catalog,
        sbomId: id,
      });
      const rows = report.vulnerabilities.filter((v) => opts.all || !v.suppressed);
      for (const u of report.unchecked.slice(0, 10)) ctx.info(`not checked: ${u.component} (${u.reason})`);
      if (report.unchecked.length > 10)
        ctx.info(`… ${report.unchecked.length - 10} more components not checked`);
      if (report.withdrawn.length)
        ctx.info(
          `${report.withdrawn.length} withdrawn records matched and are not listed: ${report.withdrawn.map((w) => w.vulnId).join(', ')}`,
        );
      if (!report.kev)
        ctx.info('no KEV catalog imported: kev is false for every row (chokepoint kev import FILE)');
      ctx.print(
        rows.map((v) => ({
          component: v.component,
          purl: v.purl,
          version: v.version,
          vulnId: v.vulnId,
          severity: v.severity,
          kev: v.kev,
          fixedIn: v.fixedIn,
          aliases: v.aliases,
          ...(opts.all ? { suppressed: v.suppressed, vex: v.vex?.status ?? null } : {}),
        })),
        () =>
          rows.length === 0
            ? `No known vulnerability in ${report.componentsChecked} checked components (OSV ${report.osv.version}, ${report.osv.records} records)`
            : renderTable(
                ['component', 'version', 'vulnerability', 'severity', 'KEV', 'fixed in', 'VEX'],
                rows.map((v) => [
                  v.component,
                  v.version,
                  v.vulnId,
                  v.severity ?? '',
                  v.kev ? 'KEV' : '',
                  v.fixedIn.join(' '),
                  v.vex?.status ?? '',
                ]),
              ),
      );
    });

  sbom
    .command('vex')
    .description('attach the VEX statements of a CycloneDX file to a stored SBOM')
    .argument('<sbom-id>')
    .argument('<file>')
    .action(async (id: string, file: string, _o: unknown, cmd: Command) => {
      const ctx = context(cmd);
      const doc = readSbomFile(file);
      if (doc.vex.length === 0)
        throw new ChokepointError(
          'bad_file',
          'the file holds no VEX statement (vulnerabilities[].analysis.state)',
          { file: path.basename(file) },
        );
      const db = await ctx.state();
      const target = await getSbom(db, id);
      if (!target) throw new ChokepointError('not_found', `no SBOM ${id}`, { field: 'sbom' });
      const n = await addVex(db, id, doc.vex, path.basename(file));
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'update',
        objectType: 'sbom',
        objectId: id,
        marking: target.marking,
        details: { vex: n, file: path.basename(file) },
      });
      ctx.print({ sbom: id, added: n }, () => `Added ${n} VEX statements to SBOM ${id}`);
    });

  sbom
    .command('export')
    .description(
      'write a stored SBOM as CycloneDX 1.6 JSON, optionally with a ★ assessment as an attestation',
    )
    .argument('<sbom-id>')
    .requiredOption('--out <file>', 'where to write the CycloneDX JSON')
    .option('--assessment <id>', 'attach this self-assessment (declarations/attestations)')
    .action(async (id: string, opts: { out: string; assessment?: string }, cmd: Command) => {
      const ctx = context(cmd);
      const db = await ctx.state();
      const target = await getSbom(db, id);
      if (!target) throw new ChokepointError('not_found', `no SBOM ${id}`, { field: 'sbom' });
      let attached: Parameters<typeof cyclonedxWithAttestation>[0]['assessment'];
      let marking = target.marking;
      if (opts.assessment) {
        const a = await getAssessment(db, opts.assessment);
        if (!a)
          throw new ChokepointError('not_found', `no assessment ${opts.assessment}`, { field: 'assessment' });
        const f = await findFramework(db, a.frameworkId);
        if (!f)
          throw new ChokepointError('not_found', `no catalogue ${a.frameworkId}`, { field: 'framework' });
        const answers = Object.fromEntries(a.answers.map((x) => [x.requirementId, x]));
        attached = {
          id: a.id,
          organisationId: a.organisationId,
          framework: f.framework,
          score: scoreAssessment(f.framework, answers),
          answers,
        };
        marking = normalizeMarking({
          level: Math.max(marking.level, a.marking.level) as Marking['level'],
          compartments: [...marking.compartments, ...a.marking.compartments],
          releasableTo: marking.releasableTo ?? a.marking.releasableTo,
        });
      }
      const bom = cyclonedxWithAttestation({
        sbom: target,
        components: await sbomComponents(db, id),
        dependencies: await sbomDependencies(db, id),
        marking: marking ?? publicMarking,
        assessment: attached,
      });
      fs.writeFileSync(opts.out, JSON.stringify(bom, null, 2));
      await appendAudit(db, {
        actorId: null,
        actor: 'cli',
        action: 'export',
        objectType: 'sbom',
        objectId: id,
        marking,
        details: { assessment: opts.assessment ?? null },
      });
      ctx.print(
        { file: opts.out, marking },
        () => `Wrote ${opts.out} (CycloneDX 1.6${attached ? ', with the ★ attestation' : ''})`,
      );
    });
};
