import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from './FieldError.tsx';
import { useFormError } from './formErrors.ts';
import type { ApiToken } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';

/** The signed-in user's API tokens: create (the secret is shown once), list, revoke. */
export function TokensPanel() {
  const { t, i18n } = useTranslation();
  const list = useGet('GET /api/tokens');
  const tokens = list.data?.items ?? [];
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const form = useFormError(['name'], list.error);
  const load = list.reload;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    form.clear();
    post('POST /api/tokens', { body: { name: String(new FormData(element).get('name') ?? '').trim() } })
      .then((r) => {
        setSecret({ name: r.token.name, secret: r.secret });
        element.reset();
        load();
      })
      .catch(form.set);
  };
  const revoke = (token: ApiToken) => {
    del('DELETE /api/tokens/{id}', { path: { id: token.id } })
      .then(load)
      .catch(form.set);
  };
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('admin.tabs.tokens')}</h2>
      {secret && (
        <div className="one-time" role="status">
          <p>{t('admin.tokens.secret', { name: secret.name })}</p>
          <code>{secret.secret}</code>{' '}
          <button type="button" onClick={() => setSecret(null)}>
            {t('admin.users.dismiss')}
          </button>
        </div>
      )}
      <form className="admin-form" onSubmit={create}>
        <label>
          {t('admin.tokens.name')}{' '}
          <input
            name="name"
            required
            maxLength={100}
            aria-describedby="token-name-error"
            aria-invalid={form.at('name') ? true : undefined}
          />
          <FieldError id="token-name-error" message={form.at('name')} />
        </label>{' '}
        <button type="submit">{t('admin.tokens.create')}</button>
        {form.general && (
          <p role="alert" className="error">
            {form.general}
          </p>
        )}
      </form>
      {tokens.length === 0 ? (
        <p>{t('admin.tokens.none')}</p>
      ) : (
        <table>
          <TableHead
            columns={[
              t('admin.tokens.name'),
              t('admin.tokens.created'),
              t('admin.tokens.lastUsed'),
              t('admin.users.actions'),
            ]}
          />
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.name}</th>
                <td>{date.format(new Date(k.createdAt))}</td>
                <td>{k.lastUsedAt ? date.format(new Date(k.lastUsedAt)) : t('admin.tokens.never')}</td>
                <td>
                  {k.revoked ? (
                    t('admin.tokens.revoked')
                  ) : (
                    <button type="button" onClick={() => revoke(k)}>
                      {t('admin.tokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
