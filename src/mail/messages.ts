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
