import { schoolFacts } from '../../data/peer-review/conflict-facts.ts';
import {
  declareConflict,
  getReviewer,
  listDeclaredConflicts,
  saveReviewer,
  withdrawConflict,
  type RegisteredReviewer,
} from '../../data/peer-review/reviewers.ts';
import type { SessionUser } from '../../domain/access.ts';
import { leadRefusal, reviewsDone } from '../../domain/peer-review/reviewers.ts';
import type { Phrase } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, parseInput, type Result, worded } from '../result.ts';
import { chosenId, conflictInput, reviewerInput } from './input.ts';

/** A person's own entry in the reviewer register, and the conflicts of interest they declare. */

export interface OwnEntry {
  entry: RegisteredReviewer | undefined;
  reviewsDone: number;
  /** Why they cannot lead yet, or null. */
  leadRefusal: Phrase | null;
  conflicts: Awaited<ReturnType<typeof listDeclaredConflicts>>;
  schools: { urn: number; name: string }[];
}

export async function ownReviewerEntry(ctx: AppContext, user: SessionUser): Promise<OwnEntry> {
  const [entry, conflicts, facts] = await Promise.all([
    getReviewer(ctx.db, user.id),
    listDeclaredConflicts(ctx.db, [user.id]),
    schoolFacts(
      ctx.db,
      user.schools.map((s) => s.urn),
    ),
  ]);
  return {
    entry,
    reviewsDone: entry ? reviewsDone(entry) : 0,
    leadRefusal: entry ? leadRefusal(entry, ctx.config.peerReview.reviewers) : null,
    conflicts,
    schools: [...facts.values()].map((f) => ({ urn: f.urn, name: f.name })),
  };
}

export async function saveOwnReviewerEntry(
  ctx: AppContext,
  user: SessionUser,
  raw: unknown,
): Promise<Result<true>> {
  const parsed = parseInput(reviewerInput, raw);
  if (!parsed.ok) return parsed;
  const { homeUrn, trainedOn, trainedBy, earlierReviews, experience } = parsed.value;
  if (!user.schools.some((s) => s.urn === homeUrn))
    return invalidField('homeUrn', 'Choose a school you serve at');
  await saveReviewer(ctx.db, user.id, { homeUrn, trainedOn, trainedBy, earlierReviews, experience }, user);
  return ok(true);
}

export async function declareOwnConflict(
  ctx: AppContext,
  user: SessionUser,
  raw: unknown,
): Promise<Result<true>> {
  const parsed = parseInput(conflictInput, raw);
  if (!parsed.ok) return parsed;
  const facts = await schoolFacts(ctx.db, [parsed.value.urn]);
  if (!facts.has(parsed.value.urn))
    return invalidField(
      'urn',
      worded('No school has the {{urn, schoolIdInSentence}}', { urn: parsed.value.urn }),
    );
  await declareConflict(ctx.db, user.id, parsed.value, user);
  return ok(true);
}

/**
 * Takes one of the person's own declarations off their register, for a conflict that has ended;
 * places on teams keep the conflicts found when the reviewer was added.
 */
export async function withdrawOwnConflict(
  ctx: AppContext,
  user: SessionUser,
  raw: unknown,
): Promise<Result<true>> {
  const parsed = parseInput(chosenId('conflictId', 'Choose a conflict you declared'), raw);
  if (!parsed.ok) return parsed;
  return (await withdrawConflict(ctx.db, user.id, parsed.value.conflictId, user))
    ? ok(true)
    : fail('not-found', 'No such conflict on your register.');
}
