import { rankingOption, shareOption, stackedBarOption, type ChartText } from './chart-options';

const text: ChartText = { name: (code) => `<${code}>`, axis: (value) => `¥${value}`, money: (minor) => `¥${minor}` };

type Tooltip = { formatter: (params: unknown) => string };
type Series = { id: string; name: string; stack?: string; data: { value: number; minor: string }[] };

describe('chart options', () => {
  const stacked = { methods: ['DEBIT', 'APPLE_PAY'], values: new Map([['DEBIT', [0n, 123456n]], ['APPLE_PAY', [5n, 0n]]]) };
  const option = stackedBarOption(['Nov 22', 'Nov 23'], stacked, 2, text) as { series: Series[]; tooltip: Tooltip; xAxis: { data: string[] } };

  it('stacks one series per method, each point sized in major units and keeping its exact minor units', () => {
    expect(option.xAxis.data).toEqual(['Nov 22', 'Nov 23']);
    expect(option.series.map((s) => [s.id, s.name, s.stack])).toEqual([['DEBIT', '<DEBIT>', 'gross'], ['APPLE_PAY', '<APPLE_PAY>', 'gross']]);
    expect(option.series[0].data).toEqual([{ value: 0, minor: '0' }, { value: 1234.56, minor: '123456' }]);
  });

  it('shows exact amounts in tooltips, as text: no inline style, names escaped', () => {
    const html = option.tooltip.formatter([
      { name: 'Nov 23', seriesName: '<DEBIT>', data: { value: 1234.56, minor: '123456' } },
      { name: 'Nov 23', seriesName: 'zero', data: { value: 0, minor: '0' } },
    ]);

    expect(html).toBe('<strong>Nov 23</strong><br>&#60;DEBIT&#62;: ¥123456');
    expect(html).not.toContain('style');
  });

  it('keeps each legend on one line that pages, so a phone never wraps it into the chart', () => {
    const share = shareOption([], 2, text) as { legend: { type: string; bottom: number } };
    const bars = option as unknown as { legend: { type: string; top: number } };

    expect(bars.legend).toMatchObject({ type: 'scroll', top: 0 });
    expect(share.legend).toMatchObject({ type: 'scroll', bottom: 0 });
  });

  it('makes a slice per method and a bar per terminal, the largest on top', () => {
    const share = shareOption([{ code: 'ALIPAY', minor: 300n }, { code: 'DEBIT', minor: 100n }], 2, text) as { series: { data: { name: string; minor: string }[] }[] };
    const ranking = rankingOption([{ code: 't-1', minor: 900n }, { code: 't-2', minor: 100n }], 'Gross', 2, text) as { yAxis: { data: string[] }; series: Series[] };

    expect(share.series[0].data.map((slice) => [slice.name, slice.minor])).toEqual([['<ALIPAY>', '300'], ['<DEBIT>', '100']]);
    expect(ranking.yAxis.data).toEqual(['<t-2>', '<t-1>']);
    expect(ranking.series[0].name).toBe('Gross');
  });
});
