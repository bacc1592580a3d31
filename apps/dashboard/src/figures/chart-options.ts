import type { EChartsCoreOption } from 'echarts/core';
import { chartValue } from '../format/money';
import type { StackedSeries } from './sales-figures';

/** Words and formats a chart shows, in the page's language. */
export interface ChartText {
  /** A series or slice: a payment method, a terminal, a card scheme. */
  name(code: string): string;
  /** Axis labels, compact (¥12K). */
  axis(value: number): string;
  /** An exact amount in minor units, for tooltips. */
  money(minor: bigint): string;
}

/** The methods' colours everywhere; methods added later take the next free colour. */
const METHOD_COLORS: Record<string, string> = { DEBIT: '#2563eb', CREDIT: '#7c3aed', WECHAT_PAY: '#15803d', ALIPAY: '#0891b2', CASH: '#b45309' };
const OTHER_COLORS = ['#c2410c', '#be185d', '#4d7c0f', '#a16207', '#0f766e', '#6d28d9'];
const AXIS_TEXT = '#374151';
/** One line that pages when the names do not fit: a wrapped second line would run into the chart on a phone. */
const legend = (edge: 'top' | 'bottom') => ({ type: 'scroll', [edge]: 0, textStyle: { color: AXIS_TEXT } });

function colorOf(code: string, index: number): string {
  return METHOD_COLORS[code] ?? OTHER_COLORS[index % OTHER_COLORS.length];
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A point keeps its exact amount beside the float that sizes it. */
interface Point {
  readonly value: number;
  readonly minor: string;
}

interface TooltipParam {
  readonly seriesName?: string;
  readonly name?: string;
  readonly data?: Point;
  readonly percent?: number;
}

/** Tooltips as plain markup (no inline style: the page's CSP allows none), amounts exact. */
function tooltipLines(title: string, lines: readonly [string, string][]): string {
  return [`<strong>${escapeHtml(title)}</strong>`, ...lines.map(([name, value]) => `${escapeHtml(name)}: ${escapeHtml(value)}`)].join('<br>');
}

const point = (minor: bigint, exponent: number): Point => ({ value: chartValue(minor, exponent), minor: minor.toString() });

/** Bars over categories (days, hours), one stacked series per method. */
export function stackedBarOption(categories: readonly string[], stacked: StackedSeries, exponent: number, text: ChartText): EChartsCoreOption {
  return {
    animationDurationUpdate: 300,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: legend('top'),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: TooltipParam[]) =>
        tooltipLines(
          params[0]?.name ?? '',
          params.filter((p) => p.data && p.data.minor !== '0').map((p) => [p.seriesName ?? '', text.money(BigInt(p.data?.minor ?? '0'))]),
        ),
    },
    xAxis: { type: 'category', data: [...categories], axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'value', axisLabel: { color: AXIS_TEXT, formatter: text.axis } },
    series: stacked.methods.map((method, index) => ({
      id: method,
      name: text.name(method),
      type: 'bar',
      stack: 'gross',
      itemStyle: { color: colorOf(method, index) },
      data: (stacked.values.get(method) ?? []).map((minor) => point(minor, exponent)),
    })),
  };
}

/** A ring of slices (share by method). */
export function shareOption(slices: readonly { readonly code: string; readonly minor: bigint }[], exponent: number, text: ChartText): EChartsCoreOption {
  return {
    animationDurationUpdate: 300,
    legend: legend('bottom'),
    tooltip: {
      trigger: 'item',
      formatter: (p: TooltipParam) => tooltipLines(p.name ?? '', [[text.money(BigInt(p.data?.minor ?? '0')), `${p.percent ?? 0}%`]]),
    },
    series: [
      {
        id: 'share',
        type: 'pie',
        radius: ['45%', '70%'],
        top: 0,
        bottom: 32,
        label: { color: AXIS_TEXT, formatter: '{d}%' },
        data: slices.map((slice, index) => ({ ...point(slice.minor, exponent), id: slice.code, name: text.name(slice.code), itemStyle: { color: colorOf(slice.code, index) } })),
      },
    ],
  };
}

/** Horizontal bars of one figure (`seriesName`), largest on top (terminals, card schemes). */
export function rankingOption(rows: readonly { readonly code: string; readonly minor: bigint }[], seriesName: string, exponent: number, text: ChartText): EChartsCoreOption {
  const topFirst = [...rows].reverse();
  return {
    animationDurationUpdate: 300,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: TooltipParam) => tooltipLines(p.name ?? '', [[p.seriesName ?? '', text.money(BigInt(p.data?.minor ?? '0'))]]) },
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { color: AXIS_TEXT, formatter: text.axis, hideOverlap: true } },
    yAxis: { type: 'category', data: topFirst.map((row) => text.name(row.code)), axisLabel: { color: AXIS_TEXT } },
    series: [{ id: 'ranking', name: seriesName, type: 'bar', itemStyle: { color: '#2563eb' }, data: topFirst.map((row) => point(row.minor, exponent)) }],
  };
}
