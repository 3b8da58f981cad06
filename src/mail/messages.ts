import type { MailMessage } from './mailer.ts';

/** The words of each email S2S sends. Plain text: it reads well in every mail client. */

export function passwordResetMessage(to: string, link: string, validMinutes: number): MailMessage {
  return {
    to,
    subject: 'Reset your S2S password',
    text: [
      'Someone asked to reset the password for your S2S account.',
      '',
      `To choose a new password, open this link within ${validMinutes} minutes:`,
      link,
      '',
      'If it was not you, ignore this email: your password has not changed.',
    ].join('\n'),
  };
}

export function invitationMessage(
  to: string,
  link: string,
  invitation: { invitedBy: string; joining: string; validDays: number },
): MailMessage {
  return {
    to,
    subject: `You are invited to join ${invitation.joining} on S2S`,
    text: [
      `${invitation.invitedBy} has invited you to join ${invitation.joining} on S2S, the school-to-school support service.`,
      '',
      `To accept, open this link within ${invitation.validDays} days:`,
      link,
      '',
      'If you did not expect this, ignore this email.',
    ].join('\n'),
  };
}

const preferencesLine = (preferences: string) => ['', `Choose which emails you get from S2S: ${preferences}`];

/** One thing that happened: what, and where to see it; never the words of a partnership's plan. */
export function notificationMessage(
  to: string,
  notification: { subject: string; link: string },
  preferences: string,
): MailMessage {
  return {
    to,
    subject: notification.subject,
    text: [
      `${notification.subject}.`,
      '',
      'Sign in to S2S to see it:',
      notification.link,
      ...preferencesLine(preferences),
    ].join('\n'),
  };
}

/** A day's notifications in one email, for people who chose a daily digest. */
export function digestMessage(
  to: string,
  notifications: { subject: string; link: string }[],
  preferences: string,
): MailMessage {
  return {
    to,
    subject: `S2S: ${notifications.length} new ${notifications.length === 1 ? 'notification' : 'notifications'}`,
    text: [
      'Since your last digest:',
      '',
      ...notifications.flatMap((n) => [`- ${n.subject}`, `  ${n.link}`]),
      ...preferencesLine(preferences),
    ].join('\n'),
  };
}
