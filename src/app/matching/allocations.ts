import { z } from 'zod';
import { pairingAnswer, reasonWordsOf, type Allocation } from '../../domain/allocation/index.ts';
import { currentLaName } from '../../domain/local-authorities.ts';
import { PHASES, type Area, type School } from '../../domain/school.ts';
import type { Phrase } from '../../domain/words.ts';
import { oneOf } from '../choices.ts';
import type { AppContext } from '../context.ts';
import { blankAsMissing, optionalText, profileNameSchema } from '../input.ts';
import { profileView } from '../profiles.ts';
import { ok, type Result } from '../result.ts';
import type { AllocationAnswer } from './answers.ts';

/**
 * The areas (and the phase) the allocation can be narrowed to: the schools in need there, of that
 * phase, wherever their supporters are.
 */
export const allocationAreaQuery = z.object({
  profile: profileNameSchema,
  region: optionalText(100),
  la: optionalText(100),
  constituency: optionalText(100),
  phase: z.preprocess(blankAsMissing, oneOf(PHASES, 'Choose a phase: {{choices}}').optional()),
});
export type AllocationAreaQuery = z.infer<typeof allocationAreaQuery>;

export const allocationQuery = allocationAreaQuery.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1, 'Limit must be at least 1')
    .max(1000, 'Limit must be 1000 or fewer')
    .default(100),
  offset: z.coerce.number().int().min(0, 'Offset must be 0 or more').default(0),
});
export type AllocationQuery = z.infer<typeof allocationQuery>;

/** An area filter matches the code, or the name whatever its case, as the school search does. */
const inArea = (area: Area | null | undefined, wanted: string | undefined) =>
  wanted === undefined ||
  (area != null && (area.code === wanted || area.name.toLowerCase() === wanted.toLowerCase()));

/**
 * The allocation for the schools in need in an area (all of them when no area is named), with the
 * summary worked out over those schools: supporters may be anywhere.
 */
export async function allocationInArea(
  ctx: Pick<AppContext, 'snapshots' | 'compute'>,
  query: AllocationAreaQuery,
): Promise<
  Result<{
    profile: { name: string; version: number; title: string };
    allocation: Allocation;
    schools: ReadonlyMap<number, School>;
  }>
> {
  const found = await profileView(ctx, query.profile);
  if (!found.ok) return found;
  const { snapshot, view } = found.value;
  const { profile } = view;
  // The whole country's min-cost flow: seconds of work, done in a worker once per snapshot.
  const national = await ctx.compute.run(snapshot, { kind: 'allocation', profile: profile.name });
  const profileRef = { name: profile.name, version: profile.version, title: profile.title };
  if (
    query.region === undefined &&
    query.la === undefined &&
    query.constituency === undefined &&
    query.phase === undefined
  ) {
    return ok({ profile: profileRef, allocation: national, schools: snapshot.byUrn });
  }
  const here = (urn: number) => {
    const school = snapshot.byUrn.get(urn);
    return (
      inArea(school?.region, query.region) &&
      inArea(school?.localAuthority, query.la) &&
      inArea(school?.constituency, query.constituency) &&
      (query.phase === undefined || school?.phase === query.phase)
    );
  };
  const assignments = national.assignments.filter((a) => here(a.urn));
  const unsupported = national.unsupported.filter((u) => here(u.urn));
  const remote = assignments.filter((a) => a.remote);
  return ok({
    profile: profileRef,
    schools: snapshot.byUrn,
    allocation: {
      assignments,
      unsupported,
      summary: {
        inNeed: assignments.length + unsupported.length,
        supported: assignments.length,
        unsupported: unsupported.length,
        remote: remote.length,
        remoteNearerTaken: remote.filter((a) => a.nearerTaken).length,
        supporters: new Set(assignments.map((a) => a.supporterUrn)).size,
      },
    },
  });
}

const areaOf = (school: School | undefined) =>
  school?.localAuthority
    ? { code: school.localAuthority.code, name: currentLaName(school.localAuthority) }
    : null;

/**
 * A page of the national allocation: who supports whom, and who is left without a partner and
 * why, for the schools in need of an area or all. The answer of `GET /api/allocations` and
 * `s2s allocate --json`.
 */
export async function allocationPage(
  ctx: Pick<AppContext, 'snapshots' | 'compute'>,
  query: AllocationQuery,
): Promise<Result<AllocationAnswer>> {
  const found = await allocationInArea(ctx, query);
  return found.ok ? ok(pageOf(found.value, query)) : found;
}

/**
 * The page of the allocation for people: each pairing shown also with its reasons as phrases, to
 * be written in the reader's language (in English when they cannot be worked out again), and the
 * first `unsupportedShown` schools left without a supporter with why as a phrase (how many there
 * are is `summary.unsupported`).
 */
export async function allocationPageInWords(
  ctx: Pick<AppContext, 'snapshots' | 'compute'>,
  query: AllocationQuery,
  unsupportedShown: number,
): Promise<
  Result<
    Omit<AllocationAnswer, 'items' | 'unsupported'> & {
      items: (AllocationAnswer['items'][number] & { reasonWords: Phrase[] })[];
      unsupported: (AllocationAnswer['unsupported'][number] & { words: Phrase })[];
    }
  >
> {
  const found = await allocationInArea(ctx, query);
  if (!found.ok) return found;
  const page = pageOf(found.value, query);
  // The page's pairings as the allocation holds them, where their phrases are kept once written.
  const shown = found.value.allocation.assignments.slice(query.offset, query.offset + query.limit);
  return ok({
    ...page,
    items: page.items.map((item, i) => ({ ...item, reasonWords: reasonWordsOf(shown[i]!) ?? [] })),
    unsupported: unsupportedIn(found.value, 0, unsupportedShown),
  });
}

/**
 * The schools in need left without a supporter from `from`, `count` of them, each with its local
 * authority: only those, as there can be tens of thousands.
 */
const unsupportedIn = (
  { allocation, schools }: { allocation: Allocation; schools: ReadonlyMap<number, School> },
  from: number,
  count: number,
) =>
  allocation.unsupported
    .slice(from, from + count)
    .map((u) => ({ ...u, localAuthority: areaOf(schools.get(u.urn)) }));

function pageOf(
  {
    profile,
    allocation,
    schools,
  }: { profile: AllocationAnswer['profile']; allocation: Allocation; schools: ReadonlyMap<number, School> },
  { limit, offset }: AllocationQuery,
): AllocationAnswer {
  return {
    profile,
    summary: allocation.summary,
    total: allocation.assignments.length,
    limit,
    offset,
    items: allocation.assignments.slice(offset, offset + limit).map((a) => ({
      ...pairingAnswer(a),
      localAuthority: areaOf(schools.get(a.urn)),
      supporterLocalAuthority: areaOf(schools.get(a.supporterUrn)),
    })),
    // The same page of the schools left without a supporter: `summary.unsupported` says how many.
    // The answer's words are English; the phrase they were written from is for pages.
    unsupported: unsupportedIn({ allocation, schools }, offset, limit).map(({ words: _words, ...u }) => u),
  };
}
