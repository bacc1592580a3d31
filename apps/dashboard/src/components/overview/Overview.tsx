import { useMemo } from 'react';
import { OVERVIEW_QUERY } from '../../api/documents';
import type { SalesBucket } from '../../api/report-types';
import { rankingOption, shareOption, stackedBarOption, type ChartText } from '../../figures/chart-options';
import { currenciesOf, methodOrder, rankedByGross, rowsWithTotal, stackedByMethod, totalOf } from '../../figures/sales-figures';
import { formatCompactMoney } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { methodLabel, schemeLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useReport } from '../../report/use-report';
import { apiPeriod, comparedRange, COMPARISONS, rangeDays, type Comparison, type DateRange } from '../../time/date-range';
import { hoursOfDay } from '../../time/zoned-time';
import { EChart } from '../EChart';
import { FiguresTable } from '../FiguresTable';
import { ReportState } from '../ReportState';
import { KpiCards } from './KpiCards';

interface OverviewData {
  readonly current: SalesBucket[];
  readonly compared: SalesBucket[];
  readonly byDay: SalesBucket[];
  readonly byHour: SalesBucket[];
  readonly byTerminal: SalesBucket[];
  readonly byScheme: SalesBucket[];
}

const ALL_HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

interface OverviewProps {
  readonly range: DateRange;
  readonly compare: Comparison;
  onCompare(compare: Comparison): void;
}

