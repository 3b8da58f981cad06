import type { Db } from '../../data/db.ts';
import {
  listActions,
  listSchoolAssessments,
  listSharedWith,
  previousCompletedAnswers,
} from '../../data/readiness.ts';
import { ACTION_STATUS_LABELS } from '../../domain/readiness/action-plan.ts';
import { canAnswer, canManage } from '../../domain/readiness/access.ts';
import type { Catalogue } from '../../domain/readiness/catalogue.ts';
import { levelLabel } from '../../domain/readiness/framework.ts';
import { PARTNERSHIP_TYPE_LABELS, type PartnershipType } from '../../domain/partnerships/model.ts';
import { buildReport } from '../../domain/readiness/report.ts';
import type { SessionUser } from '../../domain/access.ts';
import { barChart } from './chart.ts';
import type { Opened } from './load.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Everything the report page shows, from the same domain report the API and CLI export. */
export async function reportView(
  db: Db,
  catalogue: Catalogue,
  { assessment, framework, access }: Opened,
  user: SessionUser,
  partnershipType: PartnershipType,
) {
  const previousAnswers =
    assessment.status === 'completed' ? await previousCompletedAnswers(db, assessment) : undefined;
  const report = buildReport(framework, assessment.answers, { partnershipType, previousAnswers });
  const partner = catalogue.partnerOf(framework);
  let compareWith: Array<{ id: number; schoolName: string; status: string; when: string }> = [];
  if (partner) {
    const urns = user.schools.map((s) => s.urn);
    const visible = [
      ...(await Promise.all(urns.map((urn) => listSchoolAssessments(db, urn)))).flat(),
      ...(await listSharedWith(db, { urns, organisationIds: user.organisations.map((o) => o.id) })),
    ];
    const seen = new Set<number>();
    compareWith = visible
      .filter((a) => a.frameworkId === partner.id && !seen.has(a.id) && seen.add(a.id))
      .map((a) => ({
        id: a.id,
        schoolName: a.schoolName,
        status: a.status === 'completed' ? 'Completed' : 'Draft',
        when: isoDay(a.completedAt ?? a.startedAt),
      }));
  }
  return {
    title: `Readiness report: ${framework.title}`,
    assessment,
    framework,
    completedOn: assessment.completedAt ? isoDay(assessment.completedAt) : null,
    startedOn: isoDay(assessment.startedAt),
    partnershipType,
    considering: PARTNERSHIP_TYPE_LABELS[partnershipType],
    typeItems: framework.appliesTo.map((t) => ({
      value: t,
      text: PARTNERSHIP_TYPE_LABELS[t],
      selected: t === partnershipType,
    })),
    report,
    chart: barChart(report.profile.sections, report.changes),
    strengths: report.profile.strengths.map((s) => ({ ...s, label: levelLabel(framework, s.rating) })),
    gaps: report.gaps.map((g) => ({ ...g, label: levelLabel(framework, g.rating) })),
    actions: (await listActions(db, assessment.id)).map((a) => ({
      ...a,
      statusLabel: ACTION_STATUS_LABELS[a.status],
    })),
    canAnswer: canAnswer(access),
    canManage: canManage(access),
    partner,
    compareWith,
  };
}
