import type { Opened } from '../../app/readiness/access.ts';
import { actionsOf, assessmentsFor, previousAnswers } from '../../app/readiness/assessments.ts';
import type { AppContext } from '../../app/context.ts';
import { ACTION_STATUS_LABELS } from '../../domain/readiness/action-plan.ts';
import { canAnswer, canManage } from '../../domain/readiness/access.ts';
import type { Catalogue } from '../../domain/readiness/catalogue.ts';
import { levelLabel } from '../../domain/readiness/framework.ts';
import { inReaderLanguage } from '../../domain/readiness/localise.ts';
import { PARTNERSHIP_TYPE_LABELS, type PartnershipType } from '../../domain/partnerships/model.ts';
import { buildReport } from '../../domain/readiness/report.ts';
import type { SessionUser } from '../../domain/access.ts';
import { translateMessage, translator } from '../../i18n/index.ts';
import type { Language } from '../../domain/language.ts';
import { barChart } from './chart.ts';
import { practiceHref } from '../practice/presenters.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Everything the report page shows, from the same domain report the API and CLI export. */
export async function reportView(
  ctx: AppContext,
  catalogue: Catalogue,
  opened: Opened,
  user: SessionUser,
  partnershipType: PartnershipType,
  language: Language = 'en',
) {
  const say = (message: string) => translateMessage(language, { message });
  const { assessment, framework, access } = opened;
  const report = buildReport(framework, assessment.answers, {
    partnershipType,
    previousAnswers: await previousAnswers(ctx, opened),
  });
  const partner = catalogue.partnerOf(framework);
  let compareWith: Array<{ id: number; schoolName: string; status: string; when: string }> = [];
  if (partner) {
    compareWith = (await assessmentsFor(ctx, user))
      .filter((a) => a.frameworkId === partner.id)
      .map((a) => ({
        id: a.id,
        schoolName: a.schoolName,
        status: say(a.status === 'completed' ? 'Completed' : 'Draft'),
        when: isoDay(a.completedAt ?? a.startedAt),
      }));
  }
  return {
    title: translator(language)('readiness.report.title', { framework: framework.title }),
    assessment,
    framework,
    completedOn: assessment.completedAt ? isoDay(assessment.completedAt) : null,
    startedOn: isoDay(assessment.startedAt),
    partnershipType,
    considering: say(PARTNERSHIP_TYPE_LABELS[partnershipType]),
    typeItems: framework.appliesTo.map((t) => ({
      value: t,
      text: say(PARTNERSHIP_TYPE_LABELS[t]),
      selected: t === partnershipType,
    })),
    report,
    chart: barChart(report.profile.sections, report.changes, translator(language)),
    strengths: report.profile.strengths.map((s) => ({ ...s, label: levelLabel(framework, s.rating) })),
    gaps: report.gaps.map((g) => ({
      ...g,
      label: levelLabel(framework, g.rating),
      practiceHref: g.item.practiceFocus?.length ? practiceHref(g.item.practiceFocus) : null,
    })),
    actions: (await actionsOf(ctx, opened)).map((a) => ({
      ...a,
      action: inReaderLanguage(framework, a.action),
      statusLabel: say(ACTION_STATUS_LABELS[a.status]),
    })),
    canAnswer: canAnswer(access),
    canManage: canManage(access),
    partner,
    compareWith,
  };
}
