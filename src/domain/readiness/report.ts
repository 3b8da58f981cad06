import { levelLabel, type Framework } from './framework.ts';
import { rankGaps, type Gap } from './gaps.ts';
import type { PartnershipType } from '../partnerships/model.ts';
import { answersByItem, ratingOf, scoreAssessment, type Answer, type Profile } from './scoring.ts';

export interface SectionChange {
  sectionId: string;
  title: string;
  before: number | null;
  now: number | null;
  /** Percentage points gained (negative when lost); null unless both are scored. */
  change: number | null;
}

export interface Report {
  profile: Profile;
  gaps: Gap[];
  /** The next steps of the top gaps, in priority order. */
  nextSteps: Array<{ itemId: string; question: string; step: string }>;
  /** Section by section, against the school's previous completed assessment of the same framework. */
  changes: SectionChange[] | null;
}

export interface ReportOptions {
  partnershipType: PartnershipType;
  /** Answers of the previous completed assessment of this framework, to show change over time. */
  previousAnswers?: readonly Answer[];
  nextStepCount?: number;
}

export function buildReport(
  framework: Framework,
  answers: readonly Answer[],
  options: ReportOptions,
): Report {
  const profile = scoreAssessment(framework, answers);
  const gaps = rankGaps(framework, answers, options.partnershipType);
  const nextSteps = gaps
    .slice(0, options.nextStepCount ?? 5)
    .map((g) => ({ itemId: g.item.id, question: g.item.question, step: g.nextStep }));
  let changes: SectionChange[] | null = null;
  if (options.previousAnswers) {
    const before = new Map(
      scoreAssessment(framework, options.previousAnswers).sections.map((s) => [s.sectionId, s.percent]),
    );
    changes = profile.sections.map((s) => {
      const was = before.get(s.sectionId) ?? null;
      return {
        sectionId: s.sectionId,
        title: s.title,
        before: was,
        now: s.percent,
        change: was !== null && s.percent !== null ? s.percent - was : null,
      };
    });
  }
  return { profile, gaps, nextSteps, changes };
}

export const CSV_COLUMNS = [
  'section',
  'item',
  'question',
  'rating',
  'ratingLabel',
  'evidence',
  'gap',
  'strength',
] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** One row per item, the same for the web download and the CLI. */
export function answerRows(framework: Framework, answers: readonly Answer[]): CsvRow[] {
  const byItem = answersByItem(answers);
  const { gapAtOrBelow, strengthAtOrAbove } = framework.scale;
  return framework.sections.flatMap((s) =>
    s.items.map((it) => {
      const answer = byItem.get(it.id);
      const rating = ratingOf(framework, answer);
      return {
        section: s.title,
        item: it.id,
        question: it.question,
        rating: rating === null ? '' : String(rating),
        ratingLabel: rating === null ? 'Not answered' : levelLabel(framework, rating),
        evidence: answer?.evidence ?? '',
        gap: rating !== null && rating <= gapAtOrBelow ? 'yes' : 'no',
        strength: rating !== null && rating >= strengthAtOrAbove ? 'yes' : 'no',
      };
    }),
  );
}
