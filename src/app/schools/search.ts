import { listAreas, searchSchools } from '../../data/schools.ts';
import { registryCoverage } from '../../data/registry-coverage.ts';
import { byName } from '../../domain/capacity/aggregate.ts';
import { groupLabel } from '../../domain/classification/types.ts';
import { currentLaName } from '../../domain/local-authorities.ts';
import { PHASES } from '../../domain/school.ts';
import type { AppContext } from '../context.ts';
import { urnsInGroup } from './groups.ts';
import type { SchoolSearchQuery } from './query.ts';

/**
 * A page of schools matching the search: the answer of `GET /api/schools` and the search page.
 * An offset past the last school answers with the last page (its offset says which it is).
 */
export async function findSchools(ctx: Pick<AppContext, 'db' | 'snapshots'>, query: SchoolSearchQuery) {
  const { limit, group, ...filters } = query;
  const urns = group ? await urnsInGroup(ctx.snapshots, group) : undefined;
  let offset = query.offset;
  let page = await searchSchools(ctx.db, { ...filters, urns, limit, offset });
  if (page.items.length === 0 && page.total > 0) {
    offset = Math.floor((page.total - 1) / limit) * limit;
    page = await searchSchools(ctx.db, { ...filters, urns, limit, offset });
  }
  return { ...page, limit, offset };
}

/**
 * The search page's rows: each school with what people choose a partner by, its group (as its
 * profile page shows it) and its latest inspection, from the same snapshot matching reads.
 */
export async function searchResults(ctx: Pick<AppContext, 'db' | 'snapshots'>, query: SchoolSearchQuery) {
  const [page, snapshot] = await Promise.all([findSchools(ctx, query), ctx.snapshots.get()]);
  const view = snapshot.view();
  return {
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
  };
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
