import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { useGet } from '../../api/useGet.ts';

type Invitation = ApiResponse<'GET /api/cyber/invitations'>['items'][number];

/**
 * The invited supplier's answer: one of its own assessments against the invitation's catalogue, or a refusal.
 * Answering does not release the assessment: the supplier releases it to the buyer on the assessment's page.
 */
export function InvitationResponse({
  invitation,
  onResponded,
}: {
  invitation: Invitation;
  onResponded: () => void;
}) {
  const { t } = useTranslation();
  const assessments = useGet('GET /api/cyber/assessments', { query: {} });
  const own = assessments.data?.items.filter((a) => a.frameworkId === invitation.frameworkId) ?? [];
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const respond = (body: { assessmentId: string } | { decline: true }) => {
    setError(null);
    post('POST /api/cyber/invitations/{id}/respond', { path: { id: invitation.id }, body })
      .then(onResponded)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const selected = chosen || own[0]?.id || '';
  return (
    <div>
      {own.length > 0 && (
        <>
          <select
            aria-label={t('cy.inv.assessment')}
            value={selected}
            onChange={(e) => setChosen(e.target.value)}
          >
            {own.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>{' '}
          <button type="button" onClick={() => respond({ assessmentId: selected })}>
            {t('cy.inv.answer')}
          </button>{' '}
        </>
      )}
      <button type="button" onClick={() => respond({ decline: true })}>
        {t('cy.inv.decline')}
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
