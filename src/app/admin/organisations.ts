import {
  addOrganisationSchoolAudited,
  createOrganisationAudited,
  getOrganisationDetail,
} from '../../data/organisation-admin.ts';
import { getOrganisation, listOrganisations } from '../../data/organisations.ts';
import { ORGANISATION_KIND_LABELS, type OrganisationKind, type SessionUser } from '../../domain/access.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, type Result } from '../result.ts';
import { schoolName } from '../schools/names.ts';
import { sendInvitation } from '../accounts/invitations.ts';

type Ctx = Pick<AppContext, 'db'>;

const UNIQUE_VIOLATION = '23505';

/** Every organisation with its counts of schools and officers. */
export async function organisationsList(ctx: Ctx) {
  return (await listOrganisations(ctx.db)).map((o) => ({
    ...o,
    kindLabel: ORGANISATION_KIND_LABELS[o.kind],
  }));
}

/** An organisation, its schools (with whether each shares) and its officers. */
export async function organisationDetail(ctx: Ctx, id: number) {
  const organisation = await getOrganisation(ctx.db, id);
  if (!organisation) return fail('not-found', 'No such organisation.');
  return ok({
    organisation: { ...organisation, kindLabel: ORGANISATION_KIND_LABELS[organisation.kind] },
    ...(await getOrganisationDetail(ctx.db, id)),
  });
}

/** Creates an organisation (audited); refused when one of that kind already has the name. */
export async function createOrganisation(
  ctx: Ctx,
  input: { kind: OrganisationKind; name: string },
  actor: SessionUser,
): Promise<Result<{ id: number }>> {
  try {
    return ok({ id: await createOrganisationAudited(ctx.db, input, actor) });
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    return invalidField(
      'name',
      `There is already a ${ORGANISATION_KIND_LABELS[input.kind].toLowerCase()} called ${input.name}`,
    );
  }
}

/** Adds a school to an organisation (audited). */
export async function addSchoolToOrganisation(
  ctx: Ctx,
  organisationId: number,
  urn: number,
  actor: SessionUser,
): Promise<Result<true>> {
  if (!(await getOrganisation(ctx.db, organisationId))) return fail('not-found', 'No such organisation.');
  if (!(await schoolName(ctx, urn))) return invalidField('urn', 'No school has that URN');
  await addOrganisationSchoolAudited(ctx.db, organisationId, urn, actor);
  return ok(true);
}

/** Invites someone to be an officer of an organisation. */
export async function inviteOfficer(
  ctx: Pick<AppContext, 'db' | 'now' | 'config' | 'mailer'>,
  organisationId: number,
  email: string,
  invitedBy: SessionUser,
): Promise<Result<true>> {
  const organisation = await getOrganisation(ctx.db, organisationId);
  if (!organisation) return fail('not-found', 'No such organisation.');
  await sendInvitation(ctx, { email, target: { organisationId }, invitedBy, joining: organisation.name });
  return ok(true);
}
