import type { SeenDeployment } from '../../app/leaders/deployments.ts';
import { PAYER_LABELS } from '../../domain/leaders/costing.ts';
import { DEPLOYMENT_STATUS_LABELS } from '../../domain/leaders/deployment.ts';
import { daysText, pounds } from './presenters.ts';

const TAG_CLASSES = {
  'awaiting-leader': 'govuk-tag--yellow',
  agreed: 'govuk-tag--green',
  declined: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
  completed: 'govuk-tag--blue',
  'ended-early': 'govuk-tag--grey',
} as const;

/** A deployment in words, the costing only when the viewer may see it. */
export function deploymentView({ deployment: d, standing }: SeenDeployment) {
  return {
    ...d,
    title: `Deployment of ${d.leaderName} to ${d.clientName}`,
    href: `/deployments/${d.id}`,
    statusText: DEPLOYMENT_STATUS_LABELS[d.status],
    statusClasses: TAG_CLASSES[d.status],
    daysText: daysText(d.days),
    commissioner: d.organisationName ?? d.clientName,
    costingText: d.costing
      ? {
          rate: d.costing.dayRatePounds ? `${pounds(d.costing.dayRatePounds)} a day` : 'No charge',
          total: pounds(d.costing.totalPounds),
          paidBy: PAYER_LABELS[d.costing.paidBy],
        }
      : null,
    standing,
  };
}
