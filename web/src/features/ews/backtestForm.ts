/** The backtest form: a monthly dataset, a rule set, optional reporter, products and flow, and a quiet period. */
export interface BacktestForm {
  dataset: string;
  ruleSet: string;
  reporter: string;
  hs: string;
  flow: '' | 'import' | 'export';
  quietFrom: string;
  quietTo: string;
}

export const emptyBacktestForm: BacktestForm = {
  dataset: '',
  ruleSet: 'default',
  reporter: '',
  hs: '',
  flow: '',
  quietFrom: '',
  quietTo: '',
};

/** The POST /api/ews/backtest body: empty fields left out, the reporter upper-cased, a quiet period only whole. */
export function backtestBody(form: BacktestForm): Record<string, string> {
  const body: Record<string, string> = { dataset: form.dataset, ruleSet: form.ruleSet };
  if (form.reporter.trim()) body.reporter = form.reporter.trim().toUpperCase();
  if (form.hs.trim()) body.hs = form.hs.trim();
  if (form.flow) body.flow = form.flow;
  if (form.quietFrom && form.quietTo) {
    body.quietFrom = form.quietFrom;
    body.quietTo = form.quietTo;
  }
  return body;
}
