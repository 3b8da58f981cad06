import { z } from 'zod';
import {
  countUnread,
  getPreferences,
  insertNotifications,
  listNotifications,
  markAllRead,
  markEmailed,
  markRead,
  pendingDigests,
  peopleOfSchools,
  recipientsOf,
  runningPartnershipIds,
  savePreferences,
  type NewNotification,
  type StoredNotification,
} from '../../data/notifications.ts';
import { getMembers, getPartnership } from '../../data/partnerships.ts';
import { remindersDue } from '../../domain/reminders.ts';
import type { SessionUser } from '../../domain/access.ts';
import type { Language } from '../../domain/language.ts';
import {
  ACTION_NEEDED,
  DELIVERIES,
  DELIVERY_LABELS,
  deliveryFor,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  notificationSubject,
  recipients,
  type Delivery,
  type Happening,
  type NotificationKind,
} from '../../domain/notifications.ts';
import { phrase, type SomeWords, type Words } from '../../domain/words.ts';
import { digestMessage, notificationMessage } from '../../mail/messages.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { oneOfRefusing } from '../choices.ts';
import { fail, ok, parseInput, phrasedCheck, type Result } from '../result.ts';

type Ctx = Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>;

const PREFERENCES_PATH = '/notifications/preferences';
/** Where on the partnership each kind of notification leads. */
const LINK_SUFFIX: Partial<Record<NotificationKind, string>> = {
  'plan-changed': '/check',
  'signature-needed': '#lifecycle',
  'review-due': '#lifecycle',
  'milestone-due': '#milestones',
  'milestone-overdue': '#milestones',
};
const absolute = (ctx: Pick<AppContext, 'config'>, path: string) =>
  new URL(path, ctx.config.publicUrl).toString();

/** Sends what can be sent; a mail server that fails must not undo what the person did. */
async function sendAll(ctx: Ctx, messages: Parameters<Ctx['mailer']['send']>[0][]): Promise<boolean[]> {
  const sent = await Promise.allSettled(messages.map((m) => ctx.mailer.send(m)));
  return sent.map((s) => s.status === 'fulfilled');
}

/**
 * Tells the right people what happened to a partnership: a notification in the service for
 * each, and an email straight away, in tomorrow's digest or not at all, as each chose.
 */
export async function notifyPartnership(
  ctx: Ctx,
  actor: Actor,
  partnershipId: number,
  happening: Happening,
  { reminderKey }: { reminderKey?: string } = {},
): Promise<number> {
  const members = await getMembers(ctx.db, partnershipId);
  const people = await peopleOfSchools(
    ctx.db,
    members.map((m) => m.urn),
  );
  const userIds = recipients(happening, members, people, actor?.id ?? null);
  return tell(ctx, userIds, happening.kind, {
    partnershipId,
    link: `/partnerships/${partnershipId}${LINK_SUFFIX[happening.kind] ?? ''}`,
    subjectFor: (userId) =>
      notificationSubject(
        happening,
        members,
        people.filter((p) => p.userId === userId).map((p) => p.urn),
      ),
    reminderKey,
  });
}

/**
 * Tells people about something that is not a partnership's (a request to join a school). The
 * subject is worded from a template (`wordsOf`), never a sentence, so it reaches each reader in
 * their language.
 */
export function notifyPeople(
  ctx: Ctx,
  userIds: number[],
  kind: NotificationKind,
  notification: { subject: Words; link: string },
): Promise<number> {
  return tell(ctx, userIds, kind, {
    partnershipId: null,
    link: notification.link,
    subjectFor: () => notification.subject,
  });
}

/**
 * A notification in the service for each person, and an email straight away, in tomorrow's
 * digest or not at all, as each chose; gives how many were stored.
 */
async function tell(
  ctx: Ctx,
  userIds: number[],
  kind: NotificationKind,
  about: {
    partnershipId: number | null;
    link: string;
    subjectFor: (userId: number) => SomeWords;
    reminderKey?: string;
  },
): Promise<number> {
  const at = ctx.now().toISOString();
  const rows: (NewNotification & { email: string; language: Language })[] = (
    await recipientsOf(ctx.db, userIds, kind)
  ).map((r) => {
    const delivery = deliveryFor(kind, r.delivery);
    return {
      userId: r.id,
      email: r.email,
      language: r.language ?? 'en',
      kind,
      partnershipId: about.partnershipId,
      subject: about.subjectFor(r.id),
      link: about.link,
      delivery,
      emailedAt: delivery === 'daily' ? null : at,
      reminderKey: about.reminderKey,
    };
  });
  const stored = await insertNotifications(ctx.db, rows);
  await sendAll(
    ctx,
    rows
      .filter((r) => r.delivery === 'immediately' && stored.has(r.userId))
      .map((r) =>
        notificationMessage(
          r.email,
          { subject: r.subject, link: absolute(ctx, r.link) },
          absolute(ctx, PREFERENCES_PATH),
          r.language,
        ),
      ),
  );
  return stored.size;
}

