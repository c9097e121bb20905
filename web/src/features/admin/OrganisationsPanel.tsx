import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { levels, organisationKinds } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { Options } from '../../components/Options.tsx';

const fields = ['id', 'name', 'kind', 'sharingCap'];

/** Organisations (省庁, 企業, 業界団体, 海外パートナー) with their sharing caps; administrators add them. */
export function OrganisationsPanel() {
  const { t } = useTranslation();
  const list = useGet('GET /api/organisations');
  const orgs = list.data?.items ?? [];
  const form = useFormError(fields, list.error);
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    form.clear();
    post('POST /api/organisations', {
      body: {
        id: String(data.get('id') ?? '').trim(),
        name: String(data.get('name') ?? '').trim(),
        kind: String(data.get('kind') ?? ''),
        sharingCap: Number(data.get('sharingCap')),
      },
    })
      .then(() => {
        element.reset();
        list.reload();
      })
      .catch(form.set);
  };
  const described = (name: string) => ({
    'aria-describedby': `org-${name}-error`,
    'aria-invalid': form.at(name) ? true : undefined,
  });
  return (
    <section aria-labelledby="orgs-heading">
      <h2 id="orgs-heading">{t('admin.tabs.organisations')}</h2>
      <form className="form-box" onSubmit={add} aria-labelledby="add-org-heading">
        <h3 id="add-org-heading">{t('admin.orgs.add')}</h3>
        <label>
          {t('admin.orgs.id')} <input name="id" required maxLength={64} {...described('id')} />
          <FieldError id="org-id-error" message={form.at('id')} />
        </label>
        <label>
          {t('admin.orgs.name')} <input name="name" required maxLength={200} {...described('name')} />
          <FieldError id="org-name-error" message={form.at('name')} />
        </label>
        <label>
          {t('admin.orgs.kind')}{' '}
          <select name="kind" {...described('kind')}>
            <Options values={organisationKinds} label={(k) => t(`admin.orgs.kinds.${k}`)} />
          </select>
          <FieldError id="org-kind-error" message={form.at('kind')} />
        </label>
        <label>
          {t('admin.orgs.cap')}{' '}
          <select name="sharingCap" defaultValue="1" {...described('sharingCap')}>
            <Options values={levels} label={(l) => `${l} ${t(`marking.level.${l}`)}`} />
          </select>
          <FieldError id="org-sharingCap-error" message={form.at('sharingCap')} />
        </label>
        <button type="submit">{t('admin.orgs.add')}</button>
        {form.general && (
          <p role="alert" className="error">
            {form.general}
          </p>
        )}
      </form>
      <table data-testid="organisations">
        <TableHead columns={['id', 'name', 'kind', 'capShort'].map((c) => t(`admin.orgs.${c}`))} />
        <tbody>
          {orgs.map((o) => (
            <tr key={o.id} data-org={o.id}>
              <th scope="row">{o.id}</th>
              <td>{o.name}</td>
              <td>{t(`admin.orgs.kinds.${o.kind}`)}</td>
              <td>
                {o.sharingCap} {t(`marking.level.${o.sharingCap}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
