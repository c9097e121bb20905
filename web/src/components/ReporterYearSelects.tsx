import { ReporterSelect } from './ReporterSelect.tsx';
import { YearSelect } from './YearSelect.tsx';
import type { Reference } from '../reference/useReference.ts';

/** The labels of the reporter and year pickers, in the page's words. */
export interface ReporterYearLabels {
  reporter: string;
  groups: string;
  countries: string;
  year: string;
}

/** The labels a feature's texts give the pickers (its `reporter`, `groups`, `countries` and `year`). */
export function pickerLabels(t: (key: string) => string, feature: string): ReporterYearLabels {
  const label = (name: string) => t(`${feature}.${name}`);
  return {
    reporter: label('reporter'),
    groups: label('groups'),
    countries: label('countries'),
    year: label('year'),
  };
}

/** A reporter (country or group) and a year, as the labelled selects a page's toolbar shows side by side. */
export function ReporterYearSelects({
  className,
  labels,
  reference,
  years,
  reporter,
  year,
  lang,
  onReporter,
  onYear,
}: {
  className: string;
  labels: ReporterYearLabels;
  reference: Pick<Reference, 'countries' | 'groups'>;
  /** In the order offered. */
  years: readonly number[];
  reporter: string;
  year: number;
  lang: 'ja' | 'en';
  onReporter: (reporter: string) => void;
  onYear: (year: number) => void;
}) {
  return (
    <div className={className}>
      <ReporterSelect
        label={labels.reporter}
        groupsLabel={labels.groups}
        countriesLabel={labels.countries}
        value={reporter}
        onChange={onReporter}
        countries={reference.countries}
        groups={reference.groups}
        lang={lang}
      />{' '}
      <YearSelect label={labels.year} years={years} value={year} onChange={onYear} />
    </div>
  );
}
