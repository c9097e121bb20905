import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, put } from '../../api/client.ts';
import { editedCodes } from './goodRisks.ts';
import type { CriticalGood, CriticalHsCode, HsMatch } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { Options } from '../../components/Options.tsx';

const matches: HsMatch[] = ['exact', 'approximate', 'input'];

/** An analyst edits a good's HS6 products (PUT /api/critical-goods/{id}) or puts the default back (reset). */
export function HsCodeEditor({
  good,
  onSaved,
  onClose,
}: {
  good: CriticalGood;
  onSaved: (g: CriticalGood) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<CriticalHsCode[]>(good.hs.map((c) => ({ ...c })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (n: number, change: Partial<CriticalHsCode>) =>
    setRows(rows.map((r, i) => (i === n ? { ...r, ...change } : r)));
  const run = (request: Promise<CriticalGood>) => {
    setBusy(true);
    setError(null);
    request
      .then((g) => {
        onSaved(g);
        onClose();
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const save = () =>
    run(put('PUT /api/critical-goods/{id}', { path: { id: good.id }, body: { hs: editedCodes(rows) } }));
  const reset = () => run(post('POST /api/critical-goods/{id}/reset', { path: { id: good.id } }));
  return (
    <form
      className="hs-editor"
      aria-label={`${t('critical.edit')}: ${good.ja} / ${good.en}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <table>
        <TableHead
          columns={[
            t('critical.col.hs6'),
            t('critical.col.match'),
            t('critical.col.codeNote'),
            <span className="visually-hidden">{t('critical.remove')}</span>,
          ]}
        />
        <tbody>
          {rows.map((r, n) => (
            <tr key={n}>
              <td>
                <label className="visually-hidden" htmlFor={`hs-${good.id}-${n}`}>
                  {t('critical.col.hs6')} {n + 1}
                </label>
                <input
                  id={`hs-${good.id}-${n}`}
                  value={r.hs6}
                  size={7}
                  inputMode="numeric"
                  onChange={(e) => set(n, { hs6: e.target.value })}
                />
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`match-${good.id}-${n}`}>
                  {t('critical.col.match')} {n + 1}
                </label>
                <select
                  id={`match-${good.id}-${n}`}
                  value={r.match}
                  onChange={(e) => set(n, { match: e.target.value as HsMatch })}
                >
                  <Options values={matches} label={(m) => t(`critical.match.${m}`)} />
                </select>
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`note-${good.id}-${n}`}>
                  {t('critical.col.codeNote')} {n + 1}
                </label>
                <input
                  id={`note-${good.id}-${n}`}
                  value={r.note}
                  size={40}
                  onChange={(e) => set(n, { note: e.target.value })}
                />
              </td>
              <td>
                <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== n))}>
                  {t('critical.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={() => setRows([...rows, { hs6: '', match: 'exact', note: '' }])}>
          {t('critical.addCode')}
        </button>{' '}
        <button type="submit" disabled={busy}>
          {t('critical.save')}
        </button>{' '}
        <button type="button" disabled={busy} onClick={reset}>
          {t('critical.reset')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('critical.cancel')}
        </button>
      </p>
      {error && <p role="alert">{t('critical.error', { message: error })}</p>}
    </form>
  );
}
