import type { TrendPoint } from '../../domain/partnerships/impact/trends.ts';

/**
 * A server-drawn line chart of the members' and comparison schools' mean by year: plain SVG
 * geometry for the template, so the report needs no JavaScript. The same figures go in a table.
 */
export interface ChartSeries {
  name: string;
  path: string;
  points: { x: number; y: number; label: string }[];
}

export interface Chart {
  width: number;
  height: number;
  series: ChartSeries[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  startLine: { x: number; label: string } | null;
  plot: { left: number; right: number; top: number; bottom: number };
}

const WIDTH = 640;
const HEIGHT = 300;
const PLOT = { left: 56, right: WIDTH - 16, top: 40, bottom: HEIGHT - 36 };

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step)
    ticks.push(Number(v.toFixed(6)));
  return ticks;
}

export function trendChart(
  trend: TrendPoint[],
  baselineYear: number,
  say: (english: string) => string = (english) => english,
): Chart | null {
  const values = trend.flatMap((t) => [t.members, t.comparison]).filter((v): v is number => v !== null);
  if (values.length === 0 || trend.length < 2) return null;
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const [low, high] = [ticks[0]!, ticks.at(-1)!];
  const years = trend.map((t) => t.year);
  const x = (year: number) =>
    PLOT.left + ((year - years[0]!) / (years.at(-1)! - years[0]!)) * (PLOT.right - PLOT.left);
  const y = (v: number) => PLOT.bottom - ((v - low) / (high - low || 1)) * (PLOT.bottom - PLOT.top);
  const series = (name: string, pick: (t: TrendPoint) => number | null): ChartSeries => {
    const points = trend.flatMap((t) => {
      const v = pick(t);
      return v === null ? [] : [{ x: x(t.year), y: y(v), label: `${name}, ${t.year}: ${v.toFixed(1)}` }];
    });
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    return { name, path, points };
  };
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: PLOT,
    series: [
      series(say('Partnership schools'), (t) => t.members),
      series(say('Comparison (weighted)'), (t) => t.comparison),
    ],
    xTicks: years.map((year) => ({ x: x(year), label: String(year) })),
    yTicks: ticks.map((v) => ({ y: y(v), label: String(v) })),
    // The partnership starts in the school year after its baseline summer: the line sits between.
    startLine:
      baselineYear >= years[0]! && baselineYear < years.at(-1)!
        ? { x: x(baselineYear + 0.5), label: say('Since the start') }
        : null,
  };
}