/** The period at a glance: KPIs against the compared period, turnover by day and hour, methods, terminals, schemes. */
export function Overview({ range, compare, onCompare }: OverviewProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const compared = comparedRange(range, compare);
  const period = apiPeriod(range);
  const comparedPeriod = apiPeriod(compared);
  const report = useReport<OverviewData>(OVERVIEW_QUERY, { from: period.from, to: period.to, comparedFrom: comparedPeriod.from, comparedTo: comparedPeriod.to });
  const data = report.data;
  const currency = merchant.currency;
  const exponent = merchant.currencyExponent;

  const charts = useMemo(() => {
    if (!data) return undefined;
    const text: ChartText = { name: (code) => methodLabel(t, code), axis: (value) => formatCompactMoney(value, currency, format.locale), money: (minor) => format.amount(minor, currency, exponent) };
    const days = rangeDays(range);
    // One day: its own hours (23 or 25 when the clocks change); several: each hour of the day over all of them.
    const hours = days.length === 1 ? hoursOfDay(days[0], merchant.timeZone) : ALL_HOURS;
    const hourOf = (b: SalesBucket) => b.key.slice(11, 13);
    const methods = methodOrder(data.current.filter((b) => b.gross.currency === currency).map((b) => b.key));
    const terminals = rankedByGross(data.byTerminal, currency);
    const schemes = rankedByGross(data.byScheme, currency);
    const byDay = stackedByMethod(data.byDay, currency, days, (b) => b.key, 'gross');
    const byHour = stackedByMethod(data.byHour, currency, hours, hourOf, 'gross');
    const seriesNames = (stacked: { methods: readonly string[] }) => stacked.methods.map((method) => methodLabel(t, method)).join(', ');
    return {
      byDay: stackedBarOption(days.map((day) => format.day(day, 'short')), byDay, exponent, text),
      byDaySeries: seriesNames(byDay),
      byHour: stackedBarOption(hours.map((hour) => `${hour}:00`), byHour, exponent, text),
      byHourSeries: seriesNames(byHour),
      share: shareOption(methods.map((code) => ({ code, minor: totalOf(data.current.filter((b) => b.key === code), currency).gross })), exponent, text),
      terminals: rankingOption(terminals.map((row) => ({ code: row.key, minor: row.figures.gross })), t('figure.gross'), exponent, { ...text, name: (code) => code }),
      schemes: rankingOption(schemes.map((row) => ({ code: row.key, minor: row.figures.gross })), t('figure.gross'), exponent, { ...text, name: (code) => schemeLabel(t, code) }),
      dayRows: rowsWithTotal(data.byDay, currency, [...days].reverse(), (b) => b.key),
      hourRows: rowsWithTotal(data.byHour, currency, hours, hourOf),
      methodRows: rowsWithTotal(data.current, currency, methods, (b) => b.key),
      terminalRows: terminals,
      schemeRows: schemes,
    };
    // `data` changes only when the figures do; the words follow the language.
  }, [data, format.locale, range.from, range.to]);

  if (!data || !charts) return <ReportState report={report} />;
  const comparedWith = t(compare === 'lastWeek' ? 'compare.withLastWeek' : 'compare.withPrevious', { from: format.day(compared.from), to: format.day(compared.to), sameDay: compared.from === compared.to ? 'yes' : 'no' });
  const otherCurrencies = currenciesOf([...data.current, ...data.compared], currency).slice(1);
  const tableProps = { currency, exponent };

  return (
    <div className="overview" aria-busy={report.loading}>
      <ReportState report={report} />
      <section aria-labelledby="kpi-heading" className="card">
        <div className="card-head">
          <h2 id="kpi-heading">{t('overview.kpis')}</h2>
          <label className="compare">
            <span>{t('compare.label')}</span>
            <select value={compare} onChange={(event) => onCompare(COMPARISONS.find((c) => c === event.target.value) ?? 'previous')} data-testid="compare">
              {COMPARISONS.map((option) => (
                <option key={option} value={option}>
                  {t(option === 'lastWeek' ? 'compare.lastWeek' : 'compare.previous')}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted" data-testid="compared-period">
          {comparedWith}
        </p>
        {[currency, ...otherCurrencies].map((c) => (
          <div key={c}>
            {c !== currency && <h3 className="currency-heading">{t('overview.inCurrency', { currency: c })}</h3>}
            <KpiCards
              currency={c}
              exponent={[...data.current, ...data.compared].find((b) => b.gross.currency === c)?.gross.exponent ?? exponent}
              current={totalOf(data.current, c)}
              compared={totalOf(data.compared, c)}
            />
          </div>
        ))}
        {otherCurrencies.length > 0 && <p className="muted">{t('overview.chartsInCurrency', { currency })}</p>}
      </section>

      <section aria-labelledby="by-day-heading" className="card">
        <h2 id="by-day-heading">{t('overview.byDay')}</h2>
        <EChart name="by-day" label={t('chart.stackedLabel', { title: t('overview.byDay'), series: charts.byDaySeries })} option={charts.byDay} />
        <FiguresTable name="by-day" caption={t('overview.byDayTable')} keyHeader={t('table.day')} rows={charts.dayRows.rows.map((r) => ({ ...r, label: format.day(r.key) }))} total={charts.dayRows.total} {...tableProps} />
      </section>

      <section aria-labelledby="by-hour-heading" className="card">
        <h2 id="by-hour-heading">{t('overview.byHour')}</h2>
        <EChart name="by-hour" label={t('chart.stackedLabel', { title: t('overview.byHour'), series: charts.byHourSeries })} option={charts.byHour} />
        <details>
          <summary>{t('table.show')}</summary>
          <FiguresTable name="by-hour" caption={t('overview.byHour')} keyHeader={t('table.hour')} rows={charts.hourRows.rows.map((r) => ({ ...r, label: `${r.key}:00` }))} total={charts.hourRows.total} {...tableProps} />
        </details>
      </section>

      <div className="card-row">
        <section aria-labelledby="share-heading" className="card">
          <h2 id="share-heading">{t('overview.share')}</h2>
          <EChart name="share" label={t('overview.share')} option={charts.share} />
          <FiguresTable name="by-method" caption={t('overview.byMethodTable')} keyHeader={t('table.method')} rows={charts.methodRows.rows.map((r) => ({ ...r, label: methodLabel(t, r.key) }))} total={charts.methodRows.total} {...tableProps} />
        </section>
        <section aria-labelledby="terminals-heading" className="card">
          <h2 id="terminals-heading">{t('overview.terminals')}</h2>
          <EChart name="terminals" label={t('overview.terminals')} option={charts.terminals} />
          <details>
            <summary>{t('table.show')}</summary>
            <FiguresTable name="by-terminal" caption={t('overview.terminals')} keyHeader={t('table.terminal')} rows={charts.terminalRows.map((r) => ({ ...r, label: r.key }))} total={totalOf(data.byTerminal, currency)} {...tableProps} />
          </details>
        </section>
        <section aria-labelledby="schemes-heading" className="card">
          <h2 id="schemes-heading">{t('overview.schemes')}</h2>
          <EChart name="schemes" label={t('overview.schemes')} option={charts.schemes} />
          <details>
            <summary>{t('table.show')}</summary>
            <FiguresTable name="by-scheme" caption={t('overview.schemes')} keyHeader={t('table.scheme')} rows={charts.schemeRows.map((r) => ({ ...r, label: schemeLabel(t, r.key) }))} total={totalOf(data.byScheme, currency)} {...tableProps} />
          </details>
        </section>
      </div>
    </div>
  );
}
