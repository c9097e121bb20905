import { useTranslation } from 'react-i18next';
import { pageCount, type ScreenState } from './screenState.ts';

/** Previous and next page of the table, with "page n of m". */
export function ScreenPager({
  state,
  total,
  go,
}: {
  state: ScreenState;
  total: number;
  go: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = pageCount(total);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('screening.page', { page: state.page, pages })}>
      <button type="button" onClick={() => go(state.page - 1)} disabled={state.page <= 1}>
        {t('screening.prev')}
      </button>{' '}
      <span>{t('screening.page', { page: state.page, pages })}</span>{' '}
      <button type="button" onClick={() => go(state.page + 1)} disabled={state.page >= pages}>
        {t('screening.next')}
      </button>
    </nav>
  );
}
