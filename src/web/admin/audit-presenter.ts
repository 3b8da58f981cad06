import { longDate } from '../../domain/format.ts';

/**
 * What each recorded action means, as a reader would say it. Actions not listed here are read
 * from their code ("peer-review.finding-recorded" as "Peer review: finding recorded"), so a new
 * action is never shown as a raw code.
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
  'school.declaration-updated': 'Updated what the school can offer and needs',
  'school.sharing-agreed': 'Agreed to share the school’s records with an organisation',
  'school.sharing-withdrawn': 'Stopped sharing the school’s records with an organisation',
  'partnership.proposed': 'Proposed a partnership',
  'partnership.milestone-done': 'Marked a partnership milestone done',
  'partnership.milestone-reopened': 'Reopened a partnership milestone',
  'profile.published': 'Published a performance profile',
  'profile.activated': 'Chose the performance profile in use',
  'system-leader.profile-saved': 'Saved a system leader profile',
  'system-leader.profile-published': 'Published a system leader profile',
  'system-leader.profile-withdrawn': 'Withdrew a system leader profile',
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

export function describeAction(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const [capability = action, verb] = action.split('.');
  return verb ? `${sentenceCase(words(capability))}: ${words(verb)}` : sentenceCase(words(action));
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return ISO_DATE.test(value) ? longDate(value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(describeValue).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${words(key)} ${describeValue(inner)}`)
    .join('; ');
}

/** What changed, one "Label: value" line per detail, in words rather than JSON. */
export function describeDetails(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(
    ([key, value]) => `${sentenceCase(words(key))}: ${describeValue(value)}`,
  );
}
