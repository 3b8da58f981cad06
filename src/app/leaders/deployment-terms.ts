import { teamMembersDays } from '../../data/deployment-team.ts';
import { deploymentTerms, lockedFit, type Fits } from '../../data/deployments.ts';
import type { Db } from '../../data/db.ts';
import { checkCommitment, type Commitment } from '../../domain/leaders/availability.ts';
import type { LeaderRuleBroken, LeaderRuleCode } from '../../domain/leaders/outcome.ts';
import { phrase, phraseList, writePhrase, type Phrase } from '../../domain/words.ts';
import type { FieldIssue, Phrased } from '../result.ts';

/** A broken rule as a phrase: its own, or its template and values, or its words as they are. */
const refusalPhrase = ({ message, template, values, phrase: own }: LeaderRuleBroken): Phrase =>
  own ??
  phrase(
    template ?? message,
    values &&
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [
          name,
          Array.isArray(value)
            ? phraseList(
                value.map((item) => phrase(item)),
                'and',
              )
            : value,
        ]),
      ),
  );

/** A broken rule's words for a form, with the phrase they were written from, so a page writes them in Welsh. */
export const refusalWords = (refused: LeaderRuleBroken): Phrased => ({
  message: refused.message,
  phrase: refusalPhrase(refused),
});

/** The availability check of a deployment with these days and dates, for `lockedFit`. */
export const fitting =
  (proposed: Commitment): Fits =>
  (availability, others) => {
    const outcome = checkCommitment(availability, others, proposed);
    return outcome.ok ? null : outcome.error;
  };

/** A change to a deployment's plan: any of its days and dates, as the plan's forms name them. */
export interface TermsChange {
  staffDays?: number | null;
  startDate?: string | null;
  endDate?: string | null;
}

/**
 * Which field of the form being saved a broken rule is about: the days when the form has them
 * and the rule is about days, otherwise the dates the form has.
 */
function fieldOf(code: LeaderRuleCode, change: TermsChange): string {
  const aboutDays = code === 'no-days' || code === 'over-availability';
  if ('staffDays' in change && (aboutDays || !('startDate' in change))) return 'staffDays';
  return code === 'dates-reversed' ? 'endDate' : 'startDate';
}

/**
 * Checks a change to a partnership's plan against its system leader's availability when the
 * partnership is a deployment, as commissioning does: inside the plan's transaction (`trx`,
 * which holds the partnership's row), with the leader's profile locked and every other open
 * commitment counted. Null when the change may be written; the refusal, naming the field, when not.
 */
export async function checkDeploymentChange(
  trx: Db,
  partnershipId: number,
  change: TermsChange,
): Promise<FieldIssue | null> {
  if (!('staffDays' in change || 'startDate' in change || 'endDate' in change)) return null;
  const current = await deploymentTerms(trx, partnershipId);
  if (!current) return null;
  const days = change.staffDays !== undefined ? change.staffDays : current.days;
  const start = change.startDate !== undefined ? change.startDate : current.start;
  const end = change.endDate !== undefined ? change.endDate : current.end;
  // Without its days (the resources form lets them be blank) a deployment would hold none at all.
  if (days === null || start === null || end === null)
    return { field: fieldOf('no-days', change), message: 'Enter the days the system leader is deployed for' };
  const checked = await lockedFit(trx, current.leaderUserId, fitting({ days, start, end }), {
    published: false,
    except: partnershipId,
  });
  if ('noProfile' in checked)
    return { field: fieldOf('no-days', change), message: 'The system leader has no profile any more' };
  if (checked.refused)
    return { field: fieldOf(checked.refused.code, change), ...refusalWords(checked.refused) };
  // New dates move every member's days too: each must still fit what that member declared.
  if (!('startDate' in change || 'endDate' in change)) return null;
  for (const member of await teamMembersDays(trx, partnershipId)) {
    const fits = await lockedFit(trx, member.userId, fitting({ days: member.days, start, end }), {
      published: false,
      except: partnershipId,
    });
    const refused = 'noProfile' in fits ? null : fits.refused;
    if (refused) {
      const words = phrase('For a member of the team: {{refusal}}', { refusal: refusalPhrase(refused) });
      return { field: fieldOf(refused.code, change), message: writePhrase(words), phrase: words };
    }
  }
  return null;
}
