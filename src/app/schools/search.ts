import { listAreas, searchSchools } from '../../data/schools.ts';
import { registryCoverage } from '../../data/registry-coverage.ts';
import { byName } from '../../domain/capacity/aggregate.ts';
import { groupLabel } from '../../domain/classification/types.ts';
import { currentLaName } from '../../domain/local-authorities.ts';
import { PHASES, type Area, type School } from '../../domain/school.ts';
import type { AppContext } from '../context.ts';
import { locatePlace, nearPlace, type NearPlace } from '../places.ts';
import { ok, type Result } from '../result.ts';
import { urnsInGroup } from './groups.ts';
import type { SchoolSearchQuery } from './query.ts';

/** How far from a place a search looks when no radius is given, in km. */
export const NEAR_RADIUS_KM = 10;

export type SchoolsFound = {
  total: number;
  totalIsExact: boolean;
  limit: number;
  offset: number;
  near?: NearPlace;
  items: (School & { distanceKm?: number })[];
};

/**
 * A page of schools matching the search: the answer of `GET /api/schools` and the search page.
 * An offset past the last school answers with the last page (its offset says which it is). With
 * `near`, the schools within the radius of that place, nearest first; a place not found is refused.
 */
export async function findSchools(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  query: SchoolSearchQuery,
): Promise<Result<SchoolsFound>> {
  if (query.near !== undefined) return findNear(ctx, query, query.near);
  const { limit, group, near: _near, radiusKm: _radius, ...filters } = query;
  const urns = group ? await urnsInGroup(ctx.snapshots, group) : undefined;
  let offset = query.offset;
  let page = await searchSchools(ctx.db, { ...filters, urns, limit, offset });
  if (page.items.length === 0 && page.total > 0) {
    offset = Math.floor((page.total - 1) / limit) * limit;
    page = await searchSchools(ctx.db, { ...filters, urns, limit, offset });
  }
  return ok({ ...page, limit, offset });
}

/** An area filter matches the code, or the name whatever its case, as the database search does. */
const inArea = (area: Area | null, wanted: string) =>
  area !== null && (area.code === wanted || area.name.toLowerCase() === wanted.toLowerCase());

const schoolOf = (s: School): School => ({
  urn: s.urn,
  name: s.name,
  typeName: s.typeName,
  typeGroup: s.typeGroup,
  open: s.open,
  statusName: s.statusName,
  phase: s.phase,
  statutoryLowAge: s.statutoryLowAge,
  statutoryHighAge: s.statutoryHighAge,
  country: s.country,
  localAuthority: s.localAuthority,
  region: s.region,
  constituency: s.constituency,
  town: s.town,
  postcode: s.postcode,
  location: s.location,
  pupils: s.pupils,
  fsmPercent: s.fsmPercent,
  ealPercent: s.ealPercent,
  senPercent: s.senPercent,
  urbanRural: s.urbanRural,
  trust: s.trust,
  languageMedium: s.languageMedium ?? null,
  welshMediumType: s.welshMediumType ?? null,
});

async function findNear(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  query: SchoolSearchQuery,
  near: string,
): Promise<Result<SchoolsFound>> {
  const snapshot = await ctx.snapshots.get();
  const located = locatePlace(snapshot, near);
  if (!located.ok) return located;
  const place = located.value;
  const radiusKm = query.radiusKm ?? NEAR_RADIUS_KM;
  let found = snapshot.index.within(place.location, radiusKm);
  if (query.phase) found = found.filter((n) => n.item.phase === query.phase);
  if (query.la) found = found.filter((n) => inArea(n.item.localAuthority, query.la!));
  if (query.region) found = found.filter((n) => inArea(n.item.region, query.region!));
  if (query.group) {
    const inGroup = new Set(await urnsInGroup(ctx.snapshots, query.group));
    found = found.filter((n) => inGroup.has(n.item.urn));
  }
  if (query.q && found.length > 0) {
    // Words of a name or a URN within the area: the same search as without a place, among these schools.
    const named = await searchSchools(ctx.db, {
      q: query.q,
      urns: found.map((n) => n.item.urn),
      limit: found.length,
      offset: 0,
    });
    const urns = new Set(named.items.map((s) => s.urn));
    found = found.filter((n) => urns.has(n.item.urn));
  }
  const { limit } = query;
  const offset =
    query.offset < found.length || found.length === 0
      ? query.offset
      : Math.floor((found.length - 1) / limit) * limit;
  return ok({
    total: found.length,
    totalIsExact: true,
    limit,
    offset,
    near: nearPlace(near, place, radiusKm),
    items: found.slice(offset, offset + limit).map((n) => ({
      ...schoolOf(n.item),
      distanceKm: Math.round(n.distanceKm * 100) / 100,
    })),
  });
}

/**
 * The search page's rows: each school with what people choose a partner by, its group (as its
 * profile page shows it) and its latest inspection, from the same snapshot matching reads.
 */
export async function searchResults(ctx: Pick<AppContext, 'db' | 'snapshots'>, query: SchoolSearchQuery) {
  const [found, snapshot] = await Promise.all([findSchools(ctx, query), ctx.snapshots.get()]);
  if (!found.ok) return found;
  const page = found.value;
  const view = snapshot.view();
  return ok({
    ...page,
    requestedOffset: query.offset,
    items: page.items.map((school) => {
      const record = snapshot.byUrn.get(school.urn);
      const classification = view?.classifications.get(school.urn);
      return {
        ...school,
        localAuthority: school.localAuthority && {
          ...school.localAuthority,
          name: currentLaName(school.localAuthority),
        },
        group: classification ? { group: classification.group, label: groupLabel(classification) } : null,
        latestInspection: record?.inspections[0] ?? null,
        publishedRating: record?.publishedRatings?.[0] ?? null,
      };
    }),
  });
}

/**
 * What the search can be filtered by: the phases that have schools, the local authorities by the
 * names readers know today, the regions; and the countries the registry holds.
 */
export async function searchFilters(ctx: Pick<AppContext, 'db'>) {
  const [areas, coverage] = await Promise.all([listAreas(ctx.db), registryCoverage(ctx.db)]);
  return {
    phases: PHASES.filter((p) => coverage.phases.includes(p)),
    localAuthorities: areas.localAuthorities
      .map((la) => ({ code: la.code, name: currentLaName(la) }))
      .sort((a, b) => byName(a.name, b.name)),
    regions: areas.regions,
    countries: coverage.countries,
  };
}

/** The local authorities and regions one can filter by (other searches, such as good practice). */
export const searchAreas = searchFilters;
