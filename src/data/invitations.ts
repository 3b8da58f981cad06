import type { SchoolRole } from '../domain/access.ts';
import { recordAudit } from './audit.ts';
import type { Transaction } from 'kysely';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';
import { hashToken, newToken } from './tokens.ts';
import { addOrganisationOfficer, createUser, findUserByEmail, normaliseEmail, setSchoolMembership } from './users.ts';

/** Into a school with a role, or into an organisation as an officer. */
export type InvitationTarget = { urn: number; schoolRole: SchoolRole } | { organisationId: number };

export interface Invitation {
  id: number;
  email: string;
  target: InvitationTarget;
  expiresAt: Date;
}

type Actor = { id: number; email: string };

type NewInvitation = { email: string; target: InvitationTarget; invitedBy: Actor; now: Date; validMs: number };

/** Creates an invitation and its audit entry; returns the token for the emailed link. */
export async function createInvitation(db: Db, invitation: NewInvitation): Promise<string> {
  return db.transaction().execute((trx) => insertInvitation(trx, invitation));
}

/** An invitation and its audit entry, written in the caller's transaction. */
export async function insertInvitation(trx: Transaction<Database>, invitation: NewInvitation): Promise<string> {
  const { token, hash } = newToken();
  const email = normaliseEmail(invitation.email);
  const { target } = invitation;
  await trx
    .insertInto('invitations')
    .values({
      token_hash: hash,
      email,
      urn: 'urn' in target ? target.urn : null,
      school_role: 'urn' in target ? target.schoolRole : null,
      organisation_id: 'organisationId' in target ? target.organisationId : null,
      invited_by: invitation.invitedBy.id,
      created_at: invitation.now,
      expires_at: new Date(invitation.now.getTime() + invitation.validMs),
    })
    .execute();
  await recordAudit(trx, {
    actor: invitation.invitedBy,
    action: 'urn' in target ? 'school.member-invited' : 'organisation.officer-invited',
    subject: email,
    urn: 'urn' in target ? target.urn : null,
    organisationId: 'organisationId' in target ? target.organisationId : null,
    details: 'urn' in target ? { role: target.schoolRole } : {},
  });
  return token;
}

/** An invitation that can still be accepted (unused, in date). */
export async function findInvitation(db: Db, token: string, now: Date): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const target: InvitationTarget =
    row.urn !== null && row.school_role !== null
      ? { urn: row.urn, schoolRole: row.school_role }
      : { organisationId: row.organisation_id! };
  return { id: row.id, email: row.email, target, expiresAt: row.expires_at };
}

/** Why an invitation cannot be accepted: it was used, or it ran out (or no invitation has that link). */
export async function unusableInvitation(db: Db, token: string): Promise<'used' | 'expired'> {
  const row = await db
    .selectFrom('invitations')
    .select('accepted_at')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row?.accepted_at ? 'used' : 'expired';
}

/** Invitations not yet accepted or expired, for a school's members page. */
export async function listPendingSchoolInvitations(
  db: Db,
  urn: number,
  now: Date,
): Promise<{ email: string; role: SchoolRole; expiresAt: Date }[]> {
  const rows = await db
    .selectFrom('invitations')
    .select(['email', 'school_role', 'expires_at'])
    .where('urn', '=', urn)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ email: r.email, role: r.school_role!, expiresAt: r.expires_at }));
}

/**
 * Accepts an invitation in one transaction: creates the account when `newAccount` is given (the
 * invited email must not have one), or adds the role to the existing account of that email.
 * Returns the user's id, or a reason it could not be accepted.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  now: Date,
  newAccount?: { name: string; passwordHash: string },
): Promise<{ userId: number } | { refused: 'invalid' | 'account-exists' | 'no-account' }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { refused: 'invalid' as const };
    const existing = await findUserByEmail(trx, row.email);
    if (existing && newAccount) return { refused: 'account-exists' as const };
    if (!existing && !newAccount) return { refused: 'no-account' as const };
    const userId =
      existing?.id ?? (await createUser(trx, { email: row.email, name: newAccount!.name, passwordHash: newAccount!.passwordHash }));
    if (row.urn !== null && row.school_role !== null) await setSchoolMembership(trx, userId, row.urn, row.school_role);
    if (row.organisation_id !== null) await addOrganisationOfficer(trx, userId, row.organisation_id);
    await trx
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      actor: { id: userId, email: row.email },
      action: row.urn !== null ? 'school.member-joined' : 'organisation.officer-joined',
      subject: row.email,
      urn: row.urn,
      organisationId: row.organisation_id,
      details: { ...(row.school_role ? { role: row.school_role } : {}), newAccount: !existing },
    });
    return { userId };
  });
}
