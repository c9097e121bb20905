import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';

const fields = ['reference', 'kind', 'issuedOn', 'validUntil', 'items', 'destinations', 'endUser'] as const;
const listOf = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Inform notices (インフォーム) the user may read, and a form to record one: METI told the exporter that a licence is
 * needed for these goods, destinations or end user. The transaction check applies the active ones.
 */
export function InformPanel() {
  const { t } = useTranslation();
  const id = useId();
  const informs = useGet('GET /api/export-control/informs');
  const error = useFormError(fields, informs.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    error.clear();
    post('POST /api/export-control/informs', {
      body: {
        reference: text('reference'),
        kind: text('kind') as 'wmd' | 'conventional',
        issuedOn: text('issuedOn'),
        validUntil: text('validUntil') || null,
        items: listOf(text('items')),
        destinations: listOf(text('destinations')),
        endUser: text('endUser') || null,
        notes: text('notes'),
      },
    })
      .then(() => {
        form.reset();
        informs.reload();
      })
      .catch(error.set);
  };
  const input = (name: (typeof fields)[number], props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <>
      <label>
        {t(`ec.inform.fields.${name}`)}
        <input name={name} aria-describedby={`${id}-${name}`} {...props} />
      </label>
      <FieldError id={`${id}-${name}`} message={error.at(name)} />
    </>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="ec-informs">
      <h3 id={`${id}-heading`}>{t('ec.inform.title')}</h3>
      <p>{t('ec.inform.intro')}</p>
      {informs.data && informs.data.items.length === 0 && <p>{t('ec.inform.none')}</p>}
      {informs.data && informs.data.items.length > 0 && (
        <table>
          <TableHead
            columns={[
              t('ec.inform.fields.reference'),
              t('ec.inform.fields.kind'),
              t('ec.inform.fields.issuedOn'),
              t('ec.inform.fields.items'),
              t('ec.inform.fields.destinations'),
              t('ec.inform.fields.endUser'),
              t('ec.inform.status'),
              t('ec.marking'),
            ]}
          />
          <tbody>
            {informs.data.items.map((n) => (
              <tr key={n.id}>
                <td>{n.reference}</td>
                <td>{t(`ec.inform.kinds.${n.kind}`)}</td>
                <td>
                  {n.issuedOn}
                  {n.validUntil ? ` – ${n.validUntil}` : ''}
                </td>
                <td>{n.items.join(', ')}</td>
                <td>{n.destinations.join(', ')}</td>
                <td>{n.endUser ?? '—'}</td>
                <td>{t(`ec.inform.states.${n.status}`)}</td>
                <MarkingCell marking={n.marking} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>{t('ec.inform.record')}</summary>
        <form onSubmit={submit} aria-label={t('ec.inform.record')} className="form-row">
          {input('reference', { required: true, maxLength: 200 })}
          <label>
            {t('ec.inform.fields.kind')}
            <select name="kind" defaultValue="wmd">
              <option value="wmd">{t('ec.inform.kinds.wmd')}</option>
              <option value="conventional">{t('ec.inform.kinds.conventional')}</option>
            </select>
          </label>
          {input('issuedOn', { type: 'date', required: true })}
          {input('validUntil', { type: 'date' })}
          {input('items', { maxLength: 2000, placeholder: '8542.31, 2(12)' })}
          {input('destinations', { maxLength: 2000, placeholder: 'CHN, RUS' })}
          {input('endUser', { maxLength: 500 })}
          <label className="block">
            {t('ec.inform.notes')}
            <textarea name="notes" maxLength={4000} rows={2} />
          </label>
          {error.general && (
            <p role="alert" className="error">
              {error.general}
            </p>
          )}
          <button type="submit">{t('ec.inform.save')}</button>
        </form>
      </details>
    </section>
  );
}
