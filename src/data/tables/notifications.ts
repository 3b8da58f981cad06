import type { ColumnType, Generated } from 'kysely';
import type { Delivery, NotificationKind } from '../../domain/notifications.ts';
import type { Words } from '../../domain/words.ts';

type Created = ColumnType<Date, Date | string | undefined, never>;

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  partnership_id: number | null;
  subject: string;
  link: string;
  delivery: Delivery;
  created_at: Created;
  read_at: Date | string | null;
  emailed_at: Date | string | null;
  /** What a dated reminder is about (`milestone-due:12`): each person hears of it once. */
  reminder_key: ColumnType<string | null, string | null | undefined, never>;
  /** The template `subject` was written from, and its values, for the reader's language. */
  subject_template: ColumnType<string | null, string | null | undefined, never>;
  subject_values: ColumnType<Words['values'] | null, string | null | undefined, never>;
}

export interface NotificationPreferencesTable {
  user_id: number;
  kind: NotificationKind;
  delivery: Delivery;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}
