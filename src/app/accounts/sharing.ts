import { saveSchoolSharingChoices } from '../../data/organisation-admin.ts';
import { listSchoolOrganisations } from '../../data/organisations.ts';
import type { SessionUser } from '../../domain/access.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, worded } from '../result.ts';
import { schoolName } from '../schools/names.ts';

type Ctx = Pick<AppContext, 'db'>;

/** The organisations a school belongs to, and whether it shares its records with each. */
export async function sharingChoices(ctx: Ctx, urn: number) {
  const name = await schoolName(ctx, urn);
  if (!name) return fail('not-found', worded('No school with {{urn, schoolIdInSentence}}', { urn }));
  return ok({ school: { urn, name }, organisations: await listSchoolOrganisations(ctx.db, urn) });
}

/** A school's administrator's choice of who may read its records (the others lose access), audited. */
export async function saveSharing(ctx: Ctx, urn: number, sharedWith: readonly number[], actor: SessionUser) {
  await saveSchoolSharingChoices(ctx.db, urn, new Set(sharedWith), actor);
}
