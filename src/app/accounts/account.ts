import { designationName, ORGANISATION_KIND_LABELS, type SessionUser } from '../../domain/access.ts';
import type { AppContext } from '../context.ts';
import { withSchoolNames } from '../schools/names.ts';

/** "Your account": every role a person holds, named. */
export async function accountSummary(ctx: Pick<AppContext, 'db'>, user: SessionUser) {
  return {
    schools: await withSchoolNames(ctx, user.schools),
    organisations: user.organisations.map((o) => ({ ...o, kindLabel: ORGANISATION_KIND_LABELS[o.kind] })),
    designation: user.systemLeader ? designationName(user.systemLeader.designation) : null,
  };
}
