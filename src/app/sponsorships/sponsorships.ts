import { z } from 'zod';
import { getOrganisation } from '../../data/organisations.ts';
import {
  endSponsorshipAudited,
  listSponsorships,
  recordSponsorshipAudited,
} from '../../data/sponsorships.ts';
import {
  canRecordSponsorship,
  isCurrent,
  overlaps,
  sponsorKey,
  type Sponsor,
} from '../../domain/sponsorship.ts';
import type { Actor } from '../actor.ts';
import { today, type AppContext } from '../context.ts';
import { calendarDateSchema, schoolIdField } from '../input.ts';
import { fail, invalidField, ok, parseInput, worded, type Result } from '../result.ts';
import { schoolName } from '../schools/names.ts';

type Ctx = Pick<AppContext, 'db' | 'now' | 'snapshots'>;

/** The sponsor a page is about: a trust (an organisation of that kind) or a sponsor school. */
export type SponsorRef = { organisationId: number } | { urn: number };

const blankDate = (d: unknown) => {
  const parts = (d ?? {}) as Record<string, unknown>;
  return [parts.day, parts.month, parts.year].every((v) => typeof v !== 'string' || v.trim() === '');
};

/** A sponsorship as the form sends it: the school's URN, the day it was taken on, and the day it ended if it has. */
export const sponsorshipInput = z
  .object({
    urn: schoolIdField('Enter the URN of the school taken on', 'Enter the URN as 5 to 7 digits, like 100001'),
    startsOn: calendarDateSchema('the date the school was taken on'),
    endsOn: z.preprocess(
      (d) => (blankDate(d) ? null : d),
      calendarDateSchema('the date the sponsorship ended').nullable(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn !== null && v.endsOn < v.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'The date the sponsorship ended must be on or after the date the school was taken on',
      });
    }
  });

/** The sponsor a recorded sponsorship names, as a page's or a command's reference to it. */
const refOf = (sponsor: Sponsor): SponsorRef =>
  sponsor.kind === 'organisation' ? { organisationId: sponsor.id } : { urn: sponsor.urn };
/** The other way round, unnamed: enough to compare with `sponsorKey`. */
const sponsorOf = (ref: SponsorRef): Sponsor =>
  'organisationId' in ref
    ? { kind: 'organisation', id: ref.organisationId, name: '' }
    : { kind: 'school', urn: ref.urn, name: '' };

/**
 * The sponsor, named, if it exists and this person may record its sponsorships (the operator at
 * the command line may); else not found.
 */
async function sponsorFor(ctx: Ctx, ref: SponsorRef, actor: Actor): Promise<Result<{ name: string }>> {
  const missing = fail('not-found', 'No such sponsor.');
  if (actor !== null && !canRecordSponsorship(actor, ref)) return missing;
  if ('organisationId' in ref) {
    const organisation = await getOrganisation(ctx.db, ref.organisationId);
    return organisation?.kind === 'trust' ? ok({ name: organisation.name }) : missing;
  }
  const name = await schoolName(ctx, ref.urn);
  return name ? ok({ name }) : missing;
}

const listOf = (ctx: Ctx, ref: SponsorRef) =>
  listSponsorships(
    ctx.db,
    'organisationId' in ref ? { organisationId: ref.organisationId } : { sponsorUrn: ref.urn },
  );

/**
 * A sponsor's page: the schools it has taken on. Only those who may record its sponsorships see
 * it (a platform administrator, the trust's officers, the sponsor school's administrators).
 */
export async function sponsorPage(ctx: Ctx, ref: SponsorRef, actor: Actor) {
  const sponsor = await sponsorFor(ctx, ref, actor);
  if (!sponsor.ok) return sponsor;
  return ok({ sponsor: sponsor.value, sponsorships: await listOf(ctx, ref), today: today(ctx) });
}

/**
 * Records that the sponsor took a school on (audited). Refused, naming the field, for a URN that
 * names no school (or the sponsor school itself), for dates out of order, and when the school
 * already had a sponsor over those dates: a school has one sponsor at a time.
 */
export async function recordSponsorship(
  ctx: Ctx,
  ref: SponsorRef,
  input: unknown,
  actor: Actor,
): Promise<Result<{ id: number }>> {
  const sponsor = await sponsorFor(ctx, ref, actor);
  if (!sponsor.ok) return sponsor;
  const parsed = parseInput(sponsorshipInput, input);
  if (!parsed.ok) return parsed;
  const { urn, startsOn, endsOn } = parsed.value;
  if ('urn' in ref && ref.urn === urn) return invalidField('urn', 'A school cannot sponsor itself');
  const name = await schoolName(ctx, urn);
  if (!name) return invalidField('urn', worded('No school has the {{urn, schoolIdInSentence}}', { urn }));
  const clash = (await listSponsorships(ctx.db, { urns: [urn] })).find(
    (s) => s.urn === urn && overlaps(s, { startsOn, endsOn }),
  );
  if (clash) {
    return invalidField(
      'startsOn',
      worded('{{school}} was sponsored by {{sponsor}} from {{date}}: a school has one sponsor at a time', {
        school: name,
        sponsor: clash.sponsor.name,
        date: clash.startsOn,
      }),
    );
  }
  const id = await recordSponsorshipAudited(ctx.db, { urn, sponsor: ref, startsOn, endsOn }, actor);
  await searchKnows(ctx);
  return ok({ id });
}

