import { setDesignationAudited } from '../../data/admins.ts';
import { findUserByEmail, listSystemLeaders, loadSessionUser } from '../../data/users.ts';
import { designationName, type Designation, type SessionUser } from '../../domain/access.ts';
import type { AppContext } from '../context.ts';
import { withSchoolNames } from '../schools/names.ts';

type Ctx = Pick<AppContext, 'db'>;

/** Everyone holding a system-leader designation, by name. */
export async function designatedLeaders(ctx: Ctx) {
  return (await listSystemLeaders(ctx.db)).map((l) => ({
    ...l,
    designationText: designationName(l.designation),
  }));
}

/** A person's account with every role they hold, or undefined. */
export async function personById(ctx: Ctx, id: number): Promise<SessionUser | undefined> {
  return Number.isSafeInteger(id) && id > 0 ? ((await loadSessionUser(ctx.db, id)) ?? undefined) : undefined;
}

/** The id of the account an email address has, if any. */
export async function personIdByEmail(ctx: Ctx, email: string): Promise<number | undefined> {
  return (await findUserByEmail(ctx.db, email))?.id;
}

/** A person's schools, named, for the administrator's view of them. */
export const schoolsOf = (ctx: Ctx, person: SessionUser) => withSchoolNames(ctx, person.schools);

/** Sets, changes or (null) removes a person's designation, audited. */
export async function setDesignation(
  ctx: Ctx,
  person: SessionUser,
  designation: Designation | null,
  actor: SessionUser,
): Promise<void> {
  await setDesignationAudited(ctx.db, person, designation, actor);
}
