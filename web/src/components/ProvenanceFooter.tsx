import { useTranslation } from 'react-i18next';
import { CurrencyNote } from '../format/CurrencyNote.tsx';
import type { Provenance } from './provenance.ts';

export type { Provenance } from './provenance.ts';

/**
 * Every figure says where it came from: dataset, version, method (and a SYNTHETIC warning when it is). `money`:
 * the view shows money figures, so the footer also says in which currency and, for yen, at which stated rate.
 */
export function ProvenanceFooter({
  provenance,
  money = false,
}: {
  provenance: Provenance | Provenance[] | undefined;
  money?: boolean;
}) {
  const { t } = useTranslation();
  if (!provenance && !money) return null;
  const list = !provenance ? [] : Array.isArray(provenance) ? provenance : [provenance];
  return (
    <footer className="provenance" data-testid="provenance">
      {list.map((p, i) => (
        <p key={i}>
          {p.synthetic && <strong className="tag synthetic">{t('provenance.synthetic')}</strong>}{' '}
          {t('provenance.source')}: {p.title ?? p.dataset} ({p.publisher ? `${p.publisher}, ` : ''}
          {t('provenance.version')} {p.version})
          {p.method && (
            <>
              {' · '}
              {t('provenance.method')}: {p.method}
            </>
          )}
          {p.thresholds && Object.keys(p.thresholds).length > 0 && (
            <>
              {' · '}
              {Object.entries(p.thresholds)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join(', ')}
            </>
          )}
        </p>
      ))}
      {money && <CurrencyNote />}
    </footer>
  );
}