/** The JSON answer of `GET /api/notifications`. */
export const notificationsAnswerSchema = z.object({
  total: z.number().int(),
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(NOTIFICATION_KINDS),
      createdAt: z.string(),
      readAt: z.string().nullable(),
      subject: z.string(),
      link: z.string(),
    }),
  ),
});
export type NotificationsAnswer = z.infer<typeof notificationsAnswerSchema>;

export const notificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export async function notificationsFor(
  ctx: Pick<AppContext, 'db'>,
  user: SessionUser,
  page: z.infer<typeof notificationsQuery>,
): Promise<Omit<NotificationsAnswer, 'items'> & { items: StoredNotification[] }> {
  // Each item's `words` are for a page in the reader's language; the API answers with `subject`.
  return listNotifications(ctx.db, user.id, page);
}

export const unreadNotifications = (ctx: Pick<AppContext, 'db'>, user: SessionUser) =>
  countUnread(ctx.db, user.id);

/** Marks a notification read and gives where it leads; only the person it was for. */
export async function openNotification(
  ctx: Pick<AppContext, 'db' | 'now'>,
  user: SessionUser,
  id: number,
): Promise<Result<string>> {
  const link = await markRead(ctx.db, user.id, id, ctx.now().toISOString());
  return link ? ok(link) : fail('not-found', 'There is no such notification.');
}

export async function markAllNotificationsRead(ctx: Pick<AppContext, 'db' | 'now'>, user: SessionUser) {
  await markAllRead(ctx.db, user.id, ctx.now().toISOString());
}

export interface KindPreference {
  kind: NotificationKind;
  label: string;
  delivery: Delivery;
  /** The deliveries this kind may have: never off when it asks for action. */
  choices: { value: Delivery; text: string }[];
}

export async function notificationPreferences(
  ctx: Pick<AppContext, 'db'>,
  user: SessionUser,
): Promise<KindPreference[]> {
  const chosen = await getPreferences(ctx.db, user.id);
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    label: NOTIFICATION_KIND_LABELS[kind],
    delivery: deliveryFor(kind, chosen.get(kind)),
    choices: DELIVERIES.filter((d) => d !== 'off' || !ACTION_NEEDED.includes(kind)).map((d) => ({
      value: d,
      text: DELIVERY_LABELS[d],
    })),
  }));
}

const preferencesInput = z
  .object(
    Object.fromEntries(
      NOTIFICATION_KINDS.map((kind) => [
        kind,
        oneOfRefusing(
          DELIVERIES,
          phrasedCheck(
            phrase('Choose how you hear that {{kind}}', {
              kind: phrase(NOTIFICATION_KIND_LABELS[kind].toLowerCase()),
            }),
          ),
        ),
      ]),
    ) as Record<NotificationKind, ReturnType<typeof oneOfRefusing<typeof DELIVERIES>>>,
  )
  .superRefine((value, issues) => {
    for (const kind of ACTION_NEEDED)
      if (value[kind] === 'off')
        issues.addIssue({
          code: 'custom',
          path: [kind],
          ...phrasedCheck(
            phrase('{{kind}} needs your action: choose an email straight away or a daily one', {
              kind: phrase(NOTIFICATION_KIND_LABELS[kind]),
            }),
          ),
        });
  });

/** Saves how a person hears of each kind. */
export async function setNotificationPreferences(
  ctx: Pick<AppContext, 'db'>,
  user: SessionUser,
  input: unknown,
): Promise<Result<true>> {
  const parsed = parseInput(preferencesInput, input);
  if (!parsed.ok) return parsed;
  await savePreferences(
    ctx.db,
    user.id,
    NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: parsed.value[kind] })),
  );
  return ok(true);
}

/** Emails each person who chose a daily digest what is new since their last one. */
export async function sendDailyDigests(ctx: Ctx): Promise<{ people: number; notifications: number }> {
  const digests = await pendingDigests(ctx.db);
  const sent = await sendAll(
    ctx,
    digests.map((d) =>
      digestMessage(
        d.email,
        d.items.map((i) => ({ subject: i.subject, link: absolute(ctx, i.link) })),
        absolute(ctx, PREFERENCES_PATH),
        d.language ?? 'en',
      ),
    ),
  );
  const done = digests.filter((_, i) => sent[i]);
  await markEmailed(
    ctx.db,
    done.flatMap((d) => d.items.map((i) => i.id)),
    ctx.now().toISOString(),
  );
  return { people: done.length, notifications: done.reduce((n, d) => n + d.items.length, 0) };
}

/**
 * Reminds the people of running partnerships of what their dates call for on `today`: a
 * milestone due within a week or overdue, a review due. Each person hears of each once, however
 * often this runs; the number of notifications stored.
 */
export async function sendReminders(ctx: Ctx, today: string): Promise<number> {
  const running = (
    await Promise.all((await runningPartnershipIds(ctx.db)).map((id) => getPartnership(ctx.db, id)))
  ).filter((p) => p !== undefined);
  let stored = 0;
  for (const r of remindersDue(running, today))
    stored += await notifyPartnership(ctx, null, r.partnershipId, r.happening, { reminderKey: r.key });
  return stored;
}
