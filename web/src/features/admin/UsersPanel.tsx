import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { levels, roles, splitList, type User } from './types.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { Options } from '../../components/Options.tsx';

const fields = [
  'username',
  'displayName',
  'organisationId',
  'role',
  'clearanceLevel',
  'compartments',
  'permissions',
];

/** Users: list, add (role, clearance, compartments, organisation), disable/enable, reset password (shown once). */
export function UsersPanel() {
  const { t, i18n } = useTranslation();
  const userList = useGet('GET /api/users');
  const orgList = useGet('GET /api/organisations');
  const users = userList.data?.items ?? [];
  const orgs = orgList.data?.items ?? [];
  const [oneTime, setOneTime] = useState<{ username: string; password: string } | null>(null);
  const form = useFormError(fields);
  const rowError = useFormError([], userList.error, orgList.error);
  const load = () => {
    userList.reload();
    orgList.reload();
  };
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    form.clear();
    const displayName = String(data.get('displayName') ?? '').trim();
    post('POST /api/users', {
      body: {
        username: String(data.get('username') ?? '').trim(),
        ...(displayName ? { displayName } : {}),
        organisationId: String(data.get('organisationId') ?? ''),
        role: String(data.get('role') ?? ''),
        clearanceLevel: Number(data.get('clearanceLevel')),
        compartments: splitList(String(data.get('compartments') ?? '')),
        permissions: data.get('declassify') ? ['declassify'] : [],
      },
    })
      .then((r) => {
        setOneTime({ username: r.user.username, password: r.password });
        element.reset();
        load();
      })
      .catch(form.set);
  };
  const act = (user: User, action: 'disable' | 'enable' | 'reset-password') => {
    rowError.clear();
    post(`POST /api/users/{id}/${action}`, { path: { id: user.id } })
      .then((r) => {
        if ('password' in r) setOneTime({ username: r.user.username, password: r.password });
        load();
      })
      .catch(rowError.set);
  };
  const described = (name: string) => ({
    'aria-describedby': `user-${name}-error`,
    'aria-invalid': form.at(name) ? true : undefined,
  });

  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.tabs.users')}</h2>
      {oneTime && (
        <div className="one-time" role="status" data-testid="one-time-password">
          <p>{t('admin.users.oneTime', { username: oneTime.username })}</p>
          <code>{oneTime.password}</code>{' '}
          <button type="button" onClick={() => setOneTime(null)}>
            {t('admin.users.dismiss')}
          </button>
        </div>
      )}
      <form className="form-box" onSubmit={add} aria-labelledby="add-user-heading">
        <h3 id="add-user-heading">{t('admin.users.add')}</h3>
        <label>
          {t('admin.users.username')}{' '}
          <input name="username" required maxLength={64} {...described('username')} />
          <FieldError id="user-username-error" message={form.at('username')} />
        </label>
        <label>
          {t('admin.users.displayName')}{' '}
          <input name="displayName" maxLength={200} {...described('displayName')} />
          <FieldError id="user-displayName-error" message={form.at('displayName')} />
        </label>
        <label>
          {t('admin.users.organisation')}{' '}
          <select name="organisationId" required {...described('organisationId')}>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.id})
              </option>
            ))}
          </select>
          <FieldError id="user-organisationId-error" message={form.at('organisationId')} />
        </label>
        <label>
          {t('admin.users.role')}{' '}
          <select name="role" defaultValue="viewer" {...described('role')}>
            <Options values={roles} label={(r) => t(`auth.roles.${r}`)} />
          </select>
          <FieldError id="user-role-error" message={form.at('role')} />
        </label>
        <label>
          {t('admin.users.level')}{' '}
          <select name="clearanceLevel" defaultValue="0" {...described('clearanceLevel')}>
            <Options values={levels} label={(l) => `${l} ${t(`marking.level.${l}`)}`} />
          </select>
          <FieldError id="user-clearanceLevel-error" message={form.at('clearanceLevel')} />
        </label>
        <label>
          {t('admin.users.compartments')}{' '}
          <input
            name="compartments"
            placeholder={t('admin.users.compartmentsHelp')}
            {...described('compartments')}
          />
          <FieldError id="user-compartments-error" message={form.at('compartments')} />
        </label>
        <label>
          <input type="checkbox" name="declassify" {...described('permissions')} />{' '}
          {t('admin.users.declassify')}
          <FieldError id="user-permissions-error" message={form.at('permissions')} />
        </label>
        <button type="submit">{t('admin.users.add')}</button>
        {form.general && (
          <p role="alert" className="error">
            {form.general}
          </p>
        )}
      </form>
      {rowError.general && (
        <p role="alert" className="error">
          {rowError.general}
        </p>
      )}
      <table data-testid="users">
        <TableHead
          columns={['username', 'organisation', 'role', 'level', 'compartments', 'status', 'actions'].map(
            (c) => t(`admin.users.${c}`),
          )}
        />
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.username}>
              <th scope="row">
                {u.username}
                {u.displayName !== u.username && <small> {u.displayName}</small>}
              </th>
              <td>{u.organisationId}</td>
              <td>{t(`auth.roles.${u.role}`)}</td>
              <td>
                {u.clearanceLevel} {t(`marking.level.${u.clearanceLevel}`)}
              </td>
              <td>{u.compartments.join(', ')}</td>
              <td>
                {u.disabled ? t('admin.users.disabled') : t('admin.users.active')}
                {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
                  <> · {t('admin.users.locked', { until: date.format(new Date(u.lockedUntil)) })}</>
                )}
              </td>
              <td>
                <button type="button" onClick={() => act(u, u.disabled ? 'enable' : 'disable')}>
                  {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                </button>{' '}
                <button type="button" onClick={() => act(u, 'reset-password')}>
                  {t('admin.users.reset')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
