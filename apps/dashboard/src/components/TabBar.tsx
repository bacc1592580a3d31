import type { KeyboardEvent } from 'react';
import type { MessageId } from '../i18n/messages.en';
import { useT } from '../i18n/use-t';
import { TABS, type Tab } from '../state/view-state';

const TAB_LABEL: Record<Tab, MessageId> = { overview: 'tab.overview', transactions: 'tab.transactions', settlements: 'tab.settlements', shifts: 'tab.shifts', 'end-of-day': 'tab.endOfDay', balances: 'tab.balances', payouts: 'tab.payouts', reconciliation: 'tab.reconciliation', terminals: 'tab.terminals' };

/** The tabs, with the arrow keys moving between them (WAI-ARIA tabs pattern); only the selected one has a panel. */
export function TabBar({ tab, onTab }: { readonly tab: Tab; onTab(tab: Tab): void }) {
  const t = useT();
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(index + step + TABS.length) % TABS.length];
    onTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <nav aria-label={t('tab.label')}>
      <div role="tablist" className="tabs">
        {TABS.map((option, index) => (
          <button
            key={option}
            id={`tab-${option}`}
            role="tab"
            type="button"
            aria-selected={option === tab}
            {...(option === tab ? { 'aria-controls': `panel-${option}` } : {})}
            tabIndex={option === tab ? 0 : -1}
            onClick={() => onTab(option)}
            onKeyDown={(event) => move(event, index)}
          >
            {t(TAB_LABEL[option])}
          </button>
        ))}
      </div>
    </nav>
  );
}
