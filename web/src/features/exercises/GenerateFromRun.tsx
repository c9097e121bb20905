import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet, useGetWhen } from '../../api/useGet.ts';
import { MarkingBadge } from '../../components/MarkingBadge.tsx';
import { formatDate } from '../../format/numbers.ts';
import { ApiErrorText } from './ApiErrorText.tsx';

/**
 * "Generate from the scenario run": pick a saved scenario and one of its finished runs; the server generates the
 * injects from the run (with its figures, provenance and marking) and adds them to the timeline.
 */
export function GenerateFromRun({ exerciseId, onAdded }: { exerciseId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const scenarios = useGet('GET /api/scenarios');
  const [scenarioId, setScenarioId] = useState('');
  const runs = useGetWhen(scenarioId !== '', 'GET /api/scenarios/{id}/runs', { path: { id: scenarioId } });
  const done = (runs.data?.items ?? []).filter((r) => r.status === 'done');
  const [picked, setPicked] = useState('');
  const runId = done.some((r) => r.id === picked) ? picked : (done[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<number | null>(null);

  const generate = async () => {
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const answer = await post('POST /api/exercises/{id}/generated-injects', {
        path: { id: exerciseId },
        body: { runId },
      });
      setAdded(answer.added);
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <section aria-labelledby="generate-heading" className="form-box">
      <h4 id="generate-heading">{t('exercises.designer.generate')}</h4>
      <div className="field">
        <label htmlFor="gen-scenario">{t('exercises.designer.scenario')}</label>
        <select id="gen-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
          <option value="" />
          {(scenarios.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {lang === 'ja' && s.nameJa ? s.nameJa : s.name}
            </option>
          ))}
        </select>
      </div>
      {scenarioId && runs.data && done.length === 0 && <p>{t('exercises.designer.noRuns')}</p>}
      {done.length > 0 && (
        <div className="field">
          <label htmlFor="gen-run">{t('exercises.designer.run')}</label>
          <select id="gen-run" value={runId} onChange={(e) => setPicked(e.target.value)}>
            {done.map((r) => (
              <option key={r.id} value={r.id}>
                v{r.version} · {formatDate(r.finishedAt ?? r.createdAt, i18n.language)}
              </option>
            ))}
          </select>{' '}
          <MarkingBadge marking={done.find((r) => r.id === runId)?.marking} />
        </div>
      )}
      <button type="button" disabled={busy || !runId} onClick={() => void generate()}>
        {t('exercises.designer.generateButton')}
      </button>
      {added !== null && <p role="status">{t('exercises.designer.generated', { count: added })}</p>}
      <ApiErrorText error={error ?? scenarios.error ?? runs.error} />
    </section>
  );
}
