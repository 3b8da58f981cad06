import type { PlannedAction } from './action-plan.ts';
import { levelLabel, type Framework } from './framework.ts';
import type { PartnershipType } from '../partnerships/model.ts';
import { answerRows, buildReport } from './report.ts';
import type { Answer } from './scoring.ts';

export interface ExportedAssessment {
  id: number;
  urn: number;
  schoolName: string;
  partnershipType: PartnershipType;
  status: 'draft' | 'completed';
  startedAt: Date;
  completedAt: Date | null;
  answers: readonly Answer[];
}

/**
 * The machine-readable report of one assessment: what the JSON API returns and `s2s readiness
 * export --json` prints, so the two can never disagree.
 */
export function exportDocument(
  framework: Framework,
  assessment: ExportedAssessment,
  actions: readonly PlannedAction[],
  previousAnswers?: readonly Answer[],
) {
  const report = buildReport(framework, assessment.answers, {
    partnershipType: assessment.partnershipType,
    previousAnswers,
  });
  return {
    id: assessment.id,
    urn: assessment.urn,
    schoolName: assessment.schoolName,
    framework: { id: framework.id, version: framework.version, title: framework.title },
    partnershipType: assessment.partnershipType,
    status: assessment.status,
    startedAt: assessment.startedAt.toISOString(),
    completedAt: assessment.completedAt?.toISOString() ?? null,
    overall: report.profile.overall,
    sections: report.profile.sections,
    changes: report.changes,
    strengths: report.profile.strengths.map((s) => ({
      itemId: s.item.id,
      question: s.item.question,
      rating: s.rating,
      ratingLabel: levelLabel(framework, s.rating),
    })),
    gaps: report.gaps.map((g) => ({
      itemId: g.item.id,
      question: g.item.question,
      rating: g.rating,
      ratingLabel: levelLabel(framework, g.rating),
      priority: g.priority,
      reasons: g.reasons,
      nextStep: g.nextStep,
    })),
    answers: answerRows(framework, assessment.answers),
    actions: actions.map(({ itemId, action, owner, dueOn, status, priority }) => ({
      itemId,
      action,
      owner,
      dueOn,
      status,
      priority,
    })),
  };
}
export type ExportDocument = ReturnType<typeof exportDocument>;
