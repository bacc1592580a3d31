import { useMemo, useState } from 'react';
import type { Session, SessionControl } from '../app/use-session';
import { ReportSessionContext, type ReportSession } from '../report/report-session';
import { useRefreshTick } from '../report/use-refresh-tick';
import { endOfDayDay, periodRange, reconciliationDay, type ViewState } from '../state/view-state';
import { dateIn } from '../time/zoned-time';
import { Balances } from './balances/Balances';
import { EndOfDay } from './end-of-day/EndOfDay';
import { ExportButton } from './ExportButton';
import { Header } from './Header';
import type { LanguageChoice } from './LanguageSwitch';
import { Overview } from './overview/Overview';
import { Payouts } from './payouts/Payouts';
import { PeriodPicker } from './PeriodPicker';
import { Reconciliation } from './reconciliation/Reconciliation';
import { SaleDrawer } from './transactions/SaleDrawer';
import { Settlements } from './settlements/Settlements';
import { Shifts } from './shifts/Shifts';
import { TabBar } from './TabBar';
import { Terminals } from './terminals/Terminals';
import { Transactions } from './transactions/Transactions';

interface DashboardProps {
  readonly session: Extract<Session, { kind: 'signedIn' }>;
  readonly control: SessionControl;
  readonly view: ViewState;
  onView(view: ViewState, history?: 'push' | 'replace'): void;
  readonly language: LanguageChoice;
}

/** A signed-in merchant's dashboard: the header, the period and tabs, the tab's panel, and a sale's history. */
export function Dashboard({ session, control, view, onView, language }: DashboardProps) {
  const [live, setLive] = useState(true);
  const [refreshedAt, setRefreshedAt] = useState<Date>();
  const tick = useRefreshTick(live);
  const { token, merchant } = session;
  // Read again at every refresh: "today" turns at the merchant's midnight, not the browser's.
  const today = useMemo(() => dateIn(merchant.timeZone, new Date()), [merchant.timeZone, tick]);
  const range = periodRange(view.period, today);
  const reports = useMemo<ReportSession>(
    () => ({ token, merchant, merchantId: session.merchants ? merchant.id : undefined, tick, refreshed: setRefreshedAt, refused: control.refused }),
    [token, merchant, session.merchants, tick, control.refused],
  );

  return (
    <ReportSessionContext.Provider value={reports}>
      <Header
        merchant={merchant}
        merchants={session.merchants}
        onPick={(picked) => {
          onView({ ...view, merchant: picked.id, sale: undefined });
          control.pick(picked);
        }}
        refreshedAt={refreshedAt}
        live={live}
        onLive={setLive}
        language={language}
        onSignOut={control.signOut}
      />
      <main className="main">
        <div className="toolbar">
          <TabBar tab={view.tab} onTab={(tab) => onView({ ...view, tab })} />
          <div className="toolbar-end">
            {view.tab !== 'end-of-day' && view.tab !== 'reconciliation' && <PeriodPicker period={view.period} range={range} today={today} onPeriod={(period) => onView({ ...view, period })} />}
            <ExportButton tab={view.tab} range={range} filters={view.filters} day={reconciliationDay(view, today)} />
          </div>
        </div>
        <div id={`panel-${view.tab}`} role="tabpanel" aria-labelledby={`tab-${view.tab}`} className="panel">
          {view.tab === 'overview' && <Overview range={range} compare={view.compare} onCompare={(compare) => onView({ ...view, compare }, 'replace')} />}
          {view.tab === 'transactions' && (
            <Transactions
              range={range}
              filters={view.filters}
              onFilters={(filters) => onView({ ...view, filters }, 'replace')}
              onOpen={(sale) => onView({ ...view, sale })}
            />
          )}
          {view.tab === 'settlements' && <Settlements range={range} />}
          {view.tab === 'shifts' && <Shifts range={range} />}
          {view.tab === 'end-of-day' && (
            <EndOfDay
              day={endOfDayDay(view, today)}
              today={today}
              terminal={view.filters.terminal}
              onDay={(day) => onView({ ...view, day })}
              onTerminal={(terminal) => onView({ ...view, filters: { ...view.filters, terminal } }, 'replace')}
            />
          )}
          {view.tab === 'balances' && <Balances />}
          {view.tab === 'payouts' && <Payouts range={range} onOpen={(sale) => onView({ ...view, sale })} />}
          {view.tab === 'reconciliation' && (
            <Reconciliation day={reconciliationDay(view, today)} today={today} onDay={(billDay) => onView({ ...view, billDay })} onOpen={(sale) => onView({ ...view, sale })} />
          )}
          {view.tab === 'terminals' && <Terminals />}
        </div>
      </main>
      {view.sale && <SaleDrawer sale={view.sale} onClose={() => onView({ ...view, sale: undefined })} />}
    </ReportSessionContext.Provider>
  );
}
