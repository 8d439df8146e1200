'use client';

/**
 * Charts for the playgrounds. uPlot (about 50 KB minified, no dependencies) draws to a
 * canvas, so a series of a million points costs one path, not a million DOM nodes, and a
 * redraw takes milliseconds; SVG chart libraries are larger and slow down at that size.
 * This module is imported only by the playgrounds, so uPlot arrives with their lazy chunk.
 */
import { memo, useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** True while the page is in the dark theme (the `dark` class on <html>). */
export function useDarkTheme(): boolean {
  const [dark, setDark] = useState(() => document.documentElement.classList.contains('dark'));
  useEffect(() => {
    const root = document.documentElement;
    const observer = new MutationObserver(() => setDark(root.classList.contains('dark')));
    observer.observe(root, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  return dark;
}

/** One series of a chart. */
export interface ChartSeries {
  label: string;
  /** Colours for the light and dark themes. */
  stroke: [string, string];
  fill?: [string, string];
  bars?: boolean;
  dash?: number[];
}

export interface UPlotChartProps {
  /** Column data: x values first, then one array per series. */
  data: uPlot.AlignedData;
  series: ChartSeries[];
  xLabel: string;
  yLabel: string;
  /** Pixel height of the plot. */
  height: number;
  /** Formats x tick values (e.g. shard numbers). */
  xValues?: (v: number) => string;
  yValues?: (v: number) => string;
  /** A short text equivalent for screen readers. */
  summary: string;
  yMin?: number;
  /** Draw the series legend under the plot (default true); off when the page shows it once for several charts. */
  legend?: boolean;
}

const compact = (v: number) =>
  Math.abs(v) >= 1e6
    ? `${+(v / 1e6).toFixed(1)}M`
    : Math.abs(v) >= 1e3
      ? `${+(v / 1e3).toFixed(1)}k`
      : `${+v.toFixed(2)}`;

/**
 * A uPlot chart that fills its container's width, follows the theme, and redraws only
 * when its data or series change (memoized, so progress re-renders never touch it).
 */
export const UPlotChart = memo(function UPlotChart({
  data,
  series,
  xLabel,
  yLabel,
  height,
  xValues,
  yValues,
  summary,
  yMin,
  legend = true,
}: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useDarkTheme();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const t = dark ? 1 : 0;
    const axisColor = dark ? '#a1a1aa' : '#52525b';
    const gridColor = dark ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.07)';
    const axis = (label: string, fmt?: (v: number) => string): uPlot.Axis => ({
      label,
      stroke: axisColor,
      grid: { stroke: gridColor, width: 1 },
      ticks: { stroke: gridColor, width: 1 },
      font: '11px system-ui, sans-serif',
      labelFont: '11px system-ui, sans-serif',
      values: (_u, splits) => splits.map((v) => (fmt ?? compact)(v)),
    });
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        // Bars sit on whole numbers; half a step of room keeps the end bars whole.
        x: series.some((s) => s.bars)
          ? { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }
          : { time: false },
        y: yMin === undefined ? {} : { range: (_u, _min, max) => [yMin, max * 1.05 || 1] },
      },
      axes: [axis(xLabel, xValues), { ...axis(yLabel, yValues), size: 52 }],
      series: [
        {},
        ...series.map((s): uPlot.Series => ({
          label: s.label,
          stroke: s.stroke[t],
          fill: s.fill?.[t],
          width: s.bars ? 0 : 2,
          dash: s.dash,
          points: { show: false },
          paths: s.bars ? uPlot.paths.bars?.({ size: [0.7, 48], align: 0 }) : undefined,
        })),
      ],
    };
    const plot = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(200, el.clientWidth), height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, series, xLabel, yLabel, height, xValues, yValues, yMin, dark]);
  return (
    <figure className="m-0">
      <div ref={box} role="img" aria-label={summary} style={{ height }} />
      {legend ? (
        <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          {series.map((s) => (
            <span key={s.label} className="inline-flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block h-2 w-3 rounded-sm"
                style={{ background: dark ? s.stroke[1] : s.stroke[0] }}
              />
              {s.label}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
});
