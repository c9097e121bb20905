import { useTranslation } from 'react-i18next';

export interface Provenance {
  dataset: string;
  title?: string;
  publisher?: string;
  version: string;
  method?: string;
  thresholds?: Record<string, unknown>;
  synthetic?: boolean;
}

/** Every figure says where it came from: dataset, version, method (and a SYNTHETIC warning when it is). */
export function ProvenanceFooter({ provenance }: { provenance: Provenance | Provenance[] | undefined }) {
  const { t } = useTranslation();
  if (!provenance) return null;
  const list = Array.isArray(provenance) ? provenance : [provenance];
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
    </footer>
  );
}
