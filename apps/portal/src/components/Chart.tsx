import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';

/** An ECharts chart; the library (≈1 MB) is loaded only when a page shows a chart. */
export function Chart({ option, height = 260, label }: { option: EChartsOption; height?: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption(o: EChartsOption): void; dispose(): void; resize(): void } | null>(null);
  useEffect(() => {
    let disposed = false;
    void import('./echarts-setup').then((echarts) => {
      if (disposed || !el.current) return;
      chart.current = echarts.init(el.current);
      chart.current.setOption(option);
    });
    const onResize = () => chart.current?.resize();
    window.addEventListener('resize', onResize);
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes go through setOption below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chart.current?.setOption(option);
  }, [option]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
