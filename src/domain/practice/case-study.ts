import { longDate } from '../format.ts';
import { FOCUS_AREA_IN_SENTENCE } from '../focus-areas.ts';
import { one, schools } from '../partnerships/impact/words.ts';
import {
  PARTNERSHIP_TYPE_LABELS,
  participants,
  type Action,
  type Partnership,
} from '../partnerships/model.ts';
import type { ComparisonEstimate } from './evidence.ts';
import { PRACTICE_LIMITS, type PracticeContent, type PracticePhase } from './model.ts';

/**
 * From a finished partnership to a case study: when a partnership closes as completed, its
 * schools are offered a draft practice record built from what S2S already holds (its plan, its
 * running record and its impact report). They choose which parts are shown, edit the words, and
 * both must approve before it goes to moderation. Staff names and action owners are never copied:
 * the record will be public.
 */

/** The parts of the partnership's record a case study can show; the schools choose among them. */
export const CASE_STUDY_PARTS = [
  'need',
  'milestones',
  'actions',
  'updates',
  'costs',
  'results',
  'sustainability',
] as const;
export type CaseStudyPart = (typeof CASE_STUDY_PARTS)[number];
export const CASE_STUDY_PART_LABELS: Record<CaseStudyPart, string> = {
  need: 'Why the schools worked together and the priorities it served',
  milestones: 'The milestones reached',
  actions: 'The actions completed',
  updates: 'The progress updates from the running record',
  costs: 'What it cost',
  results: 'The impact report: published results against similar schools, and the partnership’s own measures',
  sustainability: 'How the work carries on after the partnership',
};

/** A measure the partnership recorded itself, against its baseline and target. */
export interface OwnMeasure {
  name: string;
  baseline: number | null;
  target: number | null;
  latest: number | null;
  reached: boolean;
}

export interface CaseStudySource {
  partnership: Partnership;
  /** The phases of the partnership's schools. */
  phases: PracticePhase[];
  actions: readonly Action[];
  /** Progress updates from the running record, newest first. */
  updates: readonly { body: string; writtenAt: string }[];
  /** The impact report's estimates on published measures. */
  estimates: readonly ComparisonEstimate[];
  ownMeasures: readonly OwnMeasure[];
}

/** The most progress updates a draft copies: the latest, which say most about where the work ended. */
const UPDATES_SHOWN = 5;

/** The school year (2022 for 2022 to 2023) a date falls in: September starts it. */
export const schoolYearOf = (isoDate: string): number => {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
};

const fit = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
const paragraphs = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');
const list = (items: readonly string[]) => items.map((i) => `- ${i}`).join('\n');
const sentence = (text: string) => {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

function estimateText(e: ComparisonEstimate): string {
  const [low, high] = e.interval;
  return `${e.label}: an estimated effect of ${e.estimate > 0 ? '+' : ''}${one(e.estimate)} ${e.unit} (95% interval ${one(low)} to ${one(high)}) against ${schools(e.comparisonSchools)} like ours that were in no partnership.`;
}

function ownMeasureText(m: OwnMeasure): string {
  const figures = [
    m.baseline === null ? null : `from ${m.baseline}`,
    m.latest === null ? null : `to ${m.latest}`,
    m.target === null ? null : `against a target of ${m.target}`,
  ].filter(Boolean);
  return `${m.name}: ${figures.length ? figures.join(' ') : 'not recorded'}${m.reached ? ' (target reached)' : ''}.`;
}

/**
 * The draft case study of a completed partnership, showing only the parts chosen. Pure: the
 * words come from the partnership's own record, cut to the library's limits.
 */
export function caseStudyDraft(
  source: CaseStudySource,
  include: readonly CaseStudyPart[] = CASE_STUDY_PARTS,
): PracticeContent {
  const p = source.partnership;
  const shown = new Set(include);
  const names = participants(p.members).map((m) => m.name);
  const focus = p.focusAreas.map((f) => FOCUS_AREA_IN_SENTENCE[f]);
  const period = p.startDate && p.endDate ? `, ${longDate(p.startDate)} to ${longDate(p.endDate)}` : '';

  const milestones = p.milestones
    .filter((m) => m.doneOn !== null)
    .map((m) => `${m.title} (${longDate(m.doneOn!)})`);
  const actions = source.actions.filter((a) => a.status === 'done').map((a) => a.description);
  const updates = source.updates
    .slice(0, UPDATES_SHOWN)
    .map((u) => `${longDate(u.writtenAt.slice(0, 10))}: ${u.body}`);
  const whatWeDid = paragraphs(
    shown.has('need') && p.need && `Why: ${sentence(p.need)}`,
    shown.has('need') && p.priorities && `Priorities it served: ${sentence(p.priorities)}`,
    `${names.join(' and ')} worked together as a ${PARTNERSHIP_TYPE_LABELS[p.type].toLowerCase()} partnership${period}${focus.length ? `, on ${focus.join(' and ')}` : ''}.`,
    shown.has('milestones') && milestones.length > 0 && `Milestones reached:\n${list(milestones)}`,
    shown.has('actions') && actions.length > 0 && `Actions completed:\n${list(actions)}`,
    shown.has('updates') && updates.length > 0 && `From the running record:\n${list(updates)}`,
  );

  const costs = p.costs.reduce((sum, c) => sum + c.amountPounds, 0);
  const resources =
    paragraphs(
      p.staffDays !== null && `${p.staffDays} staff days were planned.`,
      p.releaseTime && `Release time: ${sentence(p.releaseTime)}`,
      shown.has('costs') &&
        p.costs.length > 0 &&
        `Costs: £${costs.toLocaleString('en-GB')} in all (${p.costs.map((c) => c.item).join(', ')}).`,
    ) || 'Not recorded in the partnership’s plan.';

  const results = shown.has('results');
  const whatChanged =
    paragraphs(
      results && source.estimates.length > 0 && list(source.estimates.map(estimateText)),
      results && source.ownMeasures.length > 0 && list(source.ownMeasures.map(ownMeasureText)),
      shown.has('sustainability') && p.sustainability && `What carries on: ${sentence(p.sustainability)}`,
    ) || 'Write what changed for pupils and staff.';
  const howWeKnow =
    paragraphs(
      results &&
        source.estimates.length > 0 &&
        'S2S’s impact report compared our published results before and after the start with those of similar schools in no partnership (a difference in differences).',
      results &&
        source.ownMeasures.length > 0 &&
        'We recorded our own measures against the baseline and target in our plan.',
      p.objectives.length > 0 &&
        `Our objectives: ${p.objectives.map((o) => sentence(o.description)).join(' ')}`,
    ) || 'Write how you know.';

  return {
    title: fit(p.title, PRACTICE_LIMITS.title),
    summary: fit(
      `${names.join(' and ')}: a ${PARTNERSHIP_TYPE_LABELS[p.type].toLowerCase()} partnership${focus.length ? ` on ${focus.join(' and ')}` : ''}${period}.`,
      PRACTICE_LIMITS.summary,
    ),
    whatWeDid: fit(whatWeDid, PRACTICE_LIMITS.long),
    phases: source.phases,
    pupilGroups: ['all'],
    focusAreas: p.focusAreas,
    collaboration: p.type,
    resources: fit(resources, PRACTICE_LIMITS.long),
    whatChanged: fit(whatChanged, PRACTICE_LIMITS.long),
    howWeKnow: fit(howWeKnow, PRACTICE_LIMITS.long),
    startedIn: p.startDate ? schoolYearOf(p.startDate) : null,
    links: [],
    externalEvaluation: '',
    partnershipId: p.id,
    language: 'en',
  };
}
