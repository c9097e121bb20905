import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGetWhen } from '../../api/useGet.ts';
import { MarkingBadge, MarkingCell } from '../../components/MarkingBadge.tsx';
import { formatDate, formatShare } from '../../format/numbers.ts';
import { href, navigate } from '../../router/router.ts';
import { RunView } from './RunView.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import { namesOf } from './scenarioForm.ts';
import { TableHead } from '../../components/TableHead.tsx';

/**
 * One scenario: the editor (a new version on save), its versions, runs (start one, poll its progress, pick runs
 * to compare) and the selected run's results. `#/scenarios/<id>?version=N&run=R`.
 */
export function ScenarioDetail({ id, version, runId }: { id?: string; version?: number; runId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const path = { id: id ?? '' };
  const record = useGetWhen(id !== undefined, 'GET /api/scenarios/{id}', { path, query: { version } });
  const runList = useGetWhen(id !== undefined, 'GET /api/scenarios/{id}/runs', { path });
  const scenario = record.data;
  const runs = runList.data?.items ?? [];
  const [startError, setStartError] = useState<string | null>(null);
  const error = startError ?? record.error?.message ?? runList.error?.message ?? null;
  // Saves so far: a save shows the editor anew on the version it made.
  const [saves, setSaves] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [starting, setStarting] = useState(false);
  const loadRuns = runList.reload;

  if (!id)
    return (
      <section aria-labelledby="scenario-heading">
        <h3 id="scenario-heading">{t('scenarios.new')}</h3>
        <ScenarioEditor onSaved={(saved) => navigate(['scenarios', saved.id])} />
      </section>
    );
  if (error && !scenario) return <p role="alert">{t('error.load', { message: error })}</p>;
  if (!scenario) return <p role="status">{t('app.loading')}</p>;

  const shownVersion = version ?? scenario.version;
  // The names of the version shown (the scenario's own names are the current version's).
  const names = namesOf(scenario.text);
  const shownName =
    lang === 'ja'
      ? (names.nameJa ?? scenario.nameJa ?? names.name ?? scenario.name)
      : (names.name ?? scenario.name);
  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      const run = await post('POST /api/scenarios/{id}/runs', {
        path: { id },
        body: { version: shownVersion },
      });
      loadRuns();
      navigate(['scenarios', id], { version, run: run.id });
    } catch (e) {
      setStartError((e as Error).message);
    } finally {
      setStarting(false);
    }
  };
  const doneRuns = new Set(runs.filter((r) => r.status === 'done').map((r) => r.id));
  const toCompare = selected.filter((r) => doneRuns.has(r));

  return (
    <section aria-labelledby="scenario-heading">
      <p>
        <a href={href(['scenarios'])}>← {t('scenarios.all')}</a>
      </p>
      <h3 id="scenario-heading">
        {shownName} <small>{t('scenarios.versionN', { version: shownVersion })}</small>{' '}
        <MarkingBadge marking={scenario.marking} />
      </h3>
      {error && <p role="alert">{error}</p>}
      <nav aria-label={t('scenarios.versions')} className="versions">
        {t('scenarios.versions')}:{' '}
        {scenario.versions.map((v) => (
          <a
            key={v.version}
            href={href(['scenarios', id], { version: v.version })}
            aria-current={v.version === shownVersion ? 'page' : undefined}
            title={formatDate(v.createdAt, i18n.language)}
          >
            {t('scenarios.versionN', { version: v.version })}
          </a>
        ))}
      </nav>
      <ScenarioEditor
        key={`${id}-${shownVersion}-${saves}`}
        scenarioId={id}
        text={scenario.text}
        marking={scenario.marking}
        onSaved={() => {
          setSaves((n) => n + 1);
          record.reload();
          runList.reload();
          navigate(['scenarios', id]);
        }}
      />
      <p>
        <button type="button" onClick={() => void start()} disabled={starting} data-testid="run-button">
          {t('scenarios.run', { version: shownVersion })}
        </button>
      </p>
      {runId && <RunView runId={runId} onFinished={loadRuns} />}
      <section aria-labelledby="runs-heading">
        <h3 id="runs-heading">{t('scenarios.runs')}</h3>
        {runs.length === 0 ? (
          <p>{t('scenarios.noRuns')}</p>
        ) : (
          <>
            <table data-testid="run-list">
              <TableHead
                columns={[
                  t('scenarios.select'),
                  t('scenarios.started'),
                  t('scenarios.version'),
                  t('scenarios.statusCol'),
                  t('marking.title'),
                  t('scenarios.open'),
                ]}
              />
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id} data-run={r.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t('scenarios.select')} ${r.id.slice(0, 8)}`}
                        disabled={r.status !== 'done'}
                        checked={selected.includes(r.id)}
                        onChange={(e) =>
                          setSelected((s) => (e.target.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))
                        }
                      />
                    </td>
                    <td>{new Date(r.createdAt).toLocaleString(i18n.language)}</td>
                    <td className="num">{r.version}</td>
                    <td>
                      {t(`scenarios.status.${r.status}`)}
                      {r.status === 'running' && ` ${formatShare(r.progress, i18n.language)}`}
                    </td>
                    <MarkingCell marking={r.marking} />
                    <td>
                      <a href={href(['scenarios', id], { version, run: r.id })}>
                        {t('scenarios.open')} {r.id.slice(0, 8)}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <button
                type="button"
                disabled={toCompare.length < 2}
                onClick={() => navigate(['scenarios', 'compare'], { runs: toCompare.join(',') })}
              >
                {t('scenarios.compareSelected')}
              </button>{' '}
              {toCompare.length < 2 && <small>{t('scenarios.pickTwo')}</small>}
            </p>
          </>
        )}
      </section>
    </section>
  );
}
