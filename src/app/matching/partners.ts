import type { Candidate } from '../../domain/matching/find-partners.ts';
import { readSponsorship, type SponsorshipsBySchool } from '../../domain/sponsorship.ts';
import { sufficientEvidenceOf } from '../../domain/matching/pool.ts';
import { searchPartners, type Snapshot } from '../../domain/snapshot.ts';
import { writePhrase } from '../../domain/words.ts';
import { today, type AppContext } from '../context.ts';
import { locatePlace, nearPlace } from '../places.ts';
import { profileRefused } from '../profiles.ts';
import { fail, ok, type ErrorCode, type Result } from '../result.ts';
import type { PartnersAnswer } from './answers.ts';
import type { PartnersQuery } from './query.ts';

const ERROR_CODE: Record<'unknown-school' | 'no-location', ErrorCode> = {
  'unknown-school': 'not-found',
  'no-location': 'no-location',
};

/**
 * A candidate as every face shows it (its score's parts left out), with what its sponsorship
 * means to the school searching: the trust they share, or a recent taking-on by another sponsor,
 * each with its reason when reasons are asked for (the registry's own trust reason is not said
 * twice). Built as one object, its reasons copied only when the sponsorship adds to them: the
 * API's answers are built for every request.
 */
function candidateAnswer(
  c: Candidate,
  own: number,
  sponsorships: SponsorshipsBySchool,
  day: string,
  explain: boolean,
) {
  const reading = readSponsorship(own, c.urn, sponsorships, day);
  const said = explain ? reading.reasonWords : [];
  const told =
    said.length > 0 && c.reasons.some((r) => r.startsWith('In the same trust ('))
      ? said.filter((p) => !p.template.startsWith('In the same trust as you'))
      : said;
  return {
    urn: c.urn,
    name: c.name,
    phase: c.phase,
    group: c.group,
    distanceKm: c.distanceKm,
    score: c.score,
    remote: c.remote,
    tags: c.tags,
    reasons: told.length === 0 ? c.reasons : [...c.reasons, ...told.map((p) => writePhrase(p))],
    reasonWords: told.length === 0 ? c.reasonWords : [...c.reasonWords, ...told],
    location: c.location,
    sameTrust: reading.sameTrust,
    recentlyTakenOn: reading.recentlyTakenOn && {
      sponsor: reading.recentlyTakenOn.sponsor.name,
      since: reading.recentlyTakenOn.startsOn,
    },
  };
}

/**
 * A search wider than the school's phase looks by default can reach thousands of schools (a
 * reciprocal search at 100 km weighs every group across a region), so it runs in a worker; the
 * usual search takes about a millisecond and answers on the spot.
 */
const isWide = (snapshot: Snapshot, urn: number, radiusKm: number | undefined) => {
  const phase = snapshot.byUrn.get(urn)?.phase;
  return radiusKm !== undefined && phase !== undefined && radiusKm > snapshot.settings.radiusKm[phase];
};

/**
 * Whether a partner search would set off a heavy computation: one wider than the school's phase
 * looks by default. The usual search is not, and is not counted as one.
 */
export async function isWidePartnerSearch(
  ctx: Pick<AppContext, 'snapshots'>,
  urn: number,
  radiusKm: number | undefined,
): Promise<boolean> {
  return isWide(await ctx.snapshots.get(), urn, radiusKm);
}

/**
 * Ranked, explained candidate partners for one school: the answer of
 * `GET /api/schools/{urn}/partners` and `s2s match --json`, and what the page shows.
 */
export async function partnersFor(
  ctx: Pick<AppContext, 'snapshots' | 'compute' | 'now'>,
  urn: number,
  query: PartnersQuery,
): Promise<Result<PartnersAnswer>> {
  const { profile, near, ...search } = query;
  const snapshot = await ctx.snapshots.withView(profile);
  const place = near === undefined ? undefined : locatePlace(snapshot, near);
  if (place && !place.ok) return place;
  const from = place && { name: place.value.name, location: place.value.location };
  const partnerQuery = { ...search, near: from };
  const result = isWide(snapshot, urn, search.radiusKm)
    ? await ctx.compute.run(snapshot, { kind: 'partners', profile, urn, query: partnerQuery })
    : searchPartners(snapshot, urn, partnerQuery, profile);
  if (!result.ok) {
    if (result.error === 'unknown-profile') return profileRefused(result);
    const { message, template, values } = result;
    return fail(ERROR_CODE[result.error], { message, template, values });
  }
  const { school, placedBy } = result;
  const day = today(ctx);
  return ok({
    school: {
      urn: school.school.urn,
      name: school.school.name,
      phase: school.school.phase,
      group: school.group,
      sufficientEvidence: sufficientEvidenceOf(school),
      reasons: search.explain ? school.classification.reasons.map((r) => r.text) : [],
      location: school.school.location,
    },
    // A Welsh school is placed by the Welsh profile whichever is asked for.
    profile: { name: placedBy.name, version: placedBy.version, title: placedBy.title },
    strategy: search.strategy,
    radiusKm: result.radiusKm,
    ...(place && { near: nearPlace(near!, place.value, result.radiusKm) }),
    candidates: result.candidates.map((c) =>
      candidateAnswer(c, urn, snapshot.sponsorshipsBySchool, day, search.explain),
    ),
  });
}
