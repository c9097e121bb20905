import type { ScenarioRunOutput } from './scenarioService.ts';

/** A scenario run's product table as CSV, for the export of a finished run. */
function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The product table of a result as CSV, each row carrying the trade dataset and version it came from. */
export function resultCsv(result: ScenarioRunOutput): string {
  const p = result.provenance.trade;
  const header = [
    'product',
    'imports_kusd',
    'lost_kusd',
    'lost_p5',
    'lost_p95',
    'replaced_kusd',
    'replaced_p5',
    'replaced_p95',
    'unmet_kusd',
    'unmet_p5',
    'unmet_p95',
    'tts_months',
    'ttr_months',
    'binding',
    'binding_probability',
    'dataset',
    'dataset_version',
    'synthetic',
  ];
  const rows = result.products.map((x) => [
    x.product,
    x.imports,
    x.lost.value,
    x.lost.p5,
    x.lost.p95,
    x.replaced.value,
    x.replaced.p5,
    x.replaced.p95,
    x.unmet.value,
    x.unmet.p5,
    x.unmet.p95,
    x.timeToSurvive.value,
    x.timeToRecover.value,
    x.binding,
    x.bindingProbability,
    p.dataset,
    p.version,
    p.synthetic,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
