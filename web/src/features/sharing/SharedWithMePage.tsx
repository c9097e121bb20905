import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl, get, post } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useGet } from '../../api/useGet.ts';
import type { ApiResponse } from '../../api/schema.ts';
import { MarkingBadge, MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import type { ViewProps } from '../../views.ts';
import './texts.ts';

type Summary = ApiResponse<'GET /api/shares'>['items'][number];

/** The snapshot's own plain fields (its figures such as totals), shown before the whole snapshot. */
function plainFields(snapshot: unknown): [string, string][] {
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) return [];
  return Object.entries(snapshot as Record<string, unknown>)
    .filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => [k, String(v)]);
}

/**
 * "Shared with me" (issue 24): the results shared with the user or their organisation that their clearance admits
 * (the server filters and counts), one share's snapshot and its marked, watermarked HTML or PDF; and the shares the
 * user sent, which they may revoke.
 */
export function SharedWithMePage(_props: ViewProps) {
  const { t, i18n } = useTranslation();
  const received = useGet('GET /api/shares');
  const sent = useGet('GET /api/shares/sent');
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const share = useApi(openId && `share:${openId}`, (signal) =>
    get('GET /api/shares/{id}', { path: { id: openId! }, signal }),
  );
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const revoke = (id: string) =>
    post('POST /api/shares/{id}/revoke', { path: { id }, body: {} })
      .then(() => sent.reload())
      .catch((e: Error) => setError(e.message));

  const table = (items: Summary[], mine: boolean) =>
    items.length === 0 ? (
      <p>{t('sharing.none')}</p>
    ) : (
      <table>
        <TableHead
          columns={[
            t('sharing.title'),
            t('sharing.kind'),
            t('sharing.sender'),
            t('sharing.sharedAt'),
            t('sharing.expires'),
            t('sharing.marking'),
            '',
          ]}
        />
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                {mine ? (
                  s.title
                ) : (
                  <button type="button" onClick={() => setOpenId(s.id)}>
                    {s.title}
                  </button>
                )}
              </td>
              <td>{t(`sharing.kinds.${s.kind}`)}</td>
              <td>{s.sender}</td>
              <td>{date.format(new Date(s.createdAt))}</td>
              <td>{date.format(new Date(s.expiresAt))}</td>
              <MarkingCell marking={s.marking} />
              <td>
                {mine && !s.revokedAt && (
                  <button type="button" onClick={() => revoke(s.id)}>
                    {t('sharing.revoke')}
                  </button>
                )}
                {mine && s.revokedAt && t('sharing.revoked')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  const shown = share.data;
  const message = error ?? share.error?.message ?? received.error?.message ?? null;
  return (
    <section aria-labelledby="shared-heading">
      <h2 id="shared-heading">{t('sharing.pageTitle')}</h2>
      <p>{t('sharing.pageIntro')}</p>
      {message && <p role="alert">{message}</p>}
      {received.data && table(received.data.items, false)}
      {shown && (
        <article aria-label={shown.title}>
          <h3>
            {shown.title} <MarkingBadge marking={shown.marking} />
          </h3>
          <p>
            <a
              href={apiUrl('GET /api/shares/{id}/document', {
                path: { id: shown.id },
                query: { format: 'html', lang },
              })}
              target="_blank"
              rel="noreferrer"
            >
              {t('sharing.html')}
            </a>{' '}
            ·{' '}
            <a
              href={apiUrl('GET /api/shares/{id}/document', {
                path: { id: shown.id },
                query: { format: 'pdf', lang },
              })}
            >
              {t('sharing.pdf')}
            </a>
          </p>
          {shown.note && <p>{shown.note}</p>}
          <dl className="share-fields" data-testid="share-fields">
            {plainFields(shown.snapshot).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <details>
            <summary>{t('sharing.snapshot')}</summary>
            <pre className="share-snapshot">{JSON.stringify(shown.snapshot, null, 2).slice(0, 20_000)}</pre>
          </details>
        </article>
      )}
      <h3>{t('sharing.sentTitle')}</h3>
      {sent.data && table(sent.data.items, true)}
    </section>
  );
}
