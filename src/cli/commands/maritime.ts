import type { Command } from 'commander';
import type { RegisterCommand } from './index.ts';
import type { CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { ChokepointError } from '../../errors.ts';
import {
  importSeaNetwork,
  openSeaRoutes,
  parseClosures,
  routeBetweenPorts,
} from '../../data/maritime/index.ts';
import { passageById, passageDefinitions } from '../../analysis/maritime/passages.ts';
import { defaultSpeedKnots } from '../../analysis/maritime/route.ts';
import { registerExposure } from './maritimeExposure.ts';

/**
 * Maritime chokepoints (PRODUCT.md §3.3): `chokepoint route`, `chokepoint exposure`, `chokepoint chokepoints`,
 * and `chokepoint data import maritime`.
 */
export const registerMaritime: RegisterCommand = (program, context) => {
  registerImport(program, context);

  program
    .command('route')
    .description(
      'shortest sea route between two ports (UN/LOCODE), its distance, days at sea and the passages crossed',
    )
    .requiredOption('--from <port>', 'UN/LOCODE of the port of loading, e.g. JPYOK')
    .requiredOption('--to <port>', 'UN/LOCODE of the port of discharge, e.g. NLRTM')
    .option(
      '--closed <passages>',
      `passages to close, comma-separated, or "all" (${passageDefinitions.map((p) => p.id).join(', ')})`,
    )
    .option('--open <passages>', 'open passages closed by default (northwest)')
    .option(
      '--speed-knots <knots>',
      `speed for the days at sea (default ${defaultSpeedKnots} knots)`,
      String(defaultSpeedKnots),
    )
    .option('--geometry', 'include the route line (GeoJSON) in --json output')
    .action(
      (
        opts: {
          from: string;
          to: string;
          closed?: string;
          open?: string;
          speedKnots: string;
          geometry?: boolean;
        },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const routes = openSeaRoutes(ctx.dataDir, ctx.catalog);
        const speed = Number(opts.speedKnots);
        if (!Number.isFinite(speed))
          throw new ChokepointError('bad_input', `--speed-knots must be a number, not "${opts.speedKnots}"`, {
            field: 'speed-knots',
          });
        const result = routeBetweenPorts(
          routes,
          opts.from,
          opts.to,
          parseClosures(opts.closed, opts.open),
          speed,
        );
        const output =
          opts.geometry || !result.route
            ? result
            : { ...result, route: { ...result.route, geometry: undefined } };
        ctx.print(output, () => {
          const head = `${result.from.code} ${result.from.name} → ${result.to.code} ${result.to.name}   closed: ${result.closed.join(', ') || 'none'}`;
          if (!result.route) return `${head}\n${result.message}`;
          const names = result.passages.map((id) => `${passageById(id)?.en ?? id} (${id})`);
          return [
            head,
            `${result.distanceKm!.toLocaleString('en-US')} km, ${result.days!.toFixed(1)} days at ${result.speedKnots} knots`,
            `passages: ${names.join(' → ') || 'none'}`,
            `source: ${result.provenance.title}, version ${result.provenance.version}`,
          ].join('\n');
        });
      },
    );

  program
    .command('chokepoints')
    .description('the passages a route can cross, with Japanese and English names and how each is detected')
    .action((_opts, cmd: Command) => {
      const ctx = context(cmd);
      const items = passageDefinitions.map((p) => ({ ...p }));
      ctx.print({ items }, () =>
        renderTable(
          ['id', 'en', 'ja', 'detected by', 'PortWatch'],
          items.map((p) => [
            p.id,
            p.en,
            p.ja,
            p.kind === 'geofence'
              ? `geofence ${p.radiusKm} km`
              : p.gate
                ? 'network tag + gate'
                : 'network tag',
            p.portwatchId ?? '',
          ]),
        ),
      );
    });

  registerExposure(program, context);
};

/** Adds `maritime` under `data import` (created here if the data module has not made it). */
function registerImport(program: Command, context: (cmd: Command) => CliContext): void {
  const data = program.commands.find((c) => c.name() === 'data') ?? program.command('data');
  const imports =
    data.commands.find((c) => c.name() === 'import') ??
    data.command('import').description('import a downloaded file into the data directory');
  imports
    .command('maritime')
    .description(
      'the shipping-lane network, ports and PortWatch chokepoints → the routable sea network (dataset sea-network); ' +
        'from a folder, the three files, or the fetched maritime dataset',
    )
    .argument('[dir]', 'folder with marnet_searoute.geojson, ports.geojson, chokepoints_portwatch.csv')
    .option('--network <file>', 'the lane network GeoJSON (instead of a folder)')
    .option('--ports <file>', 'the ports GeoJSON')
    .option('--chokepoints <file>', 'the PortWatch chokepoint CSV')
    .option(
      '--from-dataset <id>',
      'a fetched dataset holding the three files (default: the newest of kind maritime)',
    )
    .action(
      (
        dir: string | undefined,
        opts: { network?: string; ports?: string; chokepoints?: string; fromDataset?: string },
        cmd: Command,
      ) => {
        const ctx = context(cmd);
        const explicit = opts.network || opts.ports || opts.chokepoints;
        if (explicit && !(opts.network && opts.ports && opts.chokepoints)) {
          throw new ChokepointError(
            'bad_input',
            'give all three of --network, --ports and --chokepoints (or a folder)',
            { field: 'network' },
          );
        }
        let source;
        if (!dir && !explicit) {
          source = opts.fromDataset
            ? ctx.catalog.get(opts.fromDataset)
            : ctx.catalog
                .ofKind('maritime')
                .find(
                  (e) => e.files.some((f) => f.name === 'marnet_searoute.geojson') && !e.extra?.versionKey,
                );
          if (!source) {
            throw new ChokepointError(
              'not_found',
              'no maritime files: give a folder, the three files, or fetch them first (chokepoint data fetch maritime)',
              { field: 'dir' },
            );
          }
        }
        ctx.info('building the sea network …');
        const entry = importSeaNetwork({
          catalog: ctx.catalog,
          dataDir: ctx.dataDir,
          dir,
          inputs: explicit
            ? { network: opts.network!, ports: opts.ports!, chokepoints: opts.chokepoints! }
            : undefined,
          source,
        });
        ctx.print(
          entry,
          () =>
            `${entry.title}\ndataset ${entry.id}  version ${entry.version}  stored in ${entry.path}\n${entry.notes}`,
        );
      },
    );
}
