import { listAreas, searchSchools } from '../../data/schools.ts';
import type { AppContext } from '../context.ts';
import { urnsInGroup } from './groups.ts';
import type { SchoolSearchQuery } from './query.ts';

/** A page of schools matching the search: the answer of `GET /api/schools` and the search page. */
export async function findSchools(ctx: Pick<AppContext, 'db' | 'snapshots'>, query: SchoolSearchQuery) {
  const { limit, offset, group, ...filters } = query;
  const urns = group ? await urnsInGroup(ctx.snapshots, group) : undefined;
  const page = await searchSchools(ctx.db, { ...filters, urns, limit, offset });
  return { ...page, limit, offset };
}

/** The local authorities and regions one can filter by. */
export const searchAreas = (ctx: Pick<AppContext, 'db'>) => listAreas(ctx.db);
