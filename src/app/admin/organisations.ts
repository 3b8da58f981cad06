import { z } from 'zod';
import { SCHOOL_ID_PATTERN } from '../../domain/wales.ts';
import {
  addOrganisationSchoolAudited,
  addOrganisationSchoolsAudited,
  createOrganisationAudited,
  getOrganisationDetail,
  selectSchoolsForOrganisation,
  type SchoolSelection,
} from '../../data/organisation-admin.ts';
import { getOrganisation, listOrganisations } from '../../data/organisations.ts';
import {
  canAdministerPlatform,
  isOrganisationOfficer,
  ORGANISATION_KIND_LABELS,
  type OrganisationKind,
  type SessionUser,
} from '../../domain/access.ts';
import { phrase, writePhrase } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, parseInput, type Result, wordedCheck } from '../result.ts';
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
    const refusal = phrase('There is already a {{kind}} called {{name}}', {
      kind: phrase(ORGANISATION_KIND_LABELS[input.kind].toLowerCase()),
      name: input.name,
    });
    return invalidField('name', { message: writePhrase(refusal), phrase: refusal });
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

/**
 * Who may add schools to an organisation in bulk: its own officers, and platform administrators.
 * Adding a school gives nobody its records: each school's administrators still decide to share.
 */
export const canManageOrganisationSchools = (actor: SessionUser, organisationId: number): boolean =>
  isOrganisationOfficer(actor, organisationId) || canAdministerPlatform(actor);

/** An organisation and its schools (with whether each shares), for its officers and platform administrators. */
export async function organisationSchools(ctx: Ctx, organisationId: number, actor: SessionUser) {
  if (!canManageOrganisationSchools(actor, organisationId))
    return fail('forbidden', 'Only the organisation’s officers see this page.');
  const organisation = await getOrganisation(ctx.db, organisationId);
  if (!organisation) return fail('not-found', 'No such organisation.');
  const { schools } = await getOrganisationDetail(ctx.db, organisationId);
  return ok({
    organisation: { ...organisation, kindLabel: ORGANISATION_KIND_LABELS[organisation.kind] },
    schools,
  });
}

/** At most this many URNs in one pasted list: more is a whole authority or trust, chosen as such. */
export const MAX_LISTED_URNS = 2000;

/** The bulk addition form: a local authority (by code), a trust (by name), or pasted URNs. */
export const bulkSchoolsInput = z.discriminatedUnion(
  'by',
  [
    z.object({ by: z.literal('la'), la: z.string().trim().min(1, 'Choose a local authority') }),
    z.object({ by: z.literal('trust'), trust: z.string().trim().min(1, 'Enter the trust’s name').max(200) }),
    z.object({
      by: z.literal('urns'),
      urns: z
        .string()
        .transform((text) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))])
        .pipe(
          z
            .array(
              z
                .string()
                .regex(
                  SCHOOL_ID_PATTERN,
                  'Each is a URN (6 digits) or a Welsh school number (7 digits); separate them with spaces, commas or new lines',
                ),
            )
            .min(1, 'Enter at least one URN')
            .refine(
              (urns) => urns.length <= MAX_LISTED_URNS,
              wordedCheck('Enter {{max}} URNs or fewer', { max: MAX_LISTED_URNS }),
            ),
        )
        .transform((urns) => urns.map(Number)),
    }),
  ],
  { error: 'Choose how to pick the schools' },
);
export type BulkSchoolsInput = z.output<typeof bulkSchoolsInput>;

function selectionOf(input: BulkSchoolsInput): SchoolSelection {
  return input.by === 'la'
    ? { la: input.la }
    : input.by === 'trust'
      ? { trust: input.trust }
      : { urns: input.urns };
}

/**
 * What a bulk addition would do, for the officer to check before confirming: the schools it would
 * add, those already in, and listed URNs that match no open school. Nothing is changed.
 */
export async function previewBulkSchools(
  ctx: Ctx,
  organisationId: number,
  input: unknown,
  actor: SessionUser,
) {
  if (!canManageOrganisationSchools(actor, organisationId))
    return fail('forbidden', 'Only the organisation’s officers and platform administrators add its schools.');
  if (!(await getOrganisation(ctx.db, organisationId))) return fail('not-found', 'No such organisation.');
  const parsed = parseInput(bulkSchoolsInput, input);
  if (!parsed.ok) return parsed;
  const { schools, unknownUrns } = await selectSchoolsForOrganisation(
    ctx.db,
    organisationId,
    selectionOf(parsed.value),
  );
  if (schools.length === 0 && unknownUrns.length === 0) {
    const field = parsed.value.by;
    return invalidField(
      field,
      field === 'trust' ? 'No open school records that trust' : 'No open school is in that local authority',
    );
  }
  return ok({
    input: parsed.value,
    toAdd: schools.filter((s) => !s.alreadyIn),
    alreadyIn: schools.filter((s) => s.alreadyIn).length,
    unknownUrns,
  });
}

/** Adds the schools a bulk addition names (audited, one transaction), as previewed. */
export async function addSchoolsInBulk(
  ctx: Ctx,
  organisationId: number,
  input: unknown,
  actor: SessionUser,
): Promise<Result<{ added: number }>> {
  const preview = await previewBulkSchools(ctx, organisationId, input, actor);
  if (!preview.ok) return preview;
  const urns = preview.value.toAdd.map((s) => s.urn);
  await addOrganisationSchoolsAudited(ctx.db, organisationId, urns, actor);
  return ok({ added: urns.length });
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
