import type { SeenDeployment } from '../../app/leaders/deployments.ts';
import type { LeaderAnswer } from '../../domain/leaders/deployment.ts';
import { PAYER_LABELS } from '../../domain/leaders/costing.ts';
import { daysText, pounds, rateText } from './presenters.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage, translator } from '../../i18n/index.ts';

const TAG_CLASSES = {
  'awaiting-leader': 'govuk-tag--yellow',
  'awaiting-team': 'govuk-tag--yellow',
  agreed: 'govuk-tag--green',
  declined: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
  completed: 'govuk-tag--blue',
  'ended-early': 'govuk-tag--grey',
} as const;

const ANSWER_CLASSES = {
  waiting: 'govuk-tag--yellow',
  accepted: 'govuk-tag--green',
  declined: 'govuk-tag--red',
} as const;

/** A deployment in words, the costing only when the viewer may see it. */
export const deploymentView =
  (language: Language = 'en') =>
  ({ deployment: d, standing, place }: SeenDeployment) => {
    const t = translator(language);
    const answerKey = (a: LeaderAnswer | null) => a ?? 'waiting';
    return {
      ...d,
      title: t('leaders.deploymentPage.title', { leader: d.leaderName, client: d.clientName }),
      href: `/deployments/${d.id}`,
      statusText: t(`leaders.status.${d.status}`),
      statusClasses: TAG_CLASSES[d.status],
      daysText: daysText(d.days, language),
      commissioner: d.organisationName ?? d.clientName,
      costingText: d.costing
        ? {
            rate: rateText(d.costing.dayRatePounds, language),
            total: pounds(d.costing.totalPounds),
            paidBy: translateMessage(language, { message: PAYER_LABELS[d.costing.paidBy] }),
          }
        : null,
      standing,
      place,
      /** Each member of the team, the lead first, with their own days, answer and (to those who may see it) costing. */
      team: d.team.map((m) => ({
        ...m,
        roleText: t(m.lead ? 'leaders.team.lead' : 'leaders.team.member'),
        daysText: daysText(m.days, language),
        answerText: t(`leaders.team.answer.${answerKey(m.answer)}`),
        answerClasses: ANSWER_CLASSES[answerKey(m.answer)],
        rate: m.costing ? rateText(m.costing.dayRatePounds, language) : null,
        cost: m.costing ? pounds(m.costing.totalPounds) : null,
      })),
      isTeam: d.team.length > 1,
    };
  };
