/** What a figure came from, as the provenance footer states it: dataset, version, method, thresholds. */
export interface Provenance {
  dataset: string;
  title?: string;
  publisher?: string;
  version: string;
  method?: string;
  thresholds?: Record<string, unknown>;
  synthetic?: boolean;
}
