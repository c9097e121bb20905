import { useId, useState, type FormEvent } from 'react';
import { CaseLink } from './KeepAsCase.tsx';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { href } from '../../router/router.ts';

const kinds = ['overseas-factory', 'technology-transfer', 'licensing', 'joint-venture'] as const;
const fields = ['company', 'technology', 'item', 'destination', 'counterparty', 'plannedOn'] as const;

/**
 * A prior report (事前報告) of an overseas factory, technology transfer, licence or joint venture: checked on arrival
 * and opened as a case, where it is reviewed. The reports are the cases of kind prior-report.
 */
export function PriorReportPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [opened, setOpened] = useState<string | null>(null);
  const error = useFormError([...fields, 'kind', 'description']);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    error.clear();
    post('POST /api/export-control/prior-reports', {
      body: {
        kind: String(data.get('kind')) as (typeof kinds)[number],
        company: text('company') ?? '',
        technology: text('technology') ?? '',
        item: text('item'),
        destination: text('destination') ?? '',
        counterparty: text('counterparty'),
        plannedOn: text('plannedOn'),
        description: text('description'),
      },
    })
      .then((c) => setOpened(c.id))
      .catch(error.set);
  };
  return (
    <div>
      <h3>{t('ec.prior.title')}</h3>
      <p>{t('ec.prior.intro')}</p>
      <p>
        <a href={href(['export-control', 'cases'], { kind: 'prior-report' })}>{t('ec.prior.all')}</a>
      </p>
      <form onSubmit={submit} aria-label={t('ec.prior.title')} className="form-row">
        <label>
          {t('ec.prior.fields.kind')}
          <select name="kind" defaultValue="technology-transfer">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`ec.prior.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {fields.map((f) => (
          <span key={f}>
            <label>
              {t(`ec.prior.fields.${f}`)}
              <input
                name={f}
                type={f === 'plannedOn' ? 'date' : 'text'}
                required={f === 'company' || f === 'technology' || f === 'destination'}
                maxLength={f === 'item' ? 40 : 300}
                aria-describedby={`${id}-${f}`}
              />
            </label>
            <FieldError id={`${id}-${f}`} message={error.at(f)} />
          </span>
        ))}
        <label className="block">
          {t('ec.prior.fields.description')}
          <textarea name="description" maxLength={8000} rows={3} />
        </label>
        {error.general && (
          <p role="alert" className="error">
            {error.general}
          </p>
        )}
        <button type="submit">{t('ec.prior.submit')}</button>
      </form>
      {opened && (
        <p role="status">
          {t('ec.prior.opened')} <CaseLink id={opened} />
        </p>
      )}
    </div>
  );
}
