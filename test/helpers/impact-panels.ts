import {
  evaluateRegistryMeasure,
  type ImpactSchool,
  type RegistryImpact,
} from '../../src/domain/partnerships/impact/evaluate.ts';
import type { Random } from '../../src/ingest/generate/random.ts';

/**
 * Generated school results with a known partnership effect, shaped like KS2 results: each school
 * has its own level (lower where more pupils have free school meals), every year moves all
 * schools together, and each school's results stray by chance from year to year, more for small
 * schools and with some carry-over from one year to the next (the same cohort effects). Summers
 * 2016 to 2019 come before a partnership starting in September 2019; 2020 and 2021 have no
 * results; 2022 to 2024 come after.
 */
export const PANEL_YEARS = [2016, 2017, 2018, 2019, 2022, 2023, 2024];
export const PANEL_START = '2019-09-01';
export const PANEL_UNTIL = '2025-01-31';

export interface PanelScenario {
  partnerSchools: number;
  comparisonSchools: number;
  /** 'selected': partnership schools come from the lowest-performing fifth of schools. */
  selection: 'random' | 'selected';
  effect: number;
}

const LEVEL_SD = 10;
const NOISE_SD_AT_250 = 6;
const CARRY_OVER = 0.4;

function school(
  random: Random,
  urn: number,
  level: number,
): Omit<ImpactSchool, 'series'> & { level: number } {
  const pupils = Math.round(250 * Math.exp(0.5 * random.normal()));
  const fsmPercent = Math.min(80, Math.max(0, 25 - 0.8 * (level - 60) + 6 * random.normal()));
  return { urn, level, pupils, fsmPercent, phase: 'Primary' };
}

/** One generated panel: the partnership's schools and the eligible schools in no partnership. */
export function generatePanel(
  random: Random,
  scenario: PanelScenario,
): { members: ImpactSchool[]; pool: ImpactSchool[] } {
  const yearEffect = new Map(PANEL_YEARS.map((y, i) => [y, 0.8 * i + 2 * random.normal()]));
  const levelOf = () => 60 + LEVEL_SD * random.normal();
  // The lowest fifth of a normal distribution lies below its mean less 0.8416 standard deviations.
  const lowLevel = () => {
    for (;;) {
      const level = levelOf();
      if (level < 60 - 0.8416 * LEVEL_SD) return level;
    }
  };
  const withSeries = (s: ReturnType<typeof school>, treated: boolean): ImpactSchool => {
    const sd = NOISE_SD_AT_250 * Math.sqrt(250 / s.pupils!);
    let carried = random.normal() * sd;
    const series = new Map<number, number>();
    for (const year of PANEL_YEARS) {
      carried = CARRY_OVER * carried + Math.sqrt(1 - CARRY_OVER ** 2) * sd * random.normal();
      const after = treated && year > 2019 ? scenario.effect : 0;
      series.set(year, s.level + yearEffect.get(year)! + after + carried);
    }
    return { urn: s.urn, fsmPercent: s.fsmPercent, pupils: s.pupils, phase: s.phase, series };
  };
  const members = Array.from({ length: scenario.partnerSchools }, (_, i) =>
    withSeries(school(random, 100_000 + i, scenario.selection === 'selected' ? lowLevel() : levelOf()), true),
  );
  const pool = Array.from({ length: scenario.comparisonSchools }, (_, i) =>
    withSeries(school(random, 200_000 + i, levelOf()), false),
  );
  return { members, pool };
}

/** The impact report's evaluation of a generated panel, as a KS2 objective of a partnership started in 2019. */
export function evaluatePanel(panel: { members: ImpactSchool[]; pool: ImpactSchool[] }): RegistryImpact {
  return evaluateRegistryMeasure({
    measure: 'ks2.rwmExpectedPercent',
    startDate: PANEL_START,
    until: PANEL_UNTIL,
    ...panel,
  });
}
