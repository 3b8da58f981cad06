import type { Language } from '../../domain/language.ts';
import { translateMessage } from '../../i18n/index.ts';
import { dayIn } from '../sponsorships/presenters.ts';
import { inSentence } from '../http/labels.ts';

/**
 * What each recorded action means, as a reader would say it (in English here, in Welsh in the
 * catalogue's messages). Actions not listed here are read from their code ("mystery.thing-done"
 * as "Mystery: thing done"), so a new action is never shown as a raw code.
 */
const ACTIONS: Record<string, string> = {
  'account.password-reset': 'Reset their password',
  'account.platform-admin-granted': 'Made a platform administrator',
  'account.designation-set': 'Recorded a system leader designation',
  'account.designation-removed': 'Removed a system leader designation',
  'organisation.created': 'Set up an organisation',
  'organisation.school-added': 'Added a school to an organisation',
  'organisation.officer-invited': 'Invited an officer to an organisation',
  'organisation.officer-joined': 'Joined an organisation as an officer',
  'school.member-invited': 'Invited someone to join the school',
  'school.member-joined': 'Joined the school',
  'school.member-removed': 'Removed a member of the school',
  'school.join-requested': 'Asked to join the school',
  'school.join-approved': 'Approved a request to join the school',
  'school.join-refused': 'Refused a request to join the school',
  'school.declaration-updated': 'Updated what the school can offer and needs',
  'school.sharing-agreed': 'Agreed to share the school’s records with an organisation',
  'school.sharing-withdrawn': 'Stopped sharing the school’s records with an organisation',
  'partnership.proposed': 'Proposed a partnership',
  'partnership.school-agreed': 'Agreed to a partnership',
  'partnership.agreement-withdrawn': 'Withdrew agreement to a partnership',
  'partnership.milestone-done': 'Marked a partnership milestone done',
  'partnership.milestone-reopened': 'Reopened a partnership milestone',
  'profile.published': 'Published a performance profile',
  'profile.activated': 'Chose the performance profile in use',
  'system-leader.profile-saved': 'Saved a system leader profile',
  'system-leader.profile-published': 'Published a system leader profile',
  'system-leader.profile-withdrawn': 'Withdrew a system leader profile',
  'deployment.commissioned': 'Commissioned a system leader deployment',
  'deployment.accepted': 'Accepted a system leader deployment',
  'deployment.declined': 'Declined a system leader deployment',
  'deployment.withdrawn': 'Withdrew a system leader deployment',
  'sponsorship.recorded': 'Recorded that a school was taken on by a sponsor',
  'readiness.completed': 'Completed a readiness assessment',
  'readiness.shared': 'Shared a readiness assessment',
  'readiness.share-revoked': 'Stopped sharing a readiness assessment',
  'readiness.action-updated': 'Updated an action from a readiness assessment',
  'readiness.actions-carried': 'Carried readiness actions into a partnership',
  'readiness.carried-action-updated': 'Updated a readiness action in a partnership',
  'practice.created': 'Started a good practice record',
  'practice.edited': 'Edited a good practice record',
  'practice.submitted': 'Sent a good practice record for moderation',
  'practice.approved': 'Approved a good practice record',
  'practice.returned': 'Returned a good practice record to its author',
  'practice.withdrawn': 'Withdrew a good practice record',
  'practice.reported': 'Reported a good practice record',
  'practice.reports-dismissed': 'Dismissed reports about a good practice record',
  'practice.case-study-started': 'Started a case study',
  'practice.case-study-changed': 'Changed a case study',
  'practice.case-study-approved': 'Approved a case study',
  'practice.case-study-withdrawn': 'Withdrew a case study',
  'peer-review.group-created': 'Set up a peer review group',
  'peer-review.group-joined': 'Agreed to take part in a peer review group',
  'peer-review.group-declined': 'Declined to take part in a peer review group',
  'peer-review.group-left': 'Left a peer review group',
  'peer-review.cycle-scheduled': 'Scheduled a peer review',
  'peer-review.reviewer-registered': 'Registered as a peer reviewer',
  'peer-review.reviewer-added': 'Added a reviewer to a peer review',
  'peer-review.reviewer-removed': 'Removed a reviewer from a peer review',
  'peer-review.conflict-declared': 'Declared a conflict of interest',
  'peer-review.conflict-withdrawn': 'Withdrew a conflict of interest',
  'peer-review.conflict-overridden': 'Added a reviewer despite a conflict of interest',
  'peer-review.self-evaluation-saved': 'Saved a self-evaluation',
  'peer-review.finding-recorded': 'Recorded a peer review finding',
  'peer-review.finding-removed': 'Removed a peer review finding',
  'peer-review.finding-challenged': 'Challenged a peer review finding',
  'peer-review.challenge-decided': 'Decided a challenge to a finding',
  'peer-review.judgement-recorded': 'Recorded a peer review judgement',
  'peer-review.report-submitted': 'Sent a peer review report for moderation',
  'peer-review.report-final': 'Made a peer review report final',
  'peer-review.report-returned': 'Returned a peer review report to its reviewers',
  'peer-review.report-sharing-changed': 'Changed who may read a peer review report',
  'peer-review.follow-up-proposed': 'Proposed a follow-up partnership',
  'peer-review.action-added': 'Added a peer review action',
  'peer-review.action-updated': 'Updated a peer review action',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "newAccount" as "new account", "peer-review" as "peer review". */
function words(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeAction(action: string, language: Language = 'en'): string {
  const known = ACTIONS[action];
  if (known) return translateMessage(language, { message: known });
  const [capability = action, verb] = action.split('.');
  return verb ? `${sentenceCase(words(capability))}: ${words(verb)}` : sentenceCase(words(action));
}

/** A stored value in words: none, yes or no and dates in the reader's language; the rest as stored. */
function describeValue(value: unknown, language: Language): string {
  const say = (message: string) => translateMessage(language, { message });
  if (value === null || value === undefined || value === '') return say('none');
  if (typeof value === 'boolean') return say(value ? 'yes' : 'no');
  if (typeof value === 'string') return ISO_DATE.test(value) ? dayIn(language, value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? say('none') : value.map((v) => describeValue(v, language)).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${inSentence(language, label(key))} ${describeValue(inner, language)}`)
    .join('; ');
}

/** A stored key as a label ("doneOn" as "Done on"), to be put in the reader's language. */
const label = (key: string) => sentenceCase(words(key));

/**
 * What changed, one "Label: value" line per detail, in words rather than JSON. The stored keys
 * and values are not changed: a key's label and the words none, yes and no come from the
 * catalogue (a key it lacks is shown in English), dates in the reader's language.
 */
export function describeDetails(details: Record<string, unknown>, language: Language = 'en'): string[] {
  return Object.entries(details).map(
    ([key, value]) =>
      `${translateMessage(language, { message: label(key) })}: ${describeValue(value, language)}`,
  );
}
