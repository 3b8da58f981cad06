import { sql } from 'kysely';
import type { Language } from '../domain/language.ts';
import type { Delivery, NotificationKind, SchoolPerson } from '../domain/notifications.ts';
import type { SomeWords } from '../domain/words.ts';
import type { Db } from './db.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A stored subject with the template it was written from, when it was kept. */
const subjectWords = (r: {
  subject: string;
  subject_template: string | null;
  subject_values: SomeWords['values'] | null;
}): SomeWords =>
  r.subject_template === null
    ? { message: r.subject }
    : { message: r.subject, template: r.subject_template, values: r.subject_values ?? {} };

/** Everyone with a role in these schools. */
export async function peopleOfSchools(db: Db, urns: number[]): Promise<SchoolPerson[]> {
  if (urns.length === 0) return [];
  const rows = await db
    .selectFrom('school_memberships')
    .select(['user_id', 'urn', 'role'])
    .where('urn', 'in', urns)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, urn: r.urn, role: r.role }));
}

export interface Recipient {
  id: number;
  email: string;
  /** The language they chose for the service, if they have. */
  language: Language | null;
  delivery: Delivery | undefined;
}

/** These people's addresses and the delivery each chose for this kind, if any. */
export async function recipientsOf(db: Db, userIds: number[], kind: NotificationKind): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', (join) =>
      join.onRef('p.user_id', '=', 'u.id').on('p.kind', '=', kind),
    )
    .select(['u.id', 'u.email', 'u.language', 'p.delivery'])
    .where('u.id', 'in', userIds)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    language: r.language,
    delivery: r.delivery ?? undefined,
  }));
}

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  partnershipId: number | null;
  subject: SomeWords;
  link: string;
  delivery: Delivery;
  /** Set when it is emailed straight away (or never: delivery off). */
  emailedAt: string | null;
  /** What a dated reminder is about: each person hears of it once. */
  reminderKey?: string;
}

/**
 * Stores notifications; gives the people whose notification was stored (a reminder a person
 * already had, by its `reminderKey`, is not stored again).
 */
export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('notifications')
    .values(
      rows.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        partnership_id: n.partnershipId,
        subject: n.subject.message,
        subject_template: n.subject.template ?? null,
        subject_values: n.subject.template ? JSON.stringify(n.subject.values ?? {}) : null,
        link: n.link,
        delivery: n.delivery,
        emailed_at: n.emailedAt,
        reminder_key: n.reminderKey ?? null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'reminder_key']).where('reminder_key', 'is not', null).doNothing(),
    )
    .returning('user_id')
    .execute();
  return new Set(inserted.map((r) => r.user_id));
}

/** The running partnerships' ids: those whose dates may call for a reminder. */
export async function runningPartnershipIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('partnerships')
    .select('id')
    .where('status', 'in', ['agreed', 'active', 'reviewing'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface StoredNotification {
  id: number;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  subject: string;
  /** The subject with the template it was written from, for the reader's language. */
  words: SomeWords;
  link: string;
}

export async function listNotifications(
  db: Db,
  userId: number,
  page: { limit: number; offset: number },
): Promise<{ total: number; unread: number; items: StoredNotification[] }> {
  const [counts, rows] = await Promise.all([
    db
      .selectFrom('notifications')
      .select([
        (eb) => eb.fn.countAll<number>().as('total'),
        sql<number>`count(*) filter (where read_at is null)`.as('unread'),
      ])
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications')
      .select(['id', 'kind', 'created_at', 'read_at', 'subject', 'subject_template', 'subject_values', 'link'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return {
    total: Number(counts.total),
    unread: Number(counts.unread),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      createdAt: iso(r.created_at)!,
      readAt: iso(r.read_at),
      subject: r.subject,
      words: subjectWords(r),
      link: r.link,
    })),
  };
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of this person's notifications read; its link, or undefined if it is not theirs. */
export async function markRead(db: Db, userId: number, id: number, at: string): Promise<string | undefined> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, ${at}::timestamptz)` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('link')
    .executeTakeFirst();
  return row?.link;
}

export async function markAllRead(db: Db, userId: number, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function getPreferences(db: Db, userId: number): Promise<Map<NotificationKind, Delivery>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'delivery'])
    .where('user_id', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.kind, r.delivery]));
}

export async function savePreferences(
  db: Db,
  userId: number,
  choices: { kind: NotificationKind; delivery: Delivery }[],
): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insertInto('notification_preferences')
    .values(choices.map((c) => ({ user_id: userId, kind: c.kind, delivery: c.delivery })))
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({ delivery: eb.ref('excluded.delivery') })))
    .execute();
}

export interface PendingDigest {
  userId: number;
  email: string;
  language: Language | null;
  items: { id: number; subject: SomeWords; link: string }[];
}

/** Notifications waiting for their daily digest, per person. */
export async function pendingDigests(db: Db): Promise<PendingDigest[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select([
      'n.id',
      'n.user_id',
      'u.email',
      'u.language',
      'n.subject',
      'n.subject_template',
      'n.subject_values',
      'n.link',
    ])
    .where('n.delivery', '=', 'daily')
    .where('n.emailed_at', 'is', null)
    .orderBy('n.user_id')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  const digests = new Map<number, PendingDigest>();
  for (const r of rows) {
    const digest = digests.get(r.user_id) ?? {
      userId: r.user_id,
      email: r.email,
      language: r.language,
      items: [],
    };
    digest.items.push({ id: r.id, subject: subjectWords(r), link: r.link });
    digests.set(r.user_id, digest);
  }
  return [...digests.values()];
}

export async function markEmailed(db: Db, ids: number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('notifications').set({ emailed_at: at }).where('id', 'in', ids).execute();
}
