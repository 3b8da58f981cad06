import { z } from 'zod';
import {
  levelLabel,
  type Framework,
  type FrameworkItem,
  type FrameworkSection,
} from '../../domain/readiness/framework.ts';
import type { Answer } from '../../domain/readiness/scoring.ts';
import { wordedCheck } from '../../app/result.ts';

export const EVIDENCE_MAX = 5000;

/**
 * The form of one section: a rating (radios on the framework's scale) and evidence per item.
 * Leaving a rating blank is allowed while drafting; completing the assessment needs them all.
 */
export function sectionFormSchema(framework: Framework, section: FrameworkSection) {
  const values: unknown[] = framework.scale.levels.map((l) => String(l.value));
  const shape: Record<string, z.ZodType> = {};
  for (const item of section.items) {
    const question = { question: item.question };
    shape[`rating-${item.id}`] = z
      .unknown()
      .refine(
        (v) => v === undefined || v === '' || values.includes(v),
        wordedCheck('Choose one of the ratings for “{{question}}”', question),
      )
      .optional();
    shape[`evidence-${item.id}`] = z
      .unknown()
      .refine(
        (v) => v === undefined || typeof v === 'string',
        wordedCheck('Enter the evidence for “{{question}}” as text', question),
      )
      .refine(
        (v) => typeof v !== 'string' || v.length <= EVIDENCE_MAX,
        wordedCheck('Evidence for “{{question}}” must be {{max}} characters or fewer', {
          ...question,
          max: EVIDENCE_MAX.toLocaleString('en-GB'),
        }),
      )
      .optional();
  }
  return z.object(shape).transform((form): Answer[] =>
    section.items.map((item) => {
      const rating = form[`rating-${item.id}`] as string | undefined;
      return {
        itemId: item.id,
        rating: rating ? Number(rating) : null,
        evidence: ((form[`evidence-${item.id}`] as string | undefined) ?? '').trim(),
      };
    }),
  );
}

/** What the section page and the check-your-answers page show for one item. */
export function answerForm(
  framework: Framework,
  item: FrameworkItem,
  answer: Answer | undefined,
  fieldErrors: Record<string, { text: string }>,
) {
  const rating = answer?.rating ?? null;
  return {
    item,
    ratingName: `rating-${item.id}`,
    evidenceName: `evidence-${item.id}`,
    ratingItems: framework.scale.levels.map((l) => ({
      value: String(l.value),
      text: l.label,
      hint: { text: l.description },
      checked: rating === l.value,
    })),
    ratingLabel: rating === null ? null : levelLabel(framework, rating),
    evidence: answer?.evidence ?? '',
    ratingError: fieldErrors[`rating-${item.id}`],
    evidenceError: fieldErrors[`evidence-${item.id}`],
  };
}
