import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws. The canvas renderer: the SVG one writes inline styles, which the page's CSP refuses.
use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface EChartProps {
  /** What the chart shows, for screen readers (the figures are in the table beside it). */
  readonly label: string;
  /** Names the chart for tests and styles. */
  readonly name: string;
  readonly option: EChartsCoreOption;
}

/**
 * An Apache ECharts chart that follows its container's size. A new option is merged into the drawn one by series id,
 * so live figures move to their new values instead of redrawing from nothing.
 */
export function EChart({ label, name, option }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType>(undefined);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // How many series the chart has drawn: what the figures beside it should match.
    instance.on('finished', () => {
      const series = instance.getOption().series;
      element.dataset.renderedSeries = String(Array.isArray(series) ? series.length : 0);
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { replaceMerge: ['series'] });
  }, [option]);

  return <div ref={container} className={`chart chart-${name}`} role="img" aria-label={label} data-chart={name} />;
}
