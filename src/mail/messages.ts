import type { Language } from '../domain/language.ts';
import type { SomeWords } from '../domain/words.ts';
import { translateMessage, translator } from '../i18n/index.ts';
import type { MailMessage } from './mailer.ts';

/** The words of each email S2S sends, in the recipient's language. Plain text: it reads well in every mail client. */

export function passwordResetMessage(
  to: string,
  link: string,
  validMinutes: number,
  language: Language,
): MailMessage {
  const t = translator(language);
  return {
    to,
    subject: t('mail.passwordReset.subject'),
    text: [
      t('mail.passwordReset.asked'),
      '',
      t('mail.passwordReset.open', { minutes: validMinutes }),
      link,
      '',
      t('mail.passwordReset.notYou'),
    ].join('\n'),
  };
}

export function invitationMessage(
  to: string,
  link: string,
  invitation: { invitedBy: string; joining: string; validDays: number },
  language: Language,
): MailMessage {
  const t = translator(language);
  return {
    to,
    subject: t('mail.invitation.subject', { joining: invitation.joining }),
    text: [
      t('mail.invitation.invited', { invitedBy: invitation.invitedBy, joining: invitation.joining }),
      '',
      t('mail.invitation.open', { days: invitation.validDays }),
      link,
      '',
      t('mail.invitation.unexpected'),
    ].join('\n'),
  };
}

const preferencesLine = (language: Language, preferences: string) => [
  '',
  translator(language)('mail.preferences', { link: preferences }),
];

/** One thing that happened: what, and where to see it; never the words of a partnership's plan. */
export function notificationMessage(
  to: string,
  notification: { subject: SomeWords; link: string },
  preferences: string,
  language: Language,
): MailMessage {
  const subject = translateMessage(language, notification.subject);
  return {
    to,
    subject,
    text: [
      `${subject}.`,
      '',
      translator(language)('mail.notification.signIn'),
      notification.link,
      ...preferencesLine(language, preferences),
    ].join('\n'),
  };
}

/** A day's notifications in one email, for people who chose a daily digest. */
export function digestMessage(
  to: string,
  notifications: { subject: SomeWords; link: string }[],
  preferences: string,
  language: Language,
): MailMessage {
  const t = translator(language);
  const count = notifications.length;
  return {
    to,
    subject: t('mail.digest.subject', { count }),
    text: [
      t('mail.digest.since'),
      '',
      ...notifications.flatMap((n) => [`- ${translateMessage(language, n.subject)}`, `  ${n.link}`]),
      ...preferencesLine(language, preferences),
    ].join('\n'),
  };
}
