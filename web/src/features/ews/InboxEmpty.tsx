import { useTranslation } from 'react-i18next';
import { href } from '../../router/router.ts';
import { inboxSteps } from './inboxSteps.ts';

/**
 * The inbox without any alert: the steps to a first one (monthly data, monitored items, a scan), those already
 * done ticked with their count, the others linking to the Data and items tab that does them (the command line
 * equivalent beside); and the backtest, which needs only the data.
 */
export function InboxEmpty({ monthlyDatasets, items }: { monthlyDatasets: number; items: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ews-empty" data-testid="ews-empty">
      <h4 id="ews-empty">{t('ews.inbox.empty.title')}</h4>
      <p>{t('ews.inbox.empty.intro')}</p>
      <ol>
        {inboxSteps(monthlyDatasets, items).map((step) => (
          <li key={step.id} data-step={step.id} data-done={step.done !== null}>
            {step.done !== null ? (
              `✓ ${t(`ews.inbox.empty.done.${step.id}`, { count: step.done })}`
            ) : (
              <>
                {t(`ews.inbox.empty.todo.${step.id}`)}{' '}
                <a href={href(['ews', 'setup'])}>{t('ews.inbox.empty.open')}</a>
                <div className="ews-muted">
                  {t('ews.inbox.empty.cli')} <code>{step.command}</code>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
      {monthlyDatasets > 0 && <p>{t('ews.inbox.empty.backtest')}</p>}
    </section>
  );
}
