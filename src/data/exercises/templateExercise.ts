import YAML from 'yaml';
import type { AnalyticsStore } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import { findTradeDataset, tradeSource } from '../catalog/tradeDataset.ts';
import { countryByBaciCode, countryByIso3, resolveCountry } from '../reference/countries.ts';
import type { CountryGroup } from '../reference/groups.ts';
import { parseScenarioText } from '../scenario/scenarioFile.ts';
import type { ScenarioRunOutput } from '../scenario/scenarioService.ts';
import { productLabelsFor } from '../screening/productLabels.ts';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';
import type { ScenarioDefinition } from '../../analysis/scenario/definition.ts';
import type { Bilingual, ExerciseDesign, Inject } from '../../analysis/exercises/exercise.ts';
import { generateInjects, sortInjects } from '../../analysis/exercises/injectGeneration.ts';
import {
  findTemplate,
  fromTemplate,
  templateInjects,
  templateTeams,
  exerciseTemplates,
  type ExerciseTemplate,
  type SupplierChoice,
  type TemplateParameters,
} from '../../analysis/exercises/templates.ts';

/**
 * A new exercise from a template in one step (PRODUCT.md §3.5): the template's parameters are completed from the
 * trade data (base year, the supplier the shock falls on), its scenario is written as a scenario file and
 * validated, and — once that scenario has run (the CLI at once, the server as a background run) — the injects are
 * generated from the run and joined with the template's own.
 */
export interface TemplateRequest {
  template: string;
  reporter: string;
  year?: number;
  /** HS6 codes; the template's defaults when empty. */
  products?: string[];
  /** Annual trade dataset (default: findTradeDataset's choice). */
  dataset?: string;
}

export interface PreparedExercise {
  template: ExerciseTemplate;
  params: TemplateParameters;
  design: ExerciseDesign;
  /** The scenario as a file (YAML), saved with the exercise so that it can be run again and edited. */
  scenarioText: string;
  definition: ScenarioDefinition;
}

export interface TemplateServices {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
}

export function templateOrFail(id: string): ExerciseTemplate {
  const t = findTemplate(id);
  if (!t)
    throw new ChokepointError(
      'not_found',
      `no exercise template "${id}" (templates: ${exerciseTemplates.map((x) => x.id).join(', ')})`,
      { field: 'template' },
    );
  return t;
}

/**
 * The supplier a template's shock falls on: the largest exporter of the products in the base year — to the
 * world or to the reporter (choice.scope) — other than the reporter, among the members of `choice.among` when any
 * of them exports the products (else among all). Its share is of the products' exports in that scope.
 */
export async function largestSupplier(
  store: AnalyticsStore,
  source: string,
  input: {
    year: number;
    reporterCodes: number[];
    products: string[];
    choice: SupplierChoice;
    among: number[];
  },
): Promise<{ code: number; value: number; share: number } | undefined> {
  const reporter = input.reporterCodes.map((c) => String(Math.trunc(c))).join(', ');
  const products = input.products.map(sqlString).join(', ');
  const to = input.choice.scope === 'reporter' ? `AND j IN (${reporter})` : '';
  const rows = await store.query<{ i: number; v: number; total: number }>(
    `SELECT i, sum(v) AS v, sum(sum(v)) OVER () AS total FROM ${source}
      WHERE t = $1 AND k IN (${products}) ${to} AND i NOT IN (${reporter}) GROUP BY i ORDER BY v DESC, i`,
    [input.year],
  );
  if (!rows.length) return undefined;
  const among = new Set(input.among);
  const pick = rows.find((r) => among.has(Number(r.i))) ?? rows[0];
  return { code: Number(pick.i), value: Number(pick.v), share: Number(pick.v) / Number(pick.total) };
}

export async function prepareTemplateExercise(
  services: TemplateServices,
  request: TemplateRequest,
  groups?: readonly CountryGroup[],
): Promise<PreparedExercise> {
  const template = templateOrFail(request.template);
  const reporter = resolveCountry(request.reporter);
  if (!reporter)
    throw new ChokepointError(
      'bad_input',
      `unknown reporter "${request.reporter}" (an ISO3 code such as JPN)`,
      {
        field: 'reporter',
      },
    );
  const products = request.products?.length ? request.products : template.defaultProducts;
  products.forEach((p, i) => {
    if (!/^[0-9]{6}$/.test(p))
      throw new ChokepointError('bad_input', `"${p}" is not an HS6 code (six digits)`, { field: `hs[${i}]` });
  });
  const entry = findTradeDataset(services.catalog, request.dataset);
  const year = request.year ?? (entry.years?.length ? Math.max(...entry.years) : undefined);
  if (year !== undefined && entry.years?.length && !entry.years.includes(year))
    throw new ChokepointError(
      'bad_input',
      `no trade data for ${year} (years present: ${entry.years.join(', ')})`,
      {
        field: 'year',
      },
    );
  let supplier: TemplateParameters['supplier'] = null;
  if (template.supplier) {
    if (year === undefined)
      throw new ChokepointError('bad_input', 'give the base year (--year)', { field: 'year' });
    const among = template.supplier.among
      ? (groups?.find((g) => g.id === template.supplier!.among)?.members ?? []).flatMap(
          (iso3) => countryByIso3(iso3)?.baciCodes ?? [],
        )
      : [];
    const found = await largestSupplier(services.analytics, tradeSource(services.dataDir, entry), {
      year,
      reporterCodes: reporter.baciCodes,
      products,
      choice: template.supplier,
      among,
    });
    const country = found && countryByBaciCode(found.code);
    if (!found || !country)
      throw new ChokepointError(
        'no_data',
        `no exporter of ${products.join(', ')} ${template.supplier.scope === 'reporter' ? `to ${reporter.iso3} ` : ''}in ${year} in ${entry.id}`,
        { field: 'hs' },
      );
    supplier = { iso3: country.iso3, en: country.en, ja: country.ja, share: found.share };
  }
  const params: TemplateParameters = { reporter: reporter.iso3, year: year ?? null, products, supplier };
  const { scenario, design } = fromTemplate(template, params);
  const scenarioText = `# Generated by chokepoint from the exercise template ${template.id}\n${YAML.stringify(scenario)}`;
  return {
    template,
    params,
    design,
    scenarioText,
    definition: parseScenarioText(scenarioText, undefined, groups),
  };
}

/** Product names (HS nomenclature, en/ja) of the products a run reports, when the nomenclature is imported. */
export function runLabels(dataDir: DataDir, run: ScenarioRunOutput): Record<string, Bilingual> {
  const labels = productLabelsFor(dataDir);
  const out: Record<string, Bilingual> = {};
  if (!labels) return out;
  for (const p of run.products) {
    const l = labels.label(p.product, 'HS17');
    if (l) out[p.product] = { ja: l.ja || l.en, en: l.en || l.ja };
  }
  return out;
}

/** The injects of a template exercise: generated from its run, then the template's own, in timeline order. */
export function injectsFromRun(
  prepared: Pick<PreparedExercise, 'template' | 'params' | 'definition'>,
  run: ScenarioRunOutput,
  runId: string | null,
  runMarking: Marking,
  labels: Record<string, Bilingual> = {},
): Inject[] {
  const generated = generateInjects(run, {
    runId,
    marking: runMarking,
    yenPerUsd: prepared.definition.propagation.exchangeRate,
    teams: templateTeams,
    labels,
  });
  return sortInjects([
    ...generated,
    ...templateInjects(prepared.template, prepared.params, generated, runMarking),
  ]);
}
