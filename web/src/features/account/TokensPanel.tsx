import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { TableHead } from '../../components/TableHead.tsx';

type ApiToken = ApiResponse<'GET /api/tokens'>['items'][number];

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
      <h2 id="tokens-heading">{t('account.tokens.title')}</h2>
      <p>{t('account.tokens.help')}</p>
      {secret && (
        <div className="one-time" role="status">
          <p>{t('account.tokens.secret', { name: secret.name })}</p>
          <code>{secret.secret}</code>{' '}
          <button type="button" onClick={() => setSecret(null)}>
            {t('account.tokens.dismiss')}
          </button>
        </div>
      )}
      <form className="form-box" onSubmit={create}>
        <label>
          {t('account.tokens.name')}{' '}
          <input
            name="name"
            required
            maxLength={100}
            aria-describedby="token-name-error"
            aria-invalid={form.at('name') ? true : undefined}
          />
          <FieldError id="token-name-error" message={form.at('name')} />
        </label>{' '}
        <button type="submit">{t('account.tokens.create')}</button>
        {form.general && (
          <p role="alert" className="error">
            {form.general}
          </p>
        )}
      </form>
      {tokens.length === 0 ? (
        <p>{t('account.tokens.none')}</p>
      ) : (
        <table>
          <TableHead
            columns={[
              t('account.tokens.name'),
              t('account.tokens.created'),
              t('account.tokens.lastUsed'),
              t('account.tokens.actions'),
            ]}
          />
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.name}</th>
                <td>{date.format(new Date(k.createdAt))}</td>
                <td>{k.lastUsedAt ? date.format(new Date(k.lastUsedAt)) : t('account.tokens.never')}</td>
                <td>
                  {k.revoked ? (
                    t('account.tokens.revoked')
                  ) : (
                    <button type="button" onClick={() => revoke(k)}>
                      {t('account.tokens.revoke')}
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
