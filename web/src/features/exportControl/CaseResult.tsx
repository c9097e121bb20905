import { useCountryName } from '../../reference/useReference.ts';
import { useTranslation } from 'react-i18next';
import { ProvenanceFooter } from '../../components/ProvenanceFooter.tsx';
import { CheckVerdict } from './CheckVerdict.tsx';
import { CircumventionTable } from './CircumventionTable.tsx';
import { listProvenance } from './listProvenance.ts';
import { MatchTable } from './MatchTable.tsx';
import { PriorReportReview } from './PriorReportReview.tsx';
import type { CaseDetail, CheckResult, Circumvention, Lang, ScreenResult } from './types.ts';

/** A batch screen as kept: the parties with hits, each with its line in the file. */
interface BatchResult {
  parties: number;
  withMatches: number;
  hits: (Omit<ScreenResult, 'caseId' | 'marking'> & { line: number; id?: string; country: string | null })[];
}

/**
 * A case's result as kept when it was opened, shown as the page that made it shows it (the JSON is the server's
 * own record of that response, hence the narrowing by kind).
 */
export function CaseResult({ found, onChange }: { found: CaseDetail; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const countryName = useCountryName();
  const lang: Lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const method = t('ec.screen.methodShort');
  switch (found.kind) {
    case 'party-screening': {
      const r = found.result as ScreenResult;
      return (
        <>
          <MatchTable
            party={{ name: r.query.name, country: r.query.country }}
            matches={r.matches}
            caseId={found.id}
          />
          <ProvenanceFooter provenance={listProvenance(r.lists, null, lang, method)} />
        </>
      );
    }
    case 'batch-screening': {
      const r = found.result as BatchResult;
      return (
        <>
          <p>{t('ec.batch.done', { parties: r.parties, withMatches: r.withMatches })}</p>
          {r.hits.map((h) => (
            <section key={h.line} aria-label={h.query.name}>
              <h4>
                {t('ec.batch.line', { line: h.line })}: {h.query.name}
                {h.country ? ` (${countryName(h.country)})` : ''}
              </h4>
              <MatchTable
                party={{ name: h.query.name, country: h.country ?? undefined }}
                matches={h.matches}
                caseId={found.id}
              />
            </section>
          ))}
          {r.hits[0] && <ProvenanceFooter provenance={listProvenance(r.hits[0].lists, null, lang, method)} />}
        </>
      );
    }
    case 'transaction-check':
      return <CheckVerdict result={found.result as CheckResult} marking={found.marking} caseId={found.id} />;
    case 'circumvention-report':
      return <CircumventionTable report={found.result as Circumvention} />;
    case 'prior-report':
      return <PriorReportReview found={found} onReviewed={onChange} />;
    default:
      return <pre className="ec-json">{JSON.stringify(found.result, null, 2)}</pre>;
  }
}
