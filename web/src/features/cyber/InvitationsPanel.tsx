import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { useGet } from '../../api/useGet.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { LoadedTable } from './LoadedTable.tsx';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { useFormError } from '../../components/formErrors.ts';
import { href } from '../../router/router.ts';
import { useSignedIn } from '../auth/signedIn.ts';
import { InvitationResponse } from './InvitationResponse.tsx';
import { localized } from './localized.ts';

/** Invitations sent by or to the user's organisation; a buyer invites a supplier, the invited supplier responds. */
export function InvitationsPanel() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const me = useSignedIn();
  const invitations = useGet('GET /api/cyber/invitations');
  const organisations = useGet('GET /api/organisations');
  const frameworks = useGet('GET /api/cyber/frameworks');
  const [busy, setBusy] = useState(false);
  const error = useFormError(
    ['supplier', 'framework', 'requiredLevel', 'message'],
    organisations.error,
    frameworks.error,
  );
  const orgName = (oid: string) => organisations.data?.items.find((o) => o.id === oid)?.name ?? oid;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    error.clear();
    setBusy(true);
    post('POST /api/cyber/invitations', {
      body: {
        supplier: text('supplier') ?? '',
        framework: text('framework') ?? '',
        requiredLevel: text('requiredLevel'),
        message: text('message'),
      },
    })
      .then(invitations.reload)
      .catch(error.set)
      .finally(() => setBusy(false));
  };
  const field = (name: string, input: ReactNode) => (
    <>
      <label>
        {t(`cy.inv.${name}`)}
        {input}
      </label>
      <FieldError id={`${id}-${name}`} message={error.at(name)} />
    </>
  );
  return (
    <div>
      <h3>{t('cy.inv.title')}</h3>
      <LoadedTable
        loaded={invitations}
        none={t('cy.inv.none')}
        testId="cy-invitations"
        columns={[
          t('cy.inv.buyer'),
          t('cy.inv.supplier'),
          t('cy.assess.framework'),
          t('cy.inv.requiredLevel'),
          t('cy.inv.message'),
          t('cy.inv.status'),
          t('cy.marking'),
          t('cy.inv.respond'),
        ]}
        row={(inv) => (
          <tr key={inv.id}>
            <td>{orgName(inv.buyerOrganisationId)}</td>
            <td>{orgName(inv.supplierOrganisationId)}</td>
            <td>{inv.frameworkId}</td>
            <td>{inv.requiredLevel ?? '—'}</td>
            <td>{inv.message ?? '—'}</td>
            <td>{t(`cy.inv.statuses.${inv.status}`)}</td>
            <MarkingCell marking={inv.marking} />
            <td>
              {inv.assessmentId ? (
                <a href={href(['cyber', 'assessment', inv.assessmentId])}>{t('cy.inv.assessment')}</a>
              ) : inv.status === 'open' && me?.organisationId === inv.supplierOrganisationId ? (
                <InvitationResponse invitation={inv} onResponded={invitations.reload} />
              ) : (
                '—'
              )}
            </td>
          </tr>
        )}
      />
      <form onSubmit={submit} className="cy-form" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('cy.inv.send')}</h3>
        {field(
          'supplier',
          <select name="supplier" required aria-describedby={`${id}-supplier`}>
            {organisations.data?.items
              .filter((o) => o.id !== me?.organisationId)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.id})
                </option>
              ))}
          </select>,
        )}
        <label>
          {t('cy.assess.framework')}
          <select name="framework" required aria-describedby={`${id}-framework`}>
            {frameworks.data?.items.map((f) => (
              <option key={f.id} value={f.id}>
                {localized(f.title, i18n.language)} ({f.version})
              </option>
            ))}
          </select>
        </label>
        <FieldError id={`${id}-framework`} message={error.at('framework')} />
        {field(
          'requiredLevel',
          <input name="requiredLevel" maxLength={32} aria-describedby={`${id}-requiredLevel`} />,
        )}
        {field('message', <textarea name="message" maxLength={5000} aria-describedby={`${id}-message`} />)}
        <button type="submit" disabled={busy}>
          {t('cy.inv.sendRun')}
        </button>
        {error.general && <p role="alert">{error.general}</p>}
      </form>
    </div>
  );
}
