import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useGet.ts';
import { MarkingCell } from '../../components/MarkingBadge.tsx';
import { TableHead, figureColumn } from '../../components/TableHead.tsx';
import type { Lang } from './types.ts';

/**
 * The registry of critical goods and technologies: each entry with its kind, domains, HS codes, status and version
 * (the twelve specified goods by default; entries added, changed or retired from the CLI or the API keep their
 * history), and the four domains as a taxonomy.
 */
export function RegistryPanel() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const entries = useGet('GET /api/registry/entries');
  const domains = useGet('GET /api/registry/domains');
  const domainName = (id: string) => domains.data?.items.find((d) => d.id === id)?.[lang] ?? id;
  const error = entries.error ?? domains.error;
  return (
    <div>
      <h3>{t('ident.registry.title')}</h3>
      <p>{t('ident.registry.intro')}</p>
      {error && <p role="alert">{error.message}</p>}
      {domains.data && (
        <ul className="ident-domains" data-testid="ident-domains">
          {domains.data.items.map((d) => (
            <li key={d.id}>
              <strong>{d[lang]}</strong> ({d.entries.length}): {d.scope[lang]}
            </li>
          ))}
        </ul>
      )}
      {entries.data && (
        <table data-testid="ident-registry">
          <TableHead
            columns={[
              t('ident.registry.entry'),
              t('ident.registry.kind'),
              t('ident.registry.domains'),
              figureColumn(t('ident.registry.hs')),
              t('ident.registry.status'),
              figureColumn(t('ident.registry.version')),
              t('ident.marking'),
            ]}
          />
          <tbody>
            {entries.data.items.map((e) => (
              <tr key={e.id}>
                <td>
                  {e[lang]}
                  {e.edited && <small> ({t('ident.registry.edited')})</small>}
                  <br />
                  <small>{e.designation[lang]}</small>
                </td>
                <td>{t(`ident.registry.kinds.${e.kind}`)}</td>
                <td>{e.domains.map(domainName).join(', ')}</td>
                <td className="num" title={e.hs.map((h) => h.hs6).join(', ')}>
                  {e.hs.length}
                </td>
                <td>{t(`ident.registry.statuses.${e.status}`)}</td>
                <td className="num">{e.version}</td>
                <MarkingCell marking={e.marking} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.data && (
        <p>
          <small>{t('ident.registry.total', { count: entries.data.total })}</small>
        </p>
      )}
    </div>
  );
}
