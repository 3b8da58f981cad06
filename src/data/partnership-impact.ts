import {
  evaluateRegistryMeasure,
  progressToTarget,
  type ImpactSchool,
  type RegistryImpact,
  type TargetProgress,
} from '../domain/partnerships/impact/evaluate.ts';
import { lineageFinder, lineageSeries } from '../domain/partnerships/impact/lineage.ts';
import { REGISTRY_MEASURE_INFO, resultYears } from '../domain/partnerships/impact/measures.ts';
import { participants, type Objective, type Partnership, type RegistryMeasure } from '../domain/partnerships/model.ts';
import { listOutcomes } from './partnership-records.ts';
import type { Db } from './db.ts';
import type { PerformanceTable } from './tables/registry.ts';

export interface ImpactData {
  members: ImpactSchool[];
  pool: ImpactSchool[];
  latestResultsYear: number | null;
}

const COLUMNS: Record<RegistryMeasure, keyof PerformanceTable> = {
  'ks2.rwmExpectedPercent': 'rwm_expected_percent',
  'ks2.readingProgress': 'reading_progress',
  'ks2.writingProgress': 'writing_progress',
  'ks2.mathsProgress': 'maths_progress',
  'ks4.progress8': 'progress8',
  'ks4.attainment8': 'attainment8',
  'ks4.englishMaths5Percent': 'english_maths5_percent',
};

/**
 * The member schools' and the candidate comparison schools' yearly values of one published
 * measure, every comparable year up to the end, each carried across URN changes by the GIAS
 * links, with their context. Candidates are open schools with results at the same key stage whose
 * lineage took part in no partnership running over the period.
 */
export async function loadImpactData(
  db: Db,
  input: { memberUrns: number[]; measure: RegistryMeasure; startDate: string; until: string },
): Promise<ImpactData> {
  const info = REGISTRY_MEASURE_INFO[input.measure];
  const { baselineYear, lastOutcomeYear } = resultYears(input.startDate, input.until);
  const [rows, latest, schools, links, busy] = await Promise.all([
    db
      .selectFrom('performance')
      .select(['urn', 'year', `${COLUMNS[input.measure]} as value`])
      .where('key_stage', '=', info.keyStage)
      .where('year', '>=', info.firstComparableYear)
      .where('year', '<=', Math.max(lastOutcomeYear, baselineYear))
      .execute(),
    db
      .selectFrom('performance')
      .select((eb) => eb.fn.max('year').as('year'))
      .where('key_stage', '=', info.keyStage)
      .where(COLUMNS[input.measure], 'is not', null)
      .executeTakeFirst(),
    db.selectFrom('schools').select(['urn', 'fsm_percent', 'pupils', 'phase', 'open']).execute(),
    db
      .selectFrom('school_links')
      .select(['urn', 'link_urn as linkUrn', 'link_type as linkType'])
      .where((eb) => eb.or([eb('link_type', 'ilike', 'predecessor%'), eb('link_type', 'ilike', 'successor%')]))
      .execute(),
    db
      .selectFrom('partnership_members as m')
      .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
      .select('m.urn')
      .distinct()
      .where('m.invitation', 'in', ['proposer', 'accepted'])
      .where('p.status', '!=', 'proposed')
      .where((eb) => eb.or([eb('p.start_date', 'is', null), eb('p.start_date', '<=', input.until)]))
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', input.startDate)]))
      .execute(),
  ]);

  const values = new Map<number, Map<number, number>>();
  for (const r of rows) {
    if (r.value === null || typeof r.value !== 'number') continue;
    if (!values.has(r.urn)) values.set(r.urn, new Map());
    values.get(r.urn)!.set(r.year, r.value);
  }
  const context = new Map(schools.map((s) => [s.urn, s]));
  const lineageOf = lineageFinder(links);
  const excluded = new Set([...busy.map((b) => b.urn), ...input.memberUrns]);
  const school = (urn: number, line: number[]): ImpactSchool => ({
    urn,
    fsmPercent: context.get(urn)?.fsm_percent ?? null,
    pupils: context.get(urn)?.pupils ?? null,
    phase: context.get(urn)?.phase ?? null,
    series: lineageSeries(line, values),
  });
  const members = input.memberUrns.map((urn) => school(urn, lineageOf(urn)));
  // Each comparison school counts once, under its current URN, with its predecessors' results.
  const pool = schools
    .filter((s) => s.open)
    .flatMap((s) => {
      const line = lineageOf(s.urn);
      return line.some((u) => excluded.has(u)) ? [] : [school(s.urn, line)];
    })
    .filter((s) => s.series.size > 0);
  return { members, pool, latestResultsYear: latest?.year ?? null };
}

export interface ObjectiveImpact {
  objective: Objective;
  registry: RegistryImpact | null;
  custom: (TargetProgress & { recordedOn: string | null }) | null;
}

export interface ImpactReport {
  until: string;
  objectives: ObjectiveImpact[];
}

/**
 * Impact so far (or at the end) for each objective: published measures against a comparison
 * group, the partnership's own measures against their targets.
 */
export async function impactReport(db: Db, p: Partnership, today: string): Promise<ImpactReport | null> {
  if (!p.startDate) return null;
  const until = p.endDate && p.endDate < today ? p.endDate : today;
  const memberUrns = participants(p.members).map((m) => m.urn);
  const outcomes = await listOutcomes(db, p.id);
  const objectives = await Promise.all(
    p.objectives.map(async (objective): Promise<ObjectiveImpact> => {
      if (objective.measure === 'custom') {
        const latest = outcomes.filter((o) => o.objectiveId === objective.id).at(-1);
        return {
          objective,
          registry: null,
          custom: {
            ...progressToTarget(objective.baseline, objective.target, latest?.value ?? null),
            recordedOn: latest?.recordedOn ?? null,
          },
        };
      }
      const data = await loadImpactData(db, { memberUrns, measure: objective.measure, startDate: p.startDate!, until });
      return {
        objective,
        registry: evaluateRegistryMeasure({
          measure: objective.measure,
          startDate: p.startDate!,
          until,
          ended: until !== today,
          ...data,
        }),
        custom: null,
      };
    }),
  );
  return { until, objectives };
}
