import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JobProgress } from './JobProgress.tsx';
import { useJob } from './useJob.ts';

/** Administrators: generate a SYNTHETIC BACI-format year and import it, as a job with progress. */
export function SynthYear({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { job, error, busy, start } = useJob(onDone);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    start({
      kind: 'synth',
      year: Number(form.get('year')),
      rows: Number(form.get('rows')),
      seed: Number(form.get('seed')),
    });
  };
  const fieldError = (field: string) =>
    error && (error.place.field === field || error.place.field === `/${field}`) ? error.message : null;
  const general = error && !['year', 'rows', 'seed'].some((f) => fieldError(f)) ? error.message : null;
  return (
    <form className="data-job" onSubmit={submit} aria-labelledby="synth-heading">
      <h3 id="synth-heading">{t('home.synth.title')}</h3>
      <p className="note">{t('home.synth.help')}</p>
      {(
        [
          ['year', 2024, 1995, 2100],
          ['rows', 200_000, 1000, 20_000_000],
          ['seed', 1, 0, 2 ** 31 - 1],
        ] as const
      ).map(([name, value, min, max]) => (
        <label key={name}>
          {t(`home.synth.${name}`)}{' '}
          <input
            name={name}
            type="number"
            defaultValue={value}
            min={min}
            max={max}
            required
            aria-invalid={fieldError(name) ? true : undefined}
          />
          {fieldError(name) && <span className="error">{fieldError(name)}</span>}{' '}
        </label>
      ))}
      <button type="submit" disabled={busy}>
        {t('home.synth.button')}
      </button>
      <p role="alert" className="error">
        {general}
      </p>
      <JobProgress job={job} />
    </form>
  );
}