/**
 * Partner search reads sponsorships from the snapshot: the next search should know of a change.
 * The change is written either way; a failed rebuild is retried by the next check for changes.
 */
const searchKnows = (ctx: Ctx) => ctx.snapshots.refresh().catch(() => undefined);

/** Which sponsorship ended, and on what day (the form's or the command's). */
export const sponsorshipEndInput = z.object({
  sponsorship: z
    .string()
    .trim()
    .min(1, 'Choose the sponsorship that ended')
    .regex(/^\d{1,9}$/, 'Choose the sponsorship that ended')
    .transform(Number),
  endedOn: calendarDateSchema('the date the sponsorship ended'),
});

/**
 * Ends a sponsorship that is still open, on a day not before it began (audited), and lets partner
 * search know. A page names the sponsor (`ref`) and its own sponsorship; the command line names
 * the sponsorship alone. Those who may record the sponsor's sponsorships may end them; for anyone
 * else the sponsor and its sponsorships do not exist.
 */
export async function endSponsorship(
  ctx: Ctx,
  ref: SponsorRef | null,
  input: unknown,
  actor: Actor,
): Promise<Result<{ id: number; endsOn: string }>> {
  if (ref) {
    const sponsor = await sponsorFor(ctx, ref, actor);
    if (!sponsor.ok) return sponsor;
  }
  const parsed = parseInput(sponsorshipEndInput, input);
  if (!parsed.ok) return parsed;
  const { sponsorship: id, endedOn } = parsed.value;
  const [found] = await listSponsorships(ctx.db, { id });
  const mine = found && (!ref || sponsorKey(found.sponsor) === sponsorKey(sponsorOf(ref)));
  if (!found || !mine || !(actor === null || canRecordSponsorship(actor, refOf(found.sponsor)))) {
    return ref
      ? invalidField('sponsorship', 'Choose the sponsorship that ended')
      : fail('not-found', worded('No sponsorship has the number {{id}}', { id }));
  }
  const alreadyEnded = () =>
    invalidField(
      'sponsorship',
      worded('The sponsorship of {{school}} has already ended', { school: found.schoolName }),
    );
  if (found.endsOn !== null) return alreadyEnded();
  if (endedOn < found.startsOn) {
    return invalidField(
      'endedOn',
      worded('The date the sponsorship ended must be on or after {{date}}, when the school was taken on', {
        date: found.startsOn,
      }),
    );
  }
  // Ended by someone else since it was read: nothing is written.
  if (!(await endSponsorshipAudited(ctx.db, { id, endsOn: endedOn }, actor))) return alreadyEnded();
  await searchKnows(ctx);
  return ok({ id, endsOn: endedOn });
}

/** Whose sponsorships to list: a trust's, a sponsor school's, or those a school is part of. */
export type SponsorshipsOf = SponsorRef | { school: number };

/**
 * The sponsorships of a sponsor (for those who may record them) or of a school (public, as its
 * page and `GET /api/schools/{urn}` show them), newest first, each saying whether it is in force.
 */
export async function sponsorshipList(ctx: Ctx, of: SponsorshipsOf, actor: Actor) {
  if ('school' in of) {
    const name = await schoolName(ctx, of.school);
    if (!name)
      return fail('not-found', worded('No school has the {{urn, schoolIdInSentence}}', { urn: of.school }));
    const items = await sponsorshipsOfSchool(ctx, of.school);
    return ok({ of: { urn: of.school, name }, total: items.length, items });
  }
  const page = await sponsorPage(ctx, of, actor);
  if (!page.ok) return page;
  const items = page.value.sponsorships.map((s) => ({ ...s, current: isCurrent(s, page.value.today) }));
  return ok({ of: { ...of, name: page.value.sponsor.name }, total: items.length, items });
}

/** A sponsorship as the API gives it. */
export const sponsorshipSchema = z.object({
  id: z.number(),
  urn: z.number().describe('the school taken on'),
  schoolName: z.string(),
  sponsor: z.union([
    z.object({ kind: z.literal('organisation'), id: z.number(), name: z.string() }),
    z.object({ kind: z.literal('school'), urn: z.number(), name: z.string() }),
  ]),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  current: z.boolean(),
});

/** The sponsorships a school is part of, taken on or sponsoring, each saying whether it is in force. */
export async function sponsorshipsOfSchool(ctx: Ctx, urn: number) {
  const day = today(ctx);
  return (await listSponsorships(ctx.db, { urns: [urn] })).map((s) => ({ ...s, current: isCurrent(s, day) }));
}
