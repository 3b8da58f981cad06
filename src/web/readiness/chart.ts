import { translator, type Translate } from '../../i18n/index.ts';
import type { SectionChange } from '../../domain/readiness/report.ts';
import type { SectionScore } from '../../domain/readiness/scoring.ts';

/** Geometry of the server-drawn bar chart of section scores (drawn by readiness/_chart.njk). */
export interface BarChart {
  width: number;
  height: number;
  plotLeft: number;
  plotWidth: number;
  ticks: Array<{ x: number; label: string }>;
  bars: Array<{
    title: string;
    labelY: number;
    barY: number;
    barHeight: number;
    width: number;
    percent: number | null;
    valueX: number;
    previousX: number | null;
  }>;
  /** The same facts as a sentence, for screen readers. */
  description: string;
}

const WIDTH = 640;
const PLOT_LEFT = 4;
const PLOT_WIDTH = 560;
const ROW = 64;
const BAR = 24;

export function barChart(
  sections: readonly SectionScore[],
  changes: readonly SectionChange[] | null,
  t: Translate = translator('en'),
): BarChart {
  const previous = new Map((changes ?? []).map((c) => [c.sectionId, c.before]));
  const x = (percent: number) => PLOT_LEFT + (percent / 100) * PLOT_WIDTH;
  const bars = sections.map((s, i) => {
    const top = i * ROW + 8;
    const was = previous.get(s.sectionId) ?? null;
    return {
      title: s.title,
      labelY: top + 14,
      barY: top + 22,
      barHeight: BAR,
      width: s.percent === null ? 0 : (s.percent / 100) * PLOT_WIDTH,
      percent: s.percent,
      valueX: (s.percent === null ? PLOT_LEFT : x(s.percent)) + 6,
      previousX: was === null ? null : x(was),
    };
  });
  const described = sections
    .map(
      (s) => `${s.title}: ${s.percent === null ? t('readiness.report.notAnsweredLower') : `${s.percent}%`}`,
    )
    .join('; ');
  return {
    width: WIDTH,
    height: sections.length * ROW + 28,
    plotLeft: PLOT_LEFT,
    plotWidth: PLOT_WIDTH,
    ticks: [0, 25, 50, 75, 100].map((p) => ({ x: x(p), label: `${p}%` })),
    bars,
    description: t('readiness.report.chartDescription', { sections: described }),
  };
}
